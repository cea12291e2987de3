"""The outbox at size: one reply fanned out to 1,000 and 10,000 followers, and a
daily digest run for as many members.

    .venv/bin/python bench/outbox.py
    .venv/bin/python bench/outbox.py --sizes 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/statsforum \
        .venv/bin/python bench/outbox.py

The fan-out is measured as the worker runs it (writing the rows and queueing their
sending; tasks are queued, not run, as in common.py), then the sending of 500 of
those rows to the locmem backend. The digest run is `send_digests` finding who is
due, then each member's digest built and sent.
"""

import argparse
import datetime as dt
import time
from collections import deque
from zoneinfo import ZoneInfo

from common import build_site, test_database
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import digests, outbox
from accounts.factories import UserFactory
from accounts.models import Notification
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import ThreadFollow
from themes.factories import ThemePageFactory

UK = ZoneInfo("Europe/London")


def timed(action):
    # Count every query, not only the last 9,000 Django keeps by default.
    connection.queries_log = deque(maxlen=10_000_000)
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = action()
        elapsed = time.perf_counter() - start
    return result, len(queries), elapsed


def members(size, prefix):
    User = get_user_model()
    User.objects.bulk_create(
        User(email=f"{prefix}{n}@example.org", first_name="M", last_name=str(n))
        for n in range(size)
    )
    return User.objects.filter(email__startswith=prefix)


def fan_out(theme, size):
    thread = ThreadFactory(theme=theme)
    ThreadFollow.objects.bulk_create(
        ThreadFollow(thread=thread, user=user) for user in members(size, f"f{size}-")
    )
    reply = forum_services.post_reply(thread, UserFactory(), "To all.", tell=False)
    written, queries, elapsed = timed(
        lambda: forum_notifications.tell_followers_of_reply(reply.pk)
    )
    rows = Notification.objects.filter(event_key=f"reply:{reply.pk}")
    print(
        f"fan-out to {size:>6} followers: {elapsed:6.2f} s, {queries:>4} queries, "
        f"{written} rows ({rows.count()} in the table)"
    )
    ids = list(rows.values_list("pk", flat=True)[:500])
    mail.outbox = []
    sent, queries, elapsed = timed(lambda: outbox.deliver(ids))
    print(
        f"  sending 500 of them: {elapsed:6.2f} s ({elapsed / sent * 1000:.1f} ms "
        f"each), {queries / sent:.1f} queries each"
    )


def digest_run(theme, size):
    people = list(members(size, f"d{size}-"))
    threads = ThreadFactory.create_batch(3, theme=theme)
    Notification.objects.bulk_create(
        Notification(
            user=person,
            kind="new_thread",
            theme=theme,
            event_key=f"thread:{thread.pk}",
            template="new_thread",
            context={
                "thread_title": thread.title,
                "thread_url": "http://127.0.0.1:8000/t/",
                "theme_title": theme.title,
                "author_name": "Sam",
                "thread_kind": "Discussion",
                "text": thread.body,
                "html": thread.body_html,
            },
            cadence="daily",
        )
        for person in people
        for thread in threads
    )
    moment = dt.datetime(2026, 12, 8, 7, 5, tzinfo=UK)
    due, queries, elapsed = timed(lambda: digests.due(moment))
    print(
        f"digest run for {size:>6} members: finding who is due {elapsed:6.2f} s, "
        f"{queries} queries, {len(due)} due"
    )
    mail.outbox = []

    def build_and_send():
        for user_id, cadence, period in due:
            digest = digests.send_digest(user_id, cadence, period)
            outbox.deliver([digest.pk])

    _, queries, elapsed = timed(build_and_send)
    print(
        f"  building and sending {len(mail.outbox)} digests of 3 items: "
        f"{elapsed:6.2f} s ({elapsed / len(due) * 1000:.1f} ms each), "
        f"{queries / len(due):.1f} queries each"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    with test_database() as vendor:
        print(f"database: {vendor}")
        index = build_site()
        theme = ThemePageFactory(parent=index, slug="bench")
        for size in args.sizes:
            fan_out(theme, size)
            digest_run(theme, size)


if __name__ == "__main__":
    main()
