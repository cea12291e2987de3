"""Atom feeds of meetings, a theme's and every theme's (issue 14, Feeds)."""

from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from events.models import EventPage
from tests.feeds import advertisement, parsed, published

pytestmark = pytest.mark.django_db

THEME_FEED = "/themes/migration/meetings.atom"
ALL_FEED = "/meetings.atom"


def test_the_addresses_are_the_events_apps(migration):
    assert reverse("events:meetings_feed") == ALL_FEED
    url = reverse("events:theme_meetings_feed", kwargs={"theme_slug": "migration"})
    assert url == THEME_FEED


def test_a_themes_feed_lists_its_meetings_latest_published_first(
    client, migration, housing
):
    older = published(EventPageFactory(parent=migration, title="Spring meeting"))
    newer = published(EventPageFactory(parent=migration, title="Summer meeting"))
    published(EventPageFactory(parent=housing, title="Housing meeting"))

    feed = parsed(client, THEME_FEED)

    assert feed.feed.title == "statsforum: Migration meetings"
    assert feed.feed.link == "http://testserver/themes/migration/meetings/"
    assert [entry.title for entry in feed.entries] == [
        "Summer meeting",
        "Spring meeting",
    ]
    first = feed.entries[1]
    assert first.id == first.link == f"http://testserver{older.url}"
    assert first.tags[0].term == "Migration"
    assert "Online" in first.summary
    assert "(UK time)" in first.summary
    # No joining link: the page shows it to registered members only.
    assert "meet.example.org" not in first.summary
    assert feed.entries[0].updated_parsed >= first.updated_parsed
    assert first.updated_parsed is not None and first.published_parsed is not None
    assert newer.last_published_at >= older.last_published_at


def test_every_themes_feed_lists_every_public_meeting_and_no_other(
    client, migration, housing
):
    published(EventPageFactory(parent=migration, title="Shown"))
    published(EventPageFactory(parent=housing, title="Also shown"))
    published(EventPageFactory(parent=migration, title="Draft")).unpublish()
    private = published(EventPageFactory(parent=migration, title="Private"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    feed = parsed(client, ALL_FEED)

    assert sorted(entry.title for entry in feed.entries) == ["Also shown", "Shown"]
    assert len({entry.id for entry in feed.entries}) == 2


def test_a_cancelled_meeting_says_so_and_its_text_is_escaped(client, migration):
    published(
        EventPageFactory(
            parent=migration,
            title="Q&A <live>",
            summary="Tables & <b>charts</b>",
            status=EventPage.Status.CANCELLED,
            status_reason="The room <flooded>",
        )
    )

    response = client.get(ALL_FEED)
    (entry,) = feedparser.parse(response.content).entries

    assert b"<b>" not in response.content
    assert entry.title == "Cancelled: Q&A <live>"
    assert "Tables &amp; &lt;b&gt;charts&lt;/b&gt;" in entry.summary
    assert "The room &lt;flooded&gt;" in entry.summary


def test_a_meeting_made_live_without_publishing_still_has_its_dates(client, migration):
    meeting = EventPageFactory(parent=migration)
    assert meeting.last_published_at is None

    (entry,) = parsed(client, THEME_FEED).entries

    assert entry.updated_parsed[:3] == meeting.start.utctimetuple()[:3]


def test_the_meeting_lists_advertise_their_feeds(client, migration):
    html = client.get("/themes/migration/meetings/").content.decode()
    assert advertisement("Meetings in Migration", THEME_FEED) in html
    html = client.get("/meetings/").content.decode()
    assert advertisement("Meetings", ALL_FEED) in html


def test_an_unknown_or_unpublished_themes_feed_is_missing(client, migration):
    assert client.get("/themes/no-such-theme/meetings.atom").status_code == 404
    migration.unpublish()
    assert client.get(THEME_FEED).status_code == 404


def test_the_feed_costs_the_same_queries_for_many_meetings(client, migration, housing):
    def queries():
        with CaptureQueriesContext(connection) as run:
            parsed(client, ALL_FEED)
        return len(run)

    EventPageFactory(parent=migration)
    queries()  # Wagtail caches where the sites' roots are
    few = queries()
    for theme in [migration, housing] * 3:
        EventPageFactory(parent=theme, start=timezone.now() + timedelta(days=3))

    assert queries() == few
