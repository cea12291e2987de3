"""What comes back to an outbox email's return path: bounces and spam complaints.

The MTA hands mail for bounces+<token>@INBOUND_EMAIL_DOMAIN to the inbound listener,
which calls `receive_bounce` (the `bounces` mailbox of `accounts.inbound`). The
token names the outbox row, so the member and the address the email went to; a
token that does not verify for the member's present address (forged, or the
member has changed address since) changes nothing.

- Delivery status notifications (RFC 3464) and the older formats some servers
  still send are read by flufl.bounce: "failed" is a permanent failure, "delayed"
  a temporary one.
- Spam complaints are ARF reports (RFC 5965, feedback type "abuse") from mailbox
  providers' feedback loops. A loop may send them to one fixed address: the token
  is then read from the report's Original-Mail-From, or the Return-Path of the
  email it encloses.

`accounts.suppressions` decides what a report means for the address.
"""

import logging
from email.parser import BytesHeaderParser

from accounts import return_path, suppressions
from accounts.inbound import Received
from accounts.models import DeliveryReport, InboundMessage, Notification

logger = logging.getLogger(__name__)

Kind = DeliveryReport.Kind
Outcome = InboundMessage.Outcome
DIAGNOSTIC_LENGTH = 1000


def receive_bounce(message, token):
    """Act on one message sent to a return path; returns the suppression it made."""
    report = feedback_report(message)
    row = outbox_row(token)
    if row is None and report is not None:
        row = outbox_row(return_path.token_in(original_sender(message, report)))
    if row is None:
        logger.info("A bounce whose return path names no row of ours: ignored")
        return None
    if report is not None:
        feedback_type = str(report.get("Feedback-Type", "")).strip().lower()
        if feedback_type != "abuse":
            logger.info("Feedback report of type %r: ignored", feedback_type)
            return None
        return suppressions.record(row, Kind.COMPLAINT, complaint_text(report))
    # Only the worker reads bounces: web workers need not hold flufl.bounce.
    from flufl.bounce import all_failures

    try:
        temporary, permanent = all_failures(message)
    except Exception:
        # Unreadable: keep nothing, and do not make the MTA offer it again.
        logger.exception("Could not read a bounce for notification %s", row.pk)
        return None
    if not (temporary or permanent):
        # An auto-reply ("out of office") or something else that is no bounce.
        logger.info("Mail to the return path of %s is no bounce: ignored", row.pk)
        return None
    kind = Kind.PERMANENT if permanent else Kind.TEMPORARY
    return suppressions.record(row, kind, diagnostic(message, message["Subject"]))


def read_returned_mail(message, token):
    """The `bounces` mailbox of `accounts.inbound`: what became of the message."""
    suppression = receive_bounce(message, token)
    if suppression is None:
        return Received(
            Outcome.IGNORED,
            "Stopped no address: not a bounce of ours, or a temporary failure "
            "counted towards one.",
        )
    return Received(
        Outcome.STOPPED,
        f"Stopped emailing {suppression.address} ({suppression.get_reason_display()})",
        user=suppression.user,
    )


def outbox_row(token):
    """The outbox row the token was made for, sent to its member's present address
    (or its own, while the outbox still keeps it)."""
    row_id = return_path.row_id_of(token)
    row = (
        Notification.objects.select_related("user").filter(pk=row_id).first()
        if row_id
        else None
    )
    if row and row.to_address and return_path.verifies(token, row.pk, row.to_address):
        return row
    return None


def feedback_report(message):
    """The fields of an ARF report's message/feedback-report part, or None."""
    if message.get_content_type() != "multipart/report":
        return None
    for part in message.walk():
        if part.get_content_type() == "message/feedback-report":
            payload = part.get_payload()
            if isinstance(payload, list) and payload:
                return payload[0]
            text = payload if isinstance(payload, str) else ""
            return BytesHeaderParser().parsebytes(text.encode(errors="replace"))
    return None


def original_sender(message, report):
    """The envelope sender of the email a complaint is about."""
    if report.get("Original-Mail-From"):
        return str(report["Original-Mail-From"])
    for part in message.walk():
        if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
            enclosed = part.get_payload()
            if isinstance(enclosed, list) and enclosed:
                return str(enclosed[0].get("Return-Path", ""))
            headers = BytesHeaderParser().parsebytes(
                part.get_payload(decode=True) or b""
            )
            return str(headers.get("Return-Path", ""))
    return ""


def complaint_text(report):
    source = report.get("Reported-Domain") or report.get("Source-IP") or ""
    text = "Marked as spam at the member's mailbox provider"
    arrival = report.get("Arrival-Date")
    return f"{text} ({source}, {arrival})." if arrival else f"{text}."


def diagnostic(message, fallback):
    """What the receiving server said: each recipient's diagnostic, or status."""
    said = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        for block in payload[1:] if isinstance(payload, list) else []:
            code = str(block.get("Diagnostic-Code") or block.get("Status") or "")
            # "smtp; 550 5.1.1 ...": the type of the code tells a member nothing.
            kind, semicolon, text = code.partition(";")
            said.append(" ".join((text if semicolon else kind).split()))
    text = "; ".join(filter(None, said)) or " ".join(str(fallback or "").split())
    return text[:DIAGNOSTIC_LENGTH]
