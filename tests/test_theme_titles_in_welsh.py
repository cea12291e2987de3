"""Every page at a /cy/ address names a theme by its live Welsh translation's title
(issue 17): the pages under a theme (its data gaps, discussions, meetings,
consultations, figures), their breadcrumbs, and the lists that name each row's
theme, for one query however many themes. A theme with no Welsh translation keeps
its English title."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Notification
from catalogue.factories import StatisticFactory
from consultations.factories import ConsultationPageFactory
from core.translation import title_in_each_language
from demo.welsh import translate_page
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.models import Status
from tests.in_welsh import in_welsh, page_in_welsh, text_of, translated
from themes.factories import ThemeContactFactory, ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

MUDO = "Mudo"


@pytest.fixture
def mudo(migration, welsh):
    return translated(migration, welsh, MUDO)


@pytest.fixture
def chair(migration, editor):
    return appoint(migration, Role.CHAIR, editor)


def in_theme(name, theme, **kwargs):
    return reverse(name, kwargs={"theme_slug": theme.slug, **kwargs})


def gap_address(name):
    return lambda gap, **_: in_theme(name, gap.theme, pk=gap.pk)


def content(migration, newcomer):
    """One of each thing named by its theme, in Migration; the held gap is one a
    newcomer raised, which a chair may reject."""
    statistic = StatisticFactory(
        name=f"Visas issued {migration.pk}", themes=[migration]
    )
    gap = DataGapFactory(
        theme=migration, title="Visas by region", status=Status.UNDER_ASSESSMENT
    )
    gap.statistics.add(statistic)
    thread = ThreadFactory(theme=migration, title="Where?", kind="question")
    thread.statistics.add(statistic)
    meeting = EventPageFactory(parent=migration, title="Spring meeting", capacity=4)
    return {
        "gap": gap,
        "held": gap_services.raise_gap(
            newcomer, migration, title="Visas held", measure="M.", purpose="P."
        ),
        "thread": thread,
        "meeting": meeting,
        "minutes": MinutesPageFactory(parent=meeting, title="Spring minutes"),
        "consultation": ConsultationPageFactory(
            parent=migration,
            title="Monthly visas?",
            closes_at=timezone.now() + timezone.timedelta(days=10),
        ),
        "statistic": statistic,
        "contact": ThemeContactFactory(theme=migration),
    }


# Each page: its address (from the content above), and whether a chair asks for it.
PAGES = {
    # 1. Data gaps: the gap, its triage and rejection, raising one, its links.
    "gap": (gap_address("gaps:gap"), False),
    "triage": (gap_address("gaps:triage"), True),
    "reject": (lambda held, **_: in_theme("gaps:reject", held.theme, pk=held.pk), True),
    "new gap": (lambda gap, **_: in_theme("gaps:new_gap", gap.theme), True),
    "gap links": (gap_address("connections:gap_links"), True),
    # 2. and 3. The registers, a theme's and every theme's, and similar gaps.
    "theme register": (lambda gap, **_: in_theme("gaps:register", gap.theme), False),
    "register": (lambda **_: reverse("gaps:all"), False),
    "similar gaps": (lambda **_: reverse("gaps:similar") + "?q=visas", False),
    # 4. Consultations, every theme's and a theme's.
    "consultations": (lambda **_: reverse("consultations:consultations"), False),
    "theme consultations": (
        lambda consultation, **_: consultation.get_parent().url,
        False,
    ),
    "consultation": (lambda consultation, **_: consultation.url, False),
    # 5. Discussions: the latest threads, a theme's, a thread and a new one.
    "home page": (lambda **_: "/", False),
    "threads": (lambda thread, **_: in_theme("forums:threads", thread.theme), False),
    "thread": (lambda thread, **_: thread.get_absolute_url(), False),
    "new thread": (
        lambda thread, **_: in_theme("forums:new_thread", thread.theme),
        True,
    ),
    # 6. The theme page's "See the Mudo data-gap register", and the figures.
    "theme page": (lambda gap, **_: gap.theme.url, False),
    "figures": (lambda gap, **_: in_theme("figures:theme", gap.theme), False),
    # Meetings, every theme's and a theme's, a meeting and its minutes.
    "meetings": (lambda **_: reverse("events:meetings"), False),
    "theme meetings": (lambda meeting, **_: meeting.get_parent().url, False),
    "meeting": (lambda meeting, **_: meeting.url, False),
    "minutes": (lambda minutes, **_: minutes.url, False),
    # What names a theme elsewhere: a statistic, the contacts, the search.
    "statistic": (lambda statistic, **_: statistic.get_absolute_url(), False),
    "contacts": (lambda **_: reverse("catalogue:contacts"), False),
    "search": (lambda **_: reverse("search") + "?query=visas", False),
    # A theme's members, asking to be a producer, a member's email choices.
    "members": (lambda gap, **_: in_theme("themes:members", gap.theme), True),
    "producer request": (
        lambda gap, **_: in_theme("themes:producer_request", gap.theme),
        True,
    ),
    "email choices": (lambda **_: reverse("notification_preferences"), True),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_welsh_page_names_the_theme_in_welsh(
    client, mudo, migration, newcomer, chair, name
):
    address, as_chair = PAGES[name]
    found = content(migration, newcomer)
    if as_chair:
        client.force_login(chair)

    cymraeg = page_in_welsh(client, address(**found))

    assert MUDO in cymraeg
    assert "Migration" not in cymraeg


def test_the_inbox_names_each_notifications_theme_in_welsh(client, mudo, migration):
    member = UserFactory()
    thread = ThreadFactory(theme=migration, title="Where?")
    Notification.objects.create(
        user=member,
        kind="new_thread",
        theme=migration,
        event_key=f"thread:{thread.pk}",
        template="new_thread",
        context={
            "thread_title": thread.title,
            "thread_url": thread.get_full_url(),
            "theme_title": title_in_each_language(migration),
            "author_name": "Ana",
            "thread_kind": "Discussion",
            "text": thread.body,
            "html": thread.body,
        },
        cadence=Notification.Cadence.DAILY,
    )
    client.force_login(member)

    cymraeg = page_in_welsh(client, reverse("notification_inbox"))

    assert f"· {MUDO} ·" in cymraeg
    assert "Migration" not in cymraeg


@pytest.mark.parametrize("name", ["gap", "register", "consultations", "home page"])
def test_a_theme_with_no_welsh_translation_keeps_its_english_title(
    client, migration, welsh, newcomer, name
):
    address, _as_chair = PAGES[name]
    # Its parents are translated; the theme itself is not.
    translate_page(migration.get_parent().get_parent(), welsh, {})
    translate_page(migration.get_parent(), welsh, {})

    cymraeg = page_in_welsh(client, address(**content(migration, newcomer)))

    assert "Migration" in cymraeg


# The same number of queries however many themes a list names.

LISTS = ["register", "similar gaps", "consultations", "meetings", "home page"]


@pytest.mark.parametrize("name", LISTS)
def test_a_welsh_list_costs_the_same_however_many_themes_it_names(
    client, theme_index, welsh, newcomer, name
):
    address, _as_chair = PAGES[name]
    themes = [
        ThemePageFactory(parent=theme_index, title=f"Theme {n}") for n in range(3)
    ]
    url = address(**content(themes[0], newcomer))
    translated(themes[0], welsh, "Thema 0")
    one = welsh_queries(client, url)

    for theme in themes[1:]:
        translated(theme, welsh, f"Thema {theme.pk}")
        content(theme, newcomer)

    assert welsh_queries(client, url) == one


def welsh_queries(client, url):
    in_welsh(client.get, url)  # the per-process caches
    with CaptureQueriesContext(connection) as run:
        response = in_welsh(client.get, url)
    assert response.status_code == 200
    return len(run)


# A translation is no theme of its own: each filter offers the theme once.


@pytest.mark.parametrize("name", ["register", "consultations", "meetings"])
def test_a_welsh_theme_filter_offers_a_translated_theme_once(
    client, mudo, migration, newcomer, name
):
    address, _as_chair = PAGES[name]

    cymraeg = page_in_welsh(client, address(**content(migration, newcomer)))

    assert cymraeg.count(f'<option value="migration">{MUDO}</option>') == 1


def test_a_themes_welsh_calendar_is_named_by_its_welsh_title(client, mudo, migration):
    calendar = in_welsh(
        client.get, in_theme("events:theme_meetings_calendar", migration)
    )

    assert MUDO in calendar.content.decode()
    assert "Migration" not in calendar.content.decode()


@pytest.mark.parametrize("action", ["join", "leave"])
def test_joining_or_leaving_in_welsh_says_the_themes_welsh_title(
    client, mudo, migration, action
):
    client.force_login(UserFactory())

    response = in_welsh(
        client.post,
        in_theme(f"themes:{action}", migration),
        {"frequency": "daily"},
        follow=True,
    )

    assert MUDO in text_of(response)
    assert "Migration" not in text_of(response)


def test_asking_about_a_statistic_offers_its_themes_in_welsh(
    client, mudo, migration, housing
):
    statistic = StatisticFactory(name="Visas", themes=[migration, housing])
    client.force_login(UserFactory())

    cymraeg = page_in_welsh(
        client,
        reverse("forums:ask_about_statistic", kwargs={"slug": statistic.slug}),
    )

    assert MUDO in cymraeg
    assert "Migration" not in cymraeg


def test_a_non_member_is_asked_to_join_the_theme_by_its_welsh_title(
    client, mudo, migration
):
    client.force_login(UserFactory())

    response = in_welsh(client.get, in_theme("themes:members", migration))

    assert response.status_code == 403
    assert MUDO in text_of(response)
    assert "Migration" not in text_of(response)
