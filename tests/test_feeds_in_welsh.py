"""Every Atom feed at its /cy/ address names a theme by its Welsh translation's title
(the English one where the theme has none) and says its own words in Welsh, at a
cost that does not grow with the number of entries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from demo.welsh import translate_page, translate_snippet
from events.factories import EventPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.feeds import thread_feed_url
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.feeds import gap_feed_url
from gaps.models import Status
from tests.feeds import parsed
from tests.in_welsh import translated

pytestmark = pytest.mark.django_db

YMFUDO = "Ymfudo"
TAI = "Tai"


@pytest.fixture(autouse=True)
def emails_queued_not_sent(settings):
    backend = "django_tasks.backends.dummy.DummyBackend"
    settings.TASKS = {"default": {"BACKEND": backend}}


@pytest.fixture
def ymfudo(migration, welsh):
    return translated(migration, welsh, YMFUDO)


def in_welsh(client, path):
    return parsed(client, "/cy" + path)


def words_of(feed):
    """Every title, subtitle and category of a parsed feed, as one text."""
    words = [feed.feed.title, feed.feed.get("subtitle", "")]
    for entry in feed.entries:
        words.append(entry.title)
        words.extend(tag.term for tag in entry.get("tags", []))
    return "\n".join(words)


def queries(client, path):
    with CaptureQueriesContext(connection) as run:
        parsed(client, path)
    return len(run)


def test_the_theme_activity_feed_is_titled_and_filed_in_welsh(
    client, ymfudo, migration, ons_producer, gap_fields
):
    ThreadFactory(theme=migration, title="Visa data")
    gap = gap_services.raise_gap(UserFactory(), migration, **gap_fields)
    gap_services.change_status(gap, ons_producer, status="met", note="Done.")
    EventPageFactory(parent=migration, title="Spring meeting")
    ConsultationPageFactory(parent=migration, title="Monthly?")

    feed = in_welsh(client, "/themes/migration/activity.atom")

    assert feed.feed.title == f"statsforum: {YMFUDO}"
    categories = {tag.term for entry in feed.entries for tag in entry.tags}
    assert categories == {
        "Trafodaethau",
        "Bylchau data",
        "Cyfarfodydd",
        "Ymgyngoriadau",
    }
    assert "Migration" not in words_of(feed)
    english = parsed(client, "/themes/migration/activity.atom")
    assert english.feed.title == "statsforum: Migration"
    assert "Discussions" in words_of(english)


def test_the_consultations_feeds_name_the_theme_in_welsh(client, ymfudo, migration):
    ConsultationPageFactory(parent=migration, title="Monthly?")

    theirs = in_welsh(client, "/themes/migration/consultations.atom")
    every = in_welsh(client, "/consultations.atom")

    assert YMFUDO in theirs.feed.title
    assert every.entries[0].tags[0].term == YMFUDO
    for feed in (theirs, every):
        assert "Migration" not in words_of(feed)


def test_the_meetings_feeds_name_the_theme_in_welsh(client, ymfudo, migration):
    EventPageFactory(parent=migration, title="Spring meeting")

    theirs = in_welsh(client, "/themes/migration/meetings.atom")
    every = in_welsh(client, "/meetings.atom")

    assert YMFUDO in theirs.feed.title
    assert every.entries[0].tags[0].term == YMFUDO
    for feed in (theirs, every):
        assert "Migration" not in words_of(feed)


def test_the_data_gap_feeds_name_the_theme_in_welsh(client, ymfudo, migration):
    gap = DataGapFactory(theme=migration, title="Visas by age")
    gap_services.change_status(
        gap, UserFactory(is_superuser=True), status="acknowledged", note="Seen."
    )

    theirs = in_welsh(client, "/themes/migration/data-gaps/feed/")
    one = in_welsh(client, gap_feed_url(gap))

    assert YMFUDO in theirs.feed.title
    assert "Migration" not in words_of(theirs)
    assert "Migration" not in words_of(one)
    assert "Visas by age: Wedi'i gydnabod" in [entry.title for entry in one.entries]


def test_a_threads_feed_names_its_theme_in_welsh(client, ymfudo, migration):
    thread = ThreadFactory(theme=migration, title="Visa data")
    forum_services.post_reply(thread, UserFactory(), "A reply", tell=False)

    feed = in_welsh(client, thread_feed_url(thread))

    assert YMFUDO in feed.feed.subtitle
    assert "Migration" not in words_of(feed)


def test_the_get_involved_feed_is_in_welsh(client, ymfudo, migration, ons, welsh):
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})
    ConsultationPageFactory(
        parent=migration,
        title="Monthly?",
        contact_organisation=ons,
        closes_at=timezone.now() + timezone.timedelta(days=10),
    )
    EventPageFactory(parent=migration, title="Spring meeting", capacity=4)
    DataGapFactory(theme=migration, title="Visas", status=Status.UNDER_ASSESSMENT)
    ThreadFactory(theme=migration, title="Where?", kind="question")

    feed = in_welsh(client, "/get-involved.atom")

    assert feed.feed.title == "statsforum: cymryd rhan"
    titles = {entry.title for entry in feed.entries}
    assert titles == {
        "Ymgynghoriad: Monthly?",
        "Cyfarfod: Spring meeting",
        "Bwlch data: Visas",
        "Cwestiwn: Where?",
    }
    for entry in feed.entries:
        assert {tag.term for tag in entry.tags} & {YMFUDO}
    text = "\n".join([words_of(feed), *(entry.summary for entry in feed.entries)])
    assert "Migration" not in text
    assert "Gofynnwyd gan Swyddfa Ystadegau Gwladol" in text
    assert "4 lle ar ôl" in text
    for english in ["Asked by", "Open until", "places left", "Producers are"]:
        assert english not in text


def test_a_theme_without_a_welsh_title_keeps_its_english_one(client, migration, welsh):
    ConsultationPageFactory(parent=migration, title="Monthly?")

    feed = in_welsh(client, "/consultations.atom")

    assert feed.entries[0].tags[0].term == "Migration"


def test_a_draft_translation_is_not_the_title_shown(client, ymfudo, migration):
    ymfudo.refresh_from_db()  # as published, since it was made
    ymfudo.unpublish()
    ConsultationPageFactory(parent=migration, title="Monthly?")

    feed = in_welsh(client, "/consultations.atom")

    assert feed.entries[0].tags[0].term == "Migration"


@pytest.mark.parametrize(
    "path",
    [
        "/consultations.atom",
        "/meetings.atom",
        "/get-involved.atom",
        "/themes/migration/activity.atom",
    ],
)
def test_a_welsh_feed_costs_the_same_queries_for_more_themes_and_entries(
    client, ymfudo, migration, housing, welsh, gap_fields, path
):
    def add_activity(theme):
        ConsultationPageFactory(parent=theme)
        EventPageFactory(parent=theme, capacity=10)
        gap_services.raise_gap(UserFactory(), theme, **gap_fields)
        ThreadFactory(theme=theme, kind="question")

    translate_page(housing, welsh, {"title": TAI})
    add_activity(migration)
    queries(client, "/cy" + path)  # Wagtail caches where the sites' roots are
    few = queries(client, "/cy" + path)
    for theme in [migration, housing] * 2:
        add_activity(theme)

    assert queries(client, "/cy" + path) == few
