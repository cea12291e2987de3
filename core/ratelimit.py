"""A fixed-window rate limit in the cache (Redis in production), shared by every
process, that can say how long to wait."""

import time

from django.core.cache import cache
from django.utils.translation import ngettext


def seconds_to_wait(key, *, limit, period):
    """Count one attempt; return 0 if it is allowed, or how many seconds to wait."""
    now = time.time()
    window = int(now // period)
    cache_key = f"ratelimit:{key}:{window}"
    cache.add(cache_key, 0, timeout=period)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(cache_key, 1, timeout=period)
        attempts = 1
    if attempts <= limit:
        return 0
    return int((window + 1) * period - now) + 1


def wait_in_words(seconds):
    """How long to wait, as a refusal message says it."""
    if seconds < 90:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {
            "count": seconds
        }
    minutes = round(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }
