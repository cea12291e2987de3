"""Two journeys issues 13 and 14 built and nobody had walked: a member mentions
another in a reply and the other finds it in their inbox and follows it to the
thread; a visitor finds the feed a page advertises and opens it."""

import feedparser
import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from forums import services as forums
from forums.factories import ThreadFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in, sign_out
from themes.services import join_theme

pytestmark = pytest.mark.browser


def test_a_member_mentions_another_who_follows_it_from_their_inbox(page, migration):
    writer = UserFactory(email="ada@example.org", first_name="Ada", last_name="Lee")
    reader = UserFactory(email="bo@example.org", first_name="Bo", last_name="Chan")
    for member in [writer, reader]:
        join_theme(member, migration)
    thread = ThreadFactory(theme=migration, title="Visa tables by age")
    sign_in(page, "ada@example.org")

    page.goto(thread.get_absolute_url())
    page.get_by_label("Your reply", exact=True).fill(
        f"@{reader.handle} knows where the age tables are."
    )
    page.get_by_role("button", name="Post your reply").last.click()

    reply = page.locator("article", has_text="knows where the age tables are").last
    expect(reply.get_by_role("link", name=f"@{reader.handle}")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, "bo@example.org")
    navigation = page.get_by_role("navigation", name="Menu")
    navigation.get_by_role("link", name="Notifications 1 unread").click()

    mention = page.get_by_role(
        "link", name='Ada Lee mentioned you in "Visa tables by age"'
    )
    expect(mention).to_be_visible()
    expect(page.get_by_text("Mentions", exact=False).first).to_be_visible()
    assert_accessible(page)
    mention.click()

    expect(
        page.get_by_role("heading", level=1, name="Visa tables by age")
    ).to_be_visible()
    assert "#reply-" in page.url
    expect(page.get_by_text("knows where the age tables are.")).to_be_visible()
    expect(
        navigation.get_by_role("link", name="Notifications", exact=True)
    ).to_be_visible()


def advertised_feed(page):
    """What a feed reader finds: the page's <link rel="alternate"> (Atom)."""
    link = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(link).to_have_count(1)
    return link.get_attribute("title"), link.get_attribute("href")


def opened(page, href):
    """The feed at `href`, fetched as a feed reader would, parsed."""
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_a_visitor_finds_a_themes_and_a_threads_feed_and_opens_them(
    page, migration, ons_producer
):
    thread = ThreadFactory(theme=migration, title="Where are visa tables?")
    forums.post_reply(thread, ons_producer, "In the quarterly release.", tell=False)

    page.goto(migration.url)
    expect(page.get_by_role("heading", level=1, name="Migration")).to_be_visible()
    assert_accessible(page)
    title, href = advertised_feed(page)
    assert title == "Everything in Migration"

    feed = opened(page, href)
    assert feed.feed.title == "statsforum: Migration"
    assert "New discussion: Where are visa tables?" in [e.title for e in feed.entries]

    page.goto(thread.get_absolute_url())
    assert_accessible(page)
    title, href = advertised_feed(page)
    assert title == "Replies to Where are visa tables?"

    feed = opened(page, href)
    [entry] = feed.entries
    assert entry.summary == "<p>In the quarterly release.</p>"
    assert entry.link.endswith(f"#reply-{thread.replies.get().pk}")
