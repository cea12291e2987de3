"""A visitor's page is the same for every visitor: no session, no Vary: Cookie, public
to a shared cache, with an ETag answered by 304. Nothing personal is ever public."""

import pytest

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(migration):
    thread = ThreadFactory(theme=migration, title="Visa data")
    services.post_reply(thread, UserFactory(), "A *reply*")
    return thread


def cache_control(response):
    return {
        part.strip() for part in response.headers.get("Cache-Control", "").split(",")
    }


def varies_on_cookie(response):
    return "cookie" in response.headers.get("Vary", "").lower()


def assert_never_public(response):
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)


def test_a_visitors_thread_page_is_public_with_no_cookie_and_no_vary(client, thread):
    response = client.get(thread.get_absolute_url())

    assert response.status_code == 200
    assert not response.cookies
    assert not varies_on_cookie(response)
    assert cache_control(response) == {"public", "max-age=0", "s-maxage=60"}
    assert response.headers["ETag"]


def test_a_visitors_thread_page_answers_304_while_it_is_unchanged(client, thread):
    etag = client.get(thread.get_absolute_url()).headers["ETag"]

    again = client.get(thread.get_absolute_url(), headers={"if-none-match": etag})

    assert again.status_code == 304
    assert not again.content


def test_a_new_reply_changes_the_etag(client, thread):
    etag = client.get(thread.get_absolute_url()).headers["ETag"]
    services.post_reply(thread, UserFactory(), "Another reply")

    again = client.get(thread.get_absolute_url(), headers={"if-none-match": etag})

    assert again.status_code == 200
    assert again.headers["ETag"] != etag


@pytest.mark.parametrize("path", ["/", "/themes/", "/search/?q=visa", "/data-gaps/"])
def test_other_visitors_pages_are_public_without_a_session(client, thread, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "public" in cache_control(response)
    assert not response.cookies
    assert not varies_on_cookie(response)


def test_a_signed_in_members_page_is_never_public(client, thread):
    client.force_login(UserFactory())

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 200
    assert_never_public(response)


def test_the_page_showing_a_message_after_posting_is_not_cached(client, thread):
    client.force_login(UserFactory())
    url = thread.get_absolute_url()

    response = client.post(url + "follow/", {"muted": "false"}, follow=True)

    assert "We will email you about new replies" in response.content.decode()
    assert_never_public(response)


def test_a_visitor_shown_a_message_gets_a_page_nobody_else_may_have(client, thread):
    client.force_login(UserFactory())
    client.post("/accounts/logout/")

    response = client.get(thread.get_absolute_url())

    assert "You have signed out" in response.content.decode()
    assert_never_public(response)


def test_a_visitors_page_with_a_form_sets_its_csrf_cookie_and_stays_private(
    client, home_page
):
    response = client.get("/accounts/login/")

    assert "csrftoken" in response.cookies
    assert_never_public(response)


def test_a_visitor_who_sends_a_cookie_gets_no_shared_copy(client, thread):
    client.cookies["csrftoken"] = "x" * 32

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 200
    assert_never_public(response)


def test_a_view_that_sets_its_own_cache_control_keeps_it(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert "public" not in cache_control(response)
    assert "no-cache" in cache_control(response)
