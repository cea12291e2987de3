"""What every benchmark shares: Django on the test settings, a throwaway database,
and a timer that also counts queries."""

import os
import statistics
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "statsforum.settings.test")
# Static files come from the finders here; there is no collected STATIC_ROOT.
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402

# Measure what a request costs: background tasks are queued, not run in line, and
# the page cache (core/pagecache.py) is off, or every fetch after the first would
# measure the cache, not the view (as tests/conftest.py turns it off for tests).
override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    MIDDLEWARE=[
        name
        for name in django.conf.settings.MIDDLEWARE
        if name != "core.pagecache.PageCacheMiddleware"
    ],
).enable()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from home.factories import home_as_default_site  # noqa: E402
from themes.factories import ThemeIndexPageFactory  # noqa: E402


@contextmanager
def test_database():
    setup_test_environment()
    if connection.vendor == "postgresql":
        # Named after the configured database, not Django's "test_" + its name, so a
        # run on a shared server stays among the names given it (sf_growth_bench).
        connection.settings_dict["TEST"]["NAME"] = (
            connection.settings_dict["NAME"] + "_bench"
        )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def build_site():
    """A home page as the default site's root, with the themes index under it."""
    return ThemeIndexPageFactory(parent=home_as_default_site())


def timed_runs(action, repeat):
    """Run `action` once to warm up, then `repeat` times: (queries of one run, each
    run's milliseconds, fastest first)."""
    action()
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            action()
            timings.append((time.perf_counter() - start) * 1000)
    return len(queries), sorted(timings)


def measure(action, repeat):
    """(queries, median ms) of `action`, warmed up, over `repeat` runs."""
    queries, timings = timed_runs(action, repeat)
    return queries, statistics.median(timings)


def get_ok(client, url):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return action
