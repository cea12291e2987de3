"""Bounded attempts: a send that fails waits longer each time, then gives up for
good; an address the mail server refuses, or one suppressed, is not tried again."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone

from accounts import inbox, outbox
from accounts.factories import UserFactory
from accounts.models import EmailSuppression, Notification
from tests.accounts.test_outbox import DUMMY_TASKS, tell

pytestmark = pytest.mark.django_db

Status = Notification.Status
# Restated, not imported: the waits are the contract (10 min, 1 h, 6 h, 24 h).
WAITS = [
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(hours=24),
]


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every recipient at RCPT TO with `reply`."""

    reply = None

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {to: self.reply for message in messages for to in message.to}
        )


class DownBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


DOWN = "tests.accounts.test_send_attempts.DownBackend"


def told_by_a_server_answering(user, code, text):
    """`tell` the member through a mail server refusing them with this reply."""
    RefusingBackend.reply = (code, text)
    try:
        backend = "tests.accounts.test_send_attempts.RefusingBackend"
        with override_settings(EMAIL_BACKEND=backend):
            row = tell(user)
    finally:
        RefusingBackend.reply = None
    row.refresh_from_db()
    return row


def wait_over(row):
    Notification.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_an_address_the_mail_server_does_not_know_is_suppressed_and_not_retried():
    user = UserFactory(email="gone@example.org")

    row = told_by_a_server_answering(
        user, 550, b"5.1.1 <gone@example.org>: Recipient address rejected"
    )

    assert row.status == Status.SUPPRESSED
    assert "5.1.1" in row.last_error
    suppression = EmailSuppression.objects.get(user=user)
    assert (suppression.address, suppression.reason) == ("gone@example.org", "bounce")
    later = timezone.now() + timedelta(days=2)
    assert outbox.sweep(now=later) == 0
    # Not lost: the member still finds it in their inbox.
    assert list(inbox.inbox_for(user)) == [row]


def test_a_relay_refusing_everyone_fails_the_row_but_suppresses_nobody(caplog):
    user = UserFactory()
    row = told_by_a_server_answering(user, 554, b"5.7.1 <x>: Relay access denied")

    assert row.status == Status.FAILED
    assert not EmailSuppression.objects.exists()
    assert "Gave up on notification" in caplog.text
    assert outbox.sweep(now=timezone.now() + timedelta(days=2)) == 0


def test_a_temporary_refusal_is_retried_like_any_other_failure():
    user = UserFactory()
    row = told_by_a_server_answering(user, 450, b"4.2.0 <x>: Mailbox busy")

    assert (row.status, row.attempts) == (Status.PENDING, 1)


@override_settings(EMAIL_BACKEND=DOWN)
def test_each_failure_waits_longer_and_the_last_gives_up_for_good(caplog):
    user = UserFactory()
    row = tell(user)

    for attempt, wait in enumerate(WAITS, start=1):
        row.refresh_from_db()
        assert (row.status, row.attempts) == (Status.PENDING, attempt)
        assert "SMTPServerDisconnected" in row.last_error
        waited = row.next_attempt_at - timezone.now()
        assert wait - timedelta(minutes=1) < waited <= wait
        wait_over(row)
        assert outbox.sweep() == 1

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.FAILED, 5)
    assert row.next_attempt_at is None
    assert "Gave up on notification" in caplog.text
    wait_over(row)
    assert outbox.sweep(now=timezone.now() + timedelta(days=30)) == 0


def test_a_row_whose_workers_keep_dying_gives_up_after_the_last_attempt():
    user = UserFactory()
    with override_settings(TASKS=DUMMY_TASKS):
        row = tell(user)
    later = timezone.now() + outbox.STALE_CLAIM + timedelta(minutes=1)
    for _ in range(5):
        assert outbox.claim([row.pk])  # then its worker is killed
        Notification.objects.filter(pk=row.pk).update(
            claimed_at=timezone.now() - outbox.STALE_CLAIM - timedelta(minutes=1)
        )
        with override_settings(TASKS=DUMMY_TASKS):
            outbox.sweep(now=later)

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.FAILED, 5)
    assert not mail.outbox


def test_a_suppressed_address_gets_nothing_and_the_row_is_final():
    user = UserFactory(email="Sam@Example.org")
    EmailSuppression.objects.create(
        user=user, address="sam@example.org", reason="bounce"
    )

    row = tell(user)

    row.refresh_from_db()
    assert row.status == Status.SUPPRESSED
    assert not mail.outbox
    assert outbox.sweep(now=timezone.now() + timedelta(days=2)) == 0


def test_a_suppression_of_another_member_or_address_stops_nothing():
    user = UserFactory(email="sam@example.org")
    EmailSuppression.objects.create(
        user=user, address="old@example.org", reason="bounce"
    )
    EmailSuppression.objects.create(
        user=UserFactory(), address="sam@example.org", reason="complaint"
    )

    tell(user)

    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_a_digest_to_a_suppressed_address_takes_its_items_with_it(housing):
    from accounts import digests
    from forums import notifications as forum_notifications
    from forums.factories import ThreadFactory
    from themes import services as theme_services

    user = UserFactory()
    theme_services.join_theme(user, housing, "daily")
    forum_notifications.tell_members_of_thread(ThreadFactory(theme=housing).pk)
    EmailSuppression.objects.create(user=user, address=user.email, reason="bounce")

    digest = digests.send_digest(user.pk, "daily", timezone.localdate())

    digest.refresh_from_db()
    item = Notification.objects.get(user=user, digest=digest)
    assert (digest.status, item.status) == (Status.SUPPRESSED, Status.SUPPRESSED)
    assert not mail.outbox
