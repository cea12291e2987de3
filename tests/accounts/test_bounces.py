"""What comes back to an outbox email's return path: bounces as Postfix, Exim,
Microsoft 365 and Gmail send them, and a spam complaint (ARF), read through
`receive_bounce` as the inbound listener hands them over."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts import return_path
from accounts.bounces import receive_bounce
from accounts.factories import UserFactory
from accounts.models import DeliveryReport, EmailSuppression, Notification
from tests.accounts.returned_mail import returned
from tests.accounts.test_outbox import tell

pytestmark = pytest.mark.django_db

Reason = EmailSuppression.Reason
PERMANENT = [
    "postfix_permanent",
    "exim_permanent",
    "microsoft365_permanent",
    "gmail_permanent",
]
DELAYED = ["postfix_delayed", "exim_delayed", "microsoft365_delayed", "gmail_delayed"]


def sent_to(user, event_key="reply:1"):
    """An email the outbox sent the member, and its envelope sender."""
    row = tell(user, event_key)
    row.refresh_from_db()
    message = [
        m for m in mail.outbox if m.extra_headers["Message-ID"] == row.message_id
    ][0]
    return row, message.from_email


def token_of(address):
    return address.partition("+")[2].partition("@")[0]


def bounce(name, user, event_key="reply:1"):
    row, envelope = sent_to(user, event_key)
    return receive_bounce(returned(name, envelope, user.email), token_of(envelope))


@override_settings(INBOUND_EMAIL_DOMAIN="statsforum.example")
def test_the_envelope_sender_names_the_row_and_readers_see_the_site_address():
    user = UserFactory(email="Sam.Member@Example.org")

    row, envelope = sent_to(user)

    [message] = mail.outbox
    local, _, domain = envelope.partition("@")
    assert domain == "statsforum.example"
    assert local.startswith("bounces+") and len(local) <= 64
    assert local == local.lower()
    assert message.message()["From"] == "statsforum <noreply@statsforum.org.uk>"
    assert return_path.verifies(token_of(envelope), row.pk, user.email)


@pytest.mark.parametrize("name", PERMANENT)
def test_a_permanent_failure_stops_email_to_the_address_at_once(name):
    user = UserFactory(email="sam@example.org")

    suppression = bounce(name, user)

    assert suppression.reason == Reason.BOUNCE
    assert suppression.address == "sam@example.org"
    assert "5.1.1" in suppression.diagnostic or "5.1.10" in suppression.diagnostic
    assert not suppression.diagnostic.startswith("smtp;")
    tell(user, "reply:2")
    assert len(mail.outbox) == 1  # the bounced one only
    later = Notification.objects.get(user=user, event_key="reply:2")
    assert later.status == Notification.Status.SUPPRESSED


def test_a_bounce_token_lowercased_or_uppercased_by_a_server_still_verifies():
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)

    receive_bounce(
        returned("gmail_permanent", envelope, user.email), token_of(envelope).upper()
    )

    assert EmailSuppression.objects.filter(user=user).exists()


@pytest.mark.parametrize("name", DELAYED)
def test_one_temporary_failure_stops_nothing(name):
    user = UserFactory(email="sam@example.org")

    assert bounce(name, user) is None

    assert not EmailSuppression.objects.exists()
    report = DeliveryReport.objects.get(user=user)
    assert report.kind == DeliveryReport.Kind.TEMPORARY
    assert report.diagnostic


def test_temporary_failures_of_three_emails_in_a_week_stop_email():
    user = UserFactory(email="sam@example.org")

    assert bounce("postfix_delayed", user, "reply:1") is None
    assert bounce("gmail_delayed", user, "reply:2") is None
    suppression = bounce("exim_delayed", user, "reply:3")

    assert suppression.reason == Reason.BOUNCE
    assert "4.3.0" in suppression.diagnostic


def test_repeated_delay_notices_about_one_email_count_once():
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)

    for _ in range(4):
        receive_bounce(
            returned("postfix_delayed", envelope, user.email), token_of(envelope)
        )

    assert not EmailSuppression.objects.exists()


def test_temporary_failures_older_than_a_week_are_not_counted():
    user = UserFactory(email="sam@example.org")
    bounce("postfix_delayed", user, "reply:1")
    bounce("gmail_delayed", user, "reply:2")
    DeliveryReport.objects.update(received_at=timezone.now() - timedelta(days=8))

    assert bounce("exim_delayed", user, "reply:3") is None


def test_a_spam_complaint_stops_email_at_once_wherever_the_loop_sends_it():
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)

    # Feedback loops report to one fixed address: the token is the enclosed
    # email's Return-Path.
    suppression = receive_bounce(returned("arf_complaint", envelope, user.email), "")

    assert suppression.reason == Reason.COMPLAINT
    assert "statsforum.example" in suppression.diagnostic


def test_a_complaint_outranks_a_bounce_already_recorded():
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)
    token = token_of(envelope)
    receive_bounce(returned("postfix_permanent", envelope, user.email), token)

    receive_bounce(returned("arf_complaint", envelope, user.email), token)

    assert EmailSuppression.objects.get(user=user).reason == Reason.COMPLAINT


def test_a_forged_token_changes_nothing():
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)
    forged = f"{token_of(envelope).partition('-')[0]}-aaaaaaaaaaaaaaaa"

    for name in ["postfix_permanent", "arf_complaint"]:
        message = returned(
            name, envelope.replace(token_of(envelope), forged), user.email
        )
        assert receive_bounce(message, forged) is None

    assert not EmailSuppression.objects.exists()
    assert not DeliveryReport.objects.exists()


@pytest.mark.parametrize(
    "token", ["", "nonsense", "-", "zzzzzzzzzzzzz-aaaaaaaaaaaaaaaa", "1" * 500]
)
def test_a_token_of_no_row_changes_nothing(token):
    user = UserFactory(email="sam@example.org")

    message = returned(
        "gmail_permanent", f"bounces+{token}@statsforum.example", user.email
    )

    assert receive_bounce(message, token) is None
    assert not EmailSuppression.objects.exists()


def test_a_well_signed_token_of_a_row_since_erased_changes_nothing():
    user = UserFactory(email="sam@example.org")
    token = return_path.token_for(999_999, user.email)

    receive_bounce(returned("gmail_permanent", f"bounces+{token}@x", user.email), token)

    assert not EmailSuppression.objects.exists()


def test_a_bounce_for_an_address_the_member_has_since_changed_changes_nothing():
    user = UserFactory(email="old@example.org")
    row, envelope = sent_to(user)
    user.email = "new@example.org"
    user.save()

    message = returned("postfix_permanent", envelope, "old@example.org")
    assert receive_bounce(message, token_of(envelope)) is None

    assert not EmailSuppression.objects.exists()
    tell(user, "reply:2")
    assert mail.outbox[-1].to == ["new@example.org"]


def test_an_out_of_office_reply_to_the_return_path_changes_nothing():
    user = UserFactory(email="sam@example.org")

    assert bounce("out_of_office", user) is None

    assert not EmailSuppression.objects.exists()
    assert not DeliveryReport.objects.exists()


def test_a_bounce_the_detectors_cannot_read_changes_nothing(monkeypatch, caplog):
    user = UserFactory(email="sam@example.org")
    row, envelope = sent_to(user)

    def choke(message):
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    # accounts.bounces imports it when it reads a bounce (only the worker does).
    monkeypatch.setattr("flufl.bounce.all_failures", choke)
    message = returned("postfix_permanent", envelope, user.email)

    assert receive_bounce(message, token_of(envelope)) is None
    assert not EmailSuppression.objects.exists()
    assert "Could not read a bounce" in caplog.text
