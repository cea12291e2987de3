"""Get involved, its feed and its calendar make as many queries for 17 items of
each kind as for 4, for a visitor and for a member with marks to show: from fewer
than the page and the feed show to more (10 of each, 50 in all)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from events import services as events
from events.factories import EventPageFactory
from forums import services as forums
from forums.factories import ThreadFactory
from gaps import services as gaps
from gaps.factories import DataGapFactory
from tests.conftest import SignedInClient
from themes.services import join_theme

pytestmark = pytest.mark.django_db

# Counted as the test client sees them (the request's savepoints included).
# Visitor: the navigation's site and pages; for consultations and for meetings,
# Wagtail's view restrictions, the pages and their themes (6); gaps and their
# count, questions and their count (4). A member adds their session and account,
# their themes, one query a kind for what they took part in (4), the header's
# unread count and Wagtail's userbar permissions. In Welsh, the themes' Welsh
# titles (one query for every item's theme) and the organisations' names.
BUDGET = {
    ("/get-involved/", False): 15,
    ("/cy/get-involved/", False): 17,
    ("/get-involved/", True): 25,
    ("/get-involved.atom", False): 12,
    ("/get-involved.ics", False): 12,
}


def add_items(themes, member, n):
    """`n` of each kind of opportunity, spread over `themes`; the member took part
    in one of each."""
    for i in range(n):
        theme = themes[i % len(themes)]
        ConsultationPageFactory(parent=theme)
        EventPageFactory(parent=theme, capacity=5)
        DataGapFactory(theme=theme)
        ThreadFactory(theme=theme, kind="question")
    ResponseFactory(consultation=ConsultationPageFactory(parent=themes[0]), user=member)
    meeting = EventPageFactory(parent=themes[0])
    events.register(meeting, member, tell_them=False)
    gaps.support(DataGapFactory(theme=themes[0]), member)
    thread = ThreadFactory(theme=themes[0], kind="question")
    forums.post_reply(thread, member, "Table 3 has it.", tell=False)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def counts(member):
    """Queries for each address and reader in BUDGET, warm caches first."""
    found = {}
    for url, signed_in in BUDGET:
        client = SignedInClient()
        if signed_in:
            client.force_login(member)
        client.get(url)  # the per-process caches (content types, the site)
        found[url, signed_in] = count_queries(client, url)
    return found


def test_get_involved_its_feed_and_calendar_stay_within_budget(migration, housing):
    member = UserFactory()
    join_theme(member, housing)
    add_items([migration, housing], member, 3)
    few = counts(member)

    add_items([migration, housing], member, 12)
    many = counts(member)

    assert many == few
    assert all(many[key] <= BUDGET[key] for key in BUDGET), many
