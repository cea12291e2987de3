"""Replies by email at size: messages handed to the LMTP listener, then read and
posted by the worker's task.

    .venv/bin/python bench/inbound.py
    .venv/bin/python bench/inbound.py --count 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/statsforum \
        .venv/bin/python bench/inbound.py

The listener keeps each message (a row, its raw bytes and its task) before it
answers; the figure is messages accepted a second over one LMTP connection. Then
each kept message is read as the worker reads it (a Gmail reply above the quote,
as tests/accounts/mail/ has it): queries and milliseconds per message, the reply
posted through the forum's service.
"""

import argparse
import smtplib
import statistics
import time
from pathlib import Path

from common import build_site, test_database
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import replies
from accounts.factories import UserFactory
from accounts.inbound import address
from accounts.mail_listener import LMTPController
from accounts.models import InboundMessage
from accounts.tasks import process_inbound_message
from forums import services as forum_services
from forums.factories import ThreadFactory
from tests.servers import spare_port
from themes.factories import ThemePageFactory

GMAIL = Path(__file__).resolve().parent.parent / "tests/accounts/mail"


def message(to, sender, n):
    raw = (GMAIL / "gmail_above_the_quote.eml").read_bytes()
    for marker, value in [
        (b"REPLY_ADDRESS", to),
        (b"MEMBER_ADDRESS", sender),
        (b"MESSAGE_ID", f"bench-{n}@mail.example.org"),
    ]:
        raw = raw.replace(marker, value.encode())
    return raw.replace(b"\n", b"\r\n")


def run(count):
    theme = ThemePageFactory(parent=build_site())
    thread = ThreadFactory(theme=theme)
    members = [UserFactory() for _ in range(count)]
    listener = LMTPController("127.0.0.1", spare_port())
    listener.start()
    try:
        start = time.perf_counter()
        with smtplib.LMTP(listener.hostname, listener.port) as lmtp:
            for n, member in enumerate(members):
                to = address(
                    "reply", replies.make_token(member.pk, "thread", thread.pk)
                )
                lmtp.sendmail(member.email, [to], message(to, member.email, n))
        accepted = time.perf_counter() - start
    finally:
        listener.stop()
    print(f"{count} messages accepted in {accepted:.2f} s: {count / accepted:.0f}/s")

    timings, queries = [], []
    for pk in InboundMessage.objects.values_list("pk", flat=True):
        connection.queries_log.clear()  # Django keeps only the last 9,000
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            process_inbound_message.call(pk)
            timings.append((time.perf_counter() - begin) * 1000)
        queries.append(len(captured))
    posted = forum_services.replies_to(thread).count()
    print(
        f"read and posted {posted}: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms, {statistics.median(queries):.0f} queries each"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    arguments = parser.parse_args()
    with test_database() as vendor:
        print(f"database: {vendor}")
        run(arguments.count)
