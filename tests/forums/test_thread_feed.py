"""A thread's Atom feed: its replies, as a visitor sees them (issue 14, Feeds)."""

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from accounts.services import delete_account
from forums import moderation, services
from forums.factories import ThreadFactory
from forums.models import Thread
from tests.feeds import advertisement, parsed
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(migration):
    return ThreadFactory(theme=migration, title="Visa <data> & more")


def feed_url(thread):
    return reverse(
        "forums:thread_feed",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def test_a_threads_feed_lists_its_replies_newest_first_with_ids_and_times(
    client, thread
):
    alice = UserFactory(display_name="Alice")
    first = services.post_reply(thread, alice, "The first *reply*", tell=False)
    second = services.post_reply(thread, UserFactory(), "The second", tell=False)

    feed = parsed(client, feed_url(thread))

    assert feed.feed.title == "statsforum: replies to Visa <data> & more"
    page = f"http://testserver{thread.get_absolute_url()}"
    assert feed.feed.link == page
    assert feed.feed.id == page
    newest, oldest = feed.entries
    assert newest.link == f"{page}#reply-{second.pk}"
    assert oldest.id == f"{page}#reply-{first.pk}"
    assert len({entry.id for entry in feed.entries}) == 2
    assert oldest.title == "Reply by Alice"
    assert oldest.author == "Alice"
    # The page's sanitised Markdown, as HTML.
    assert oldest.summary == "<p>The first <em>reply</em></p>"
    assert oldest.published_parsed is not None
    assert timezone.datetime(*oldest.updated_parsed[:6]) == first.submit_date.replace(
        tzinfo=None, microsecond=0
    )
    assert feed.feed.updated_parsed == newest.updated_parsed


def test_an_edited_reply_is_updated_when_it_was_edited(client, thread):
    author = UserFactory()
    reply = services.post_reply(thread, author, "Frist", tell=False)
    XtdComment.objects.filter(pk=reply.pk).update(
        submit_date=timezone.now() - timezone.timedelta(days=2)
    )
    reply.refresh_from_db()
    services.edit_reply(reply, author, "First")

    (entry,) = parsed(client, feed_url(thread)).entries

    assert entry.summary == "<p>First</p>"
    assert entry.updated_parsed > entry.published_parsed


def test_markup_in_a_reply_is_escaped_in_the_feed_and_sanitised(client, thread):
    services.post_reply(
        thread, UserFactory(), "<script>alert(1)</script> a < b & c", tell=False
    )

    response = client.get(feed_url(thread))
    (entry,) = feedparser.parse(response.content).entries

    assert b"<script>" not in response.content
    assert "<script" not in entry.summary
    assert "a &lt; b &amp; c" in entry.summary


def test_the_feed_leaves_out_held_hidden_deleted_and_erased_replies(
    client, thread, migration, editor
):
    chair = appoint(migration, Role.CHAIR, editor)
    shown = services.post_reply(thread, UserFactory(), "Shown", tell=False)
    held = services.post_reply(thread, UserFactory(), "Held", tell=False)
    XtdComment.objects.filter(pk=held.pk).update(is_public=False)
    hidden = services.post_reply(thread, UserFactory(), "Hidden", tell=False)
    moderation.hide_reply(hidden, moderator=chair)
    deleter = UserFactory()
    deleted = services.post_reply(thread, deleter, "Deleted", tell=False)
    services.delete_reply(thread, deleted, deleter)
    erased = UserFactory()
    services.post_reply(thread, erased, "Erased", tell=False)
    delete_account(erased, keep_public_posts=False)

    # Whoever fetches it: a feed reader has nobody's session, so neither has the feed.
    client.force_login(chair)
    feed = parsed(client, feed_url(thread))

    assert [entry.summary for entry in feed.entries] == ["<p>Shown</p>"]
    assert feed.entries[0].id.endswith(f"#reply-{shown.pk}")


def test_a_held_thread_has_no_feed_and_its_page_does_not_advertise_one(client, thread):
    Thread.objects.filter(pk=thread.pk).update(is_public=False)
    client.force_login(thread.author)

    assert client.get(feed_url(thread)).status_code == 404
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'type="application/atom+xml"' not in page


def test_the_threads_page_advertises_its_feed(client, thread):
    html = client.get(thread.get_absolute_url()).content.decode()

    title = "Replies to Visa &lt;data&gt; &amp; more"
    assert advertisement(title, feed_url(thread)) in html


def test_an_old_slug_redirects_to_the_feed_and_another_themes_address_is_missing(
    client, thread, housing
):
    old = reverse(
        "forums:thread_feed",
        kwargs={"theme_slug": "migration", "pk": thread.pk, "slug": "old-title"},
    )
    elsewhere = reverse(
        "forums:thread_feed",
        kwargs={"theme_slug": "housing", "pk": thread.pk, "slug": thread.slug},
    )

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == feed_url(thread)
    assert client.get(elsewhere).status_code == 404
    assert (
        client.get(feed_url(thread).replace(str(thread.pk), "999999")).status_code
        == 404
    )
