"""A theme's activity as one Atom feed (issue 14, Feeds)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps import services as gap_services
from tests.feeds import advertisement, parsed

pytestmark = pytest.mark.django_db

FEED = "/themes/migration/activity.atom"


@pytest.fixture(autouse=True)
def emails_queued_not_sent(settings):
    backend = "django_tasks.backends.dummy.DummyBackend"
    settings.TASKS = {"default": {"BACKEND": backend}}


def test_the_address_is_under_the_theme(migration):
    url = reverse("connections:theme_feed", kwargs={"theme_slug": "migration"})
    assert url == FEED


def test_a_themes_feed_interleaves_everything_in_it_newest_first(
    client, migration, housing, ons_producer, gap_fields
):
    thread = ThreadFactory(theme=migration, title="Visa <data>", kind="question")
    forum_services.post_reply(
        thread, UserFactory(display_name="Bo"), "Try *this*", tell=False
    )
    gap = gap_services.raise_gap(UserFactory(), migration, **gap_fields)
    gap_services.change_status(gap, ons_producer, status="met", note="Out & about.")
    EventPageFactory(parent=migration, title="Spring meeting")
    ConsultationPageFactory(parent=migration, title="Monthly?")
    ThreadFactory(theme=housing, title="Housing's own")

    feed = parsed(client, FEED)

    assert feed.feed.title == "statsforum: Migration"
    assert feed.feed.link == "http://testserver/themes/migration/"
    titles = [entry.title for entry in feed.entries]
    assert "New question: Visa <data>" in titles
    assert "Visa <data>: reply by Bo" in titles
    assert f"{gap.title}: Met" in titles
    assert f"{gap.title}: Raised" in titles
    assert "Spring meeting" in titles
    assert "Monthly? (Open)" in titles
    assert not any("Housing" in title for title in titles)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries) == 6
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert {entry.tags[0].term for entry in feed.entries} == {
        "Discussions",
        "Data gaps",
        "Meetings",
        "Consultations",
    }
    reply = next(entry for entry in feed.entries if "reply by" in entry.title)
    assert reply.summary == "<p>Try <em>this</em></p>"
    assert reply.link.startswith(f"http://testserver{thread.get_absolute_url()}#reply-")
    met = next(entry for entry in feed.entries if entry.title.endswith(": Met"))
    assert met.summary == "<p>Out &amp; about.</p>"


def test_a_themes_feed_leaves_out_what_a_visitor_does_not_see(
    client, migration, newcomer, gap_fields, editor
):
    held_thread = ThreadFactory(theme=migration, title="Held thread")
    Thread.objects.filter(pk=held_thread.pk).update(is_public=False)
    shown = ThreadFactory(theme=migration, title="Shown thread")
    held_reply = forum_services.post_reply(shown, UserFactory(), "Held", tell=False)
    XtdComment.objects.filter(pk=held_reply.pk).update(is_public=False)
    deleter = UserFactory()
    deleted = forum_services.post_reply(shown, deleter, "Deleted", tell=False)
    forum_services.delete_reply(shown, deleted, deleter)
    gap_services.raise_gap(newcomer, migration, **gap_fields)  # held: a newcomer's
    EventPageFactory(parent=migration, title="Draft meeting").unpublish()
    client.force_login(editor)

    titles = [entry.title for entry in parsed(client, FEED).entries]

    assert titles == ["New discussion: Shown thread"]


def test_the_theme_page_advertises_its_feed(client, migration):
    html = client.get(migration.url).content.decode()

    assert advertisement("Everything in Migration", FEED) in html


def test_an_unknown_or_unpublished_themes_feed_is_missing(client, migration):
    assert client.get("/themes/no-such-theme/activity.atom").status_code == 404
    migration.unpublish()
    assert client.get(FEED).status_code == 404


def test_the_feed_costs_the_same_queries_for_more_activity(
    client, migration, ons_producer, gap_fields
):
    def queries():
        with CaptureQueriesContext(connection) as run:
            parsed(client, FEED)
        return len(run)

    def add_activity():
        thread = ThreadFactory(theme=migration)
        forum_services.post_reply(thread, UserFactory(), "A reply", tell=False)
        gap = gap_services.raise_gap(UserFactory(), migration, **gap_fields)
        gap_services.change_status(gap, ons_producer, status="met", note="Done.")
        EventPageFactory(parent=migration)
        ConsultationPageFactory(parent=migration)

    add_activity()
    queries()  # Wagtail caches where the sites' roots are
    few = queries()
    for _ in range(3):
        add_activity()

    assert queries() == few
