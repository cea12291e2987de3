"""Each list costs the same number of queries for 5 rows as for 15: a query a row
would show ten times over."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from events.factories import EventPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from themes.factories import ThemeContactFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


def fill(theme, editor, rows, first=0):
    """`rows` of each kind in `theme`, by authors of several kinds."""
    producer = appoint(theme, Role.PRODUCER, editor, OrganisationFactory())
    thread = ThreadFactory(theme=theme, author=producer, title="Busy")
    closed = ConsultationPageFactory(
        parent=theme,
        title=f"Closed {first}",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    for n in range(first, first + rows):
        author = UserFactory() if n % 2 else producer
        ThreadFactory(theme=theme, author=author, title=f"Thread {n}")
        forum_services.post_reply(thread, author, f"Reply {n}")
        gap_services.raise_gap(
            author, theme, title=f"Gap {n}", measure="M", purpose="P", topics=["t"]
        )
        EventPageFactory(parent=theme, title=f"Meeting {n}", capacity=10)
        ConsultationPageFactory(parent=theme, title=f"Consultation {n}")
        ResponseFactory(consultation=closed)
        ThemeContactFactory(theme=theme)
        StatisticContactFactory(statistic=StatisticFactory(themes=[theme]))
    return thread, closed


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    assert len(response.json()["results"]) >= 5
    return len(captured)


def test_query_counts_stay_flat_from_5_to_15_rows(client, housing, editor):
    thread, closed = fill(housing, editor, 5)
    paths = [
        "/api/v2/threads/?limit=100",
        f"/api/v2/threads/{thread.pk}/replies/?limit=100",
        "/api/v2/data-gaps/?limit=100",
        "/api/v2/meetings/?limit=100",
        "/api/v2/consultations/?limit=100",
        f"/api/v2/consultations/{closed.pk}/responses/?limit=100",
        "/api/v2/organisations/?limit=100",
        "/api/v2/contacts/?limit=100",
        f"/api/v2/statistics/?limit=100&theme={housing.slug}",
    ]
    at_5 = {path: queries(client, path) for path in paths}
    fill(housing, editor, 10, first=5)
    at_15 = {path: queries(client, path) for path in paths}
    assert at_15 == at_5
    assert max(at_5.values()) <= 12
