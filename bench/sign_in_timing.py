"""How long a failed sign-in takes for an address with an account and one without.

Uses the production password hasher (Django's default PBKDF2), not the tests' fast
one. Attempts alternate between the two kinds so that load on the machine falls on
both alike; the cache is cleared before each so no rate limit cuts an attempt short.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/statsforum_<you> \\
        .venv/bin/python bench/sign_in_timing.py --repeat 30
"""

import argparse
import statistics
import time

from common import test_database  # first: sets Django up
from django.conf import global_settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from accounts.factories import UserFactory

KINDS = {
    "an account, wrong password": "known@example.org",
    "an account, other case": "KNOWN@Example.org",
    "no account": "nobody@example.org",
}


def failed_sign_in(client, login):
    cache.clear()
    start = time.perf_counter()
    response = client.post(
        reverse("account_login"), {"login": login, "password": "not-the-password"}
    )
    elapsed = time.perf_counter() - start
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    return elapsed * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with (
        test_database() as vendor,
        override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS),
    ):
        UserFactory(email="known@example.org")
        client = Client()
        for login in KINDS.values():
            failed_sign_in(client, login)  # warm-up
        timings = {kind: [] for kind in KINDS}
        for _ in range(args.repeat):
            for kind, login in KINDS.items():
                timings[kind].append(failed_sign_in(client, login))
        print(f"Failed sign-ins on {vendor}, {args.repeat} each (ms):")
        print(f"{'':28} {'median':>8} {'stdev':>8} {'min':>8} {'max':>8}")
        for kind, values in timings.items():
            print(
                f"{kind:28} {statistics.median(values):8.1f}"
                f" {statistics.stdev(values):8.1f} {min(values):8.1f}"
                f" {max(values):8.1f}"
            )
        known, unknown = (
            statistics.median(timings[kind])
            for kind in ["an account, wrong password", "no account"]
        )
        print(f"difference of medians: {known - unknown:+.1f} ms")


if __name__ == "__main__":
    main()
