"""A chair's admin dashboard shows what waits in the themes they chair: held
posts, questions unanswered after 5 working days, gaps waiting, meetings coming
and minutes owed, open and overdue actions. Nobody else's themes; nobody else
sees it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from connections.models import ActionItem
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from forums.models import Thread
from themes.factories import ThemePageFactory, appoint
from themes.models import Role
from themes.services import grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(housing, editor):
    return appoint(housing, Role.CHAIR, editor)


def waiting_in(theme, name):
    """One of everything a chair acts on, in `theme`, titled with `name`."""
    now = timezone.now()
    question = ThreadFactory(theme=theme, kind="question", title=f"{name} question")
    Thread.objects.filter(pk=question.pk).update(created_at=now - timedelta(days=14))
    ThreadFactory(theme=theme, kind="question", title=f"{name} new question")
    ThreadFactory(theme=theme, title=f"{name} held thread", is_public=False)
    EventPageFactory(parent=theme, title=f"{name} meeting to come")
    past = EventPageFactory(
        parent=theme,
        title=f"{name} meeting held",
        start=now - timedelta(days=10),
        end=now - timedelta(days=10) + timedelta(hours=2),
    )
    done = EventPageFactory(
        parent=theme,
        title=f"{name} minuted meeting",
        start=now - timedelta(days=20),
        end=now - timedelta(days=20) + timedelta(hours=2),
    )
    minutes = MinutesPageFactory(parent=done)
    ActionItem.objects.create(
        page=minutes,
        description=f"{name} overdue action",
        owner="ONS",
        due_date=timezone.localdate() - timedelta(days=1),
    )
    ActionItem.objects.create(page=minutes, description=f"{name} action", owner="ONS")
    return past


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_chair_sees_what_waits_in_their_theme(client, chair, housing):
    waiting_in(housing, "Housing")

    html = dashboard(client, chair)

    assert "Your themes: what is waiting" in html
    assert "Housing question" in html
    assert "Housing new question" not in html
    assert "Housing meeting to come" in html
    assert "Housing meeting held" in html
    assert "Write its minutes" in html
    assert "Housing minuted meeting" not in html
    assert "2, of which 1 overdue" in html
    assert "Housing overdue action" in html
    assert "Moderate them" in html


def test_a_chair_of_another_theme_sees_nothing_of_this_one(
    client, editor, housing, health
):
    waiting_in(housing, "Housing")
    other = appoint(health, Role.CHAIR, editor)

    html = dashboard(client, other)

    assert "Your themes: what is waiting" in html
    for title in ["question", "meeting to come", "meeting held", "overdue action"]:
        assert f"Housing {title}" not in html
    assert "0, of which 0 overdue" in html


def test_a_producer_has_no_chairs_dashboard(client, editor, housing, ons):
    waiting_in(housing, "Housing")
    producer = appoint(housing, Role.PRODUCER, editor, ons)

    client.force_login(producer)
    html = client.get("/admin/").content.decode()

    assert "Your themes: what is waiting" not in html
    assert "Housing question" not in html


def test_a_member_cannot_open_the_admin(client, housing):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code in (302, 403)
    assert "Your themes: what is waiting" not in response.content.decode()


def test_the_dashboard_takes_the_same_queries_however_many_themes_and_posts(
    client, editor, theme_index
):
    chair = None

    def fill(numbers):
        nonlocal chair
        for number in numbers:
            theme = ThemePageFactory(
                parent=theme_index, title=f"Theme {number}", slug=f"theme-{number}"
            )
            if chair is None:
                chair = appoint(theme, Role.CHAIR, editor)
            else:
                grant_role(theme, chair, Role.CHAIR, granted_by=editor, tell=False)
            for copy in range(2):
                waiting_in(theme, f"T{number}.{copy}")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    fill([0])
    client.force_login(chair)
    queries()  # the first request fills the caches a signed-in admin keeps
    one_theme = queries()
    fill([1, 2, 3])
    queries()  # new themes and roles replace what the cache kept

    assert queries() == one_theme
    assert one_theme <= 45
