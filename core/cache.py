"""The cache: Redis, shared by every process, or this process's own memory while
Redis cannot be reached.

Wagtail reads the site's root paths from the cache on every request and the rate
limits count in it, so a cache that raises makes every page a 500. While Redis is
away each process keeps serving from a local-memory cache (rate limits then count
per process, rather than not at all), and tries Redis again every RETRY_AFTER seconds.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_AFTER = 5  # seconds
# A dead Redis must cost milliseconds, once per RETRY_AFTER: no retries, short waits.
FAIL_FAST = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.5,
    "retry": Retry(NoBackoff(), 0),
}


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**FAIL_FAST, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self.fallback = LocMemCache(f"fallback-{server}", {**params, "OPTIONS": {}})
        self.redis_down_until = 0.0

    def call(self, name, *args, **kwargs):
        if time.monotonic() >= self.redis_down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except (RedisConnectionError, RedisTimeoutError) as error:
                logger.warning(
                    "Redis is unreachable (%s): using this process's memory for %s s",
                    error,
                    RETRY_AFTER,
                )
                self.redis_down_until = time.monotonic() + RETRY_AFTER
        return getattr(self.fallback, name)(*args, **kwargs)

    # Every operation RedisCache implements; BaseCache builds the rest on these.
    def add(self, *args, **kwargs):
        return self.call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self.call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self.call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self.call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self.call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self.call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self.call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self.call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self.call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self.call("delete_many", *args, **kwargs)

    def clear(self):
        return self.call("clear")
