"""A bounce reaches the outbox's row by the real path: the mail server hands it to
the LMTP listener at the email's return path, and the worker reads it."""

from django.core import mail
from django.test import override_settings

from accounts.factories import UserFactory
from accounts.models import EmailSuppression, InboundMessage, Notification
from tests.accounts.returned_mail import raw_returned
from tests.accounts.test_bounces import sent_to
from tests.accounts.test_outbox import tell
from tests.accounts.test_reply_by_email import (
    IMMEDIATE,
    deliver,
    listener,
    run_worker,
)

__all__ = ["listener"]

Outcome = InboundMessage.Outcome


def test_a_permanent_bounce_through_the_listener_stops_the_address(listener):
    member = UserFactory(email="gone@example.org")
    with override_settings(TASKS=IMMEDIATE):
        row, envelope = sent_to(member)
    raw = raw_returned("postfix_permanent", envelope, member.email)

    assert deliver(listener, raw, envelope, envelope_sender="") == {}
    run_worker()

    [kept] = InboundMessage.objects.all()
    assert (kept.mailbox, kept.outcome, kept.user) == (
        "bounces",
        Outcome.STOPPED,
        member,
    )
    assert EmailSuppression.objects.get().address == "gone@example.org"
    mail.outbox.clear()
    with override_settings(TASKS=IMMEDIATE):
        later = tell(member, "reply:2")
    later.refresh_from_db()
    assert later.status == Notification.Status.SUPPRESSED
    assert mail.outbox == []


def test_a_bounce_with_a_forged_return_path_stops_nothing(listener):
    member = UserFactory(email="kept@example.org")
    with override_settings(TASKS=IMMEDIATE):
        row, envelope = sent_to(member)
    forged = envelope.replace("bounces+", "bounces+1").replace("-", "-a", 1)
    raw = raw_returned("postfix_permanent", forged, member.email)

    deliver(listener, raw, forged, envelope_sender="")
    run_worker()

    assert InboundMessage.objects.get().outcome == Outcome.IGNORED
    assert not EmailSuppression.objects.exists()
