"""The page cache (core/pagecache.py, home/page_cache.py): a visitor's page is served
from the cache with no query, every kind of change purges the pages that show it so
no visitor sees a stale one, and nothing personal is kept for anyone else."""

import gzip

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from connections import services as connection_services
from consultations.factories import ConsultationPageFactory
from core.links import full_url
from core.pagecache import branch_key
from events.factories import EventPageFactory
from forums import moderation, services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.models import Status
from home.factories import StandardPageFactory
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def thread(migration):
    thread = ThreadFactory(theme=migration, title="Visa data")
    services.post_reply(thread, UserFactory(), "The first reply", tell=False)
    return thread


@pytest.fixture
def chair(migration, editor):
    return appoint(migration, Role.CHAIR, editor)


def text(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def thread_url(thread, action="thread"):
    kwargs = {"theme_slug": thread.theme.slug}
    if action != "threads":
        kwargs |= {"pk": thread.pk, "slug": thread.slug}
    return reverse(f"forums:{action}", kwargs=kwargs)


# Served from the cache


def test_a_visitors_second_fetch_runs_no_query(visitor, thread):
    first, _ = queries_for(visitor, thread.get_absolute_url())
    again, count = queries_for(visitor, thread.get_absolute_url())

    assert again.status_code == 200
    assert count == 0
    assert text(again) == text(first)
    assert again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_query_is_part_of_the_key_in_any_order(visitor, thread):
    threads = reverse("forums:threads", kwargs={"theme_slug": thread.theme.slug})
    visitor.get(threads + "?sort=new&page=1")

    _, same = queries_for(visitor, threads + "?page=1&sort=new")
    _, other = queries_for(visitor, threads + "?page=1")

    assert same == 0
    assert other > 0


def test_a_cached_page_answers_304_to_its_etag(visitor, thread):
    etag = visitor.get(thread.get_absolute_url())["ETag"]

    again = visitor.get(thread.get_absolute_url(), headers={"if-none-match": etag})

    assert again.status_code == 304


# No stale page after each kind of change


def test_a_reply_through_the_form_shows_at_once_on_every_page_listing_the_thread(
    client, visitor, thread
):
    home, threads = "/", thread_url(thread, "threads")
    for url in (thread.get_absolute_url(), threads, home):
        visitor.get(url)
    client.force_login(UserFactory())

    client.post(thread_url(thread, "reply"), {"comment": "A fresh *reply*"})

    assert "<em>reply</em>" in text(visitor.get(thread.get_absolute_url()))
    assert 'data-label="Replies">2<' in text(visitor.get(threads))
    assert "2 replies" in text(visitor.get(home))


def test_an_edited_reply_shows_at_once(visitor, thread):
    reply = services.post_reply(thread, author := UserFactory(), "Before", tell=False)
    assert "Before" in text(visitor.get(thread.get_absolute_url()))

    services.edit_reply(reply, author, "After the edit")

    html = text(visitor.get(thread.get_absolute_url()))
    assert "After the edit" in html
    assert "Before" not in html


def test_a_reply_a_chair_hides_is_gone_at_once(client, visitor, thread, chair):
    reply = services.post_reply(thread, UserFactory(), "Rude words", tell=False)
    assert "Rude words" in text(visitor.get(thread.get_absolute_url()))
    client.force_login(chair)

    client.post(reverse("forums_moderate_reply", args=[reply.pk]), {"action": "hide"})

    assert "Rude words" not in text(visitor.get(thread.get_absolute_url()))


def test_a_locked_thread_shows_as_locked_at_once(client, visitor, thread, chair):
    assert "Locked" not in text(visitor.get(thread.get_absolute_url()))
    client.force_login(chair)

    client.post(thread_url(thread, "moderate"), {"action": "lock"})

    assert "Locked" in text(visitor.get(thread.get_absolute_url()))


def test_a_moved_thread_leaves_its_old_themes_list(visitor, thread, editor):
    old_list = thread_url(thread, "threads")
    assert "Visa data" in text(visitor.get(old_list))
    other = ThemePageFactory(parent=thread.theme.get_parent(), slug="housing")

    moderation.move_thread(thread, other, moderator=editor)

    assert "Visa data" not in text(visitor.get(old_list))


def test_a_gaps_status_change_shows_at_once_on_its_page_and_the_register(
    visitor, migration, editor, ons
):
    producer = appoint(migration, Role.PRODUCER, editor, ons)
    gap = gap_services.raise_gap(
        UserFactory(),
        migration,
        title="Visas by local authority",
        measure="Visas granted, for each local authority.",
        purpose="Planning school places.",
    )
    gap_services.approve_gap(gap, producer)
    register = reverse("gaps:all")
    assert Status.ACKNOWLEDGED.label not in text(visitor.get(gap.get_absolute_url()))
    visitor.get(register)

    gap_services.change_status(
        gap, producer, status=Status.ACKNOWLEDGED, note="We have read it and agree."
    )

    assert Status.ACKNOWLEDGED.label in text(visitor.get(gap.get_absolute_url()))
    assert Status.ACKNOWLEDGED.label in text(visitor.get(register))


def test_a_gap_linked_to_a_discussion_shows_at_once_at_both_ends(
    visitor, thread, migration, editor, ons
):
    producer = appoint(migration, Role.PRODUCER, editor, ons)
    gap = gap_services.raise_gap(
        UserFactory(),
        migration,
        title="Visas by local authority",
        measure="Visas granted, for each local authority.",
        purpose="Planning school places.",
    )
    gap_services.approve_gap(gap, producer)
    thread_page, gap_page = thread.get_absolute_url(), gap.get_absolute_url()
    assert "Visas by local authority" not in text(visitor.get(thread_page))
    assert "Visa data" not in text(visitor.get(gap_page))

    connection_services.link_gap_raised_from(gap, thread)

    assert "Visas by local authority" in text(visitor.get(thread_page))
    assert "Visa data" in text(visitor.get(gap_page))


def test_a_meeting_published_shows_at_once_in_the_lists(visitor, migration):
    meeting = EventPageFactory(parent=migration, title="Autumn users meeting")
    meeting.unpublish()
    for url in ("/meetings/", migration.url):
        assert "Autumn users meeting" not in text(visitor.get(url))

    meeting.save_revision().publish()

    for url in ("/meetings/", migration.url, reverse("home:get_involved")):
        assert "Autumn users meeting" in text(visitor.get(url))


def test_a_meeting_unpublished_is_gone_at_once(visitor, migration):
    meeting = EventPageFactory(parent=migration, title="Autumn users meeting")
    assert visitor.get(meeting.url).status_code == 200
    visitor.get("/meetings/")

    meeting.unpublish()

    assert visitor.get(meeting.url).status_code == 404
    assert "Autumn users meeting" not in text(visitor.get("/meetings/"))


def test_a_meeting_deleted_is_gone_at_once(visitor, migration):
    meeting = EventPageFactory(parent=migration, title="Autumn users meeting")
    visitor.get("/meetings/")

    meeting.delete()

    assert "Autumn users meeting" not in text(visitor.get("/meetings/"))


def test_a_consultation_published_shows_at_once_in_the_lists(visitor, migration, ons):
    consultation = ConsultationPageFactory(
        parent=migration, title="Quarterly visas?", contact_organisation=ons
    )
    consultation.unpublish()
    assert "Quarterly visas?" not in text(visitor.get("/consultations/"))

    consultation.save_revision().publish()

    assert "Quarterly visas?" in text(visitor.get("/consultations/"))


def test_wagtails_purge_reaches_our_cache(visitor, thread):
    visitor.get(thread.get_absolute_url())

    purge_urls_from_cache(["http://localhost" + thread.get_absolute_url()])

    assert queries_for(visitor, thread.get_absolute_url())[1] > 0


class Recorder(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_the_same_purge_reaches_a_cdn_configured_in_wagtailfrontendcache(
    django_capture_on_commit_callbacks, thread
):
    backends = {
        "pages": {"BACKEND": "core.pagecache.PageCacheBackend"},
        "cdn": {"BACKEND": f"{__name__}.Recorder"},
    }
    with (
        override_settings(WAGTAILFRONTENDCACHE=backends),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.post_reply(thread, UserFactory(), "Another", tell=False)

    assert full_url(thread.get_absolute_url()) in Recorder.purged
    assert full_url("/") in Recorder.purged


# Nothing personal kept for anyone else


def test_a_signed_in_members_page_is_never_served_to_a_visitor(client, visitor, thread):
    client.force_login(UserFactory(first_name="Priya", last_name="Shah"))
    assert "Sign out" in text(client.get(thread.get_absolute_url()))

    assert "Sign out" not in text(visitor.get(thread.get_absolute_url()))


def test_a_visitors_cached_page_is_never_served_to_a_member(client, visitor, thread):
    visitor.get(thread.get_absolute_url())
    client.force_login(UserFactory())

    response, count = queries_for(client, thread.get_absolute_url())

    assert count > 0
    assert "Sign out" in text(response)


def test_a_message_banner_is_never_kept_for_the_next_visitor(client, visitor, thread):
    client.force_login(UserFactory())
    client.post("/accounts/logout/")
    assert "You have signed out" in text(client.get(thread.get_absolute_url()))

    assert "You have signed out" not in text(visitor.get(thread.get_absolute_url()))


def test_a_form_with_errors_is_never_kept(visitor, home_page):
    refused = Client().post("/accounts/login/", {"login": "nobody@example.org"})
    assert "govuk-error-summary" in text(refused)

    response = visitor.get("/accounts/login/")

    assert "govuk-error-summary" not in text(response)
    assert "nobody@example.org" not in text(response)


def test_a_page_under_a_view_restriction_is_never_kept(client, visitor, home_page):
    page = StandardPageFactory(parent=home_page, title="Members only", slug="inner")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(UserFactory())
    assert client.get(page.url).status_code == 200

    assert visitor.get(page.url).status_code == 302


def test_a_post_is_never_answered_from_the_cache(visitor, thread):
    visitor.get(thread.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        visitor.post(thread.get_absolute_url())

    assert len(queries) > 0


# Compression where it is safe


def test_a_visitors_page_is_gzipped_for_a_browser_that_takes_it(visitor, thread):
    for fetch in range(2):  # rendered, then from the cache
        response = visitor.get(
            thread.get_absolute_url(), headers={"accept-encoding": "gzip, br"}
        )
        assert response["Content-Encoding"] == "gzip", fetch
        assert "accept-encoding" in response["Vary"].lower()
        assert "The first reply" in text(response)
        assert int(response["Content-Length"]) == len(response.content)


def test_a_visitors_page_is_plain_for_a_client_that_takes_no_gzip(visitor, thread):
    response = visitor.get(thread.get_absolute_url())

    assert "Content-Encoding" not in response
    assert "The first reply" in response.content.decode()


def test_a_signed_in_page_with_a_csrf_token_is_never_compressed(client, thread):
    client.force_login(UserFactory())

    response = client.get(
        thread.get_absolute_url(), headers={"accept-encoding": "gzip"}
    )

    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


# Several app servers


def test_with_redis_every_app_server_reads_the_same_pages_and_purges(
    visitor, redis_server, settings, thread
):
    """The page and its versions live in Redis, not in a process: a purge on one
    server is a purge on all (a second client stands for the second server)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FallbackRedisCache",
            "LOCATION": redis_server.url,
        }
    }
    other_server = redis.Redis.from_url(redis_server.url)
    url = thread.get_absolute_url()
    visitor.get(url)
    version = cache.make_key(branch_key(url))
    assert other_server.exists(version)
    assert len(other_server.keys("*page:*")) >= 3

    services.post_reply(thread, UserFactory(), "Seen by every server", tell=False)

    assert not other_server.exists(version)
    assert "Seen by every server" in text(visitor.get(url))
