"""With Redis gone the site keeps serving from each process's memory, rate limits
still count, and the cache goes back to Redis when it returns."""

import pytest
import redis
from django.core.cache import cache, caches
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from core.ratelimit import seconds_to_wait
from forums.factories import ThreadFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(redis_server, settings):
    # What REDIS_URL sets in the base settings (tests/test_settings.py).
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FallbackRedisCache",
            "LOCATION": redis_server.url,
        }
    }
    cache.clear()
    return redis.Redis.from_url(redis_server.url)


def test_the_cache_is_kept_in_redis_while_redis_is_up(redis_cache):
    cache.set("greeting", "hello")

    assert redis_cache.exists(cache.make_key("greeting"))
    assert cache.get("greeting") == "hello"


def test_pages_sign_in_and_replies_work_with_redis_stopped(
    client, redis_cache, redis_server, theme_index
):
    thread = ThreadFactory(theme=ThemePageFactory(parent=theme_index, slug="health"))
    UserFactory(email="member@example.org", password="a-good-test-password")
    redis_server.stop()

    home = client.get("/")
    signed_in = client.post(
        reverse("account_login"),
        {"login": "member@example.org", "password": "a-good-test-password"},
    )
    reply = client.post(
        reverse(
            "forums:reply",
            kwargs={"theme_slug": "health", "pk": thread.pk, "slug": thread.slug},
        ),
        {"comment": "Written while Redis was down"},
    )
    thread_page = client.get(thread.get_absolute_url())

    assert home.status_code == 200
    assert signed_in.status_code == 302
    assert reply.status_code == 302
    assert XtdComment.objects.get().comment == "Written while Redis was down"
    assert "Written while Redis was down" in thread_page.content.decode()


def test_failed_sign_ins_are_still_limited_with_redis_stopped(
    client, redis_cache, redis_server
):
    UserFactory(email="target@example.org", password="the-right-password")
    redis_server.stop()
    for _ in range(10):
        client.post(
            reverse("account_login"),
            {"login": "target@example.org", "password": "wrong-password"},
        )

    response = client.post(
        reverse("account_login"),
        {"login": "target@example.org", "password": "the-right-password"},
    )

    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_project_rate_limits_count_in_memory_with_redis_stopped(
    redis_cache, redis_server
):
    redis_server.stop()

    waits = [seconds_to_wait("post:1", limit=3, period=60) for _ in range(4)]

    assert waits[:3] == [0, 0, 0]
    assert waits[3] > 0


def test_the_cache_goes_back_to_redis_when_it_returns(redis_cache, redis_server):
    redis_server.stop()
    cache.set("during", "the outage")
    redis_server.start()
    assert cache.get("during") == "the outage"  # memory, until the wait is over
    caches["default"].redis_down_until = 0  # the wait is over

    cache.set("after", "the return")

    assert redis_cache.exists(cache.make_key("after"))
    assert cache.get("during") is None  # Redis never had it


def test_an_unreachable_redis_is_tried_once_per_wait_not_on_every_call(
    redis_cache, redis_server, caplog
):
    redis_server.stop()

    for n in range(20):
        cache.set(f"key{n}", n)

    assert caplog.text.count("Redis is unreachable") == 1
    assert cache.get("key19") == 19
