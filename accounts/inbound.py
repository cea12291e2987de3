"""Mail that comes in: the registry of our mailboxes, and the path every message takes.

Our addresses are `<mailbox>+<token>@<INBOUND_EMAIL_DOMAIN>`. An app registers a
mailbox (`register_mailbox("reply", handler)`); the mail server hands messages for
them to the LMTP listener (`accounts/mail_listener.py`), which refuses unknown
mailboxes when told the recipient and, for the rest, `store`s each message before it
says it accepted it. A worker's task then `process`es the row: the mailbox's
handler gets the message (`email.message.EmailMessage`, parsed with
`email.policy.default`) and the token, and returns what became of it.
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import InboundMessage
from core.once import complete_once

logger = logging.getLogger(__name__)
Outcome = InboundMessage.Outcome


@dataclass(frozen=True)
class Received:
    """What a mailbox's handler made of a message, kept on its row."""

    outcome: str
    note: str = ""
    # The member the message turned out to be from, for their data export.
    user: object = None


# handler(message, token) -> Received
_mailboxes: dict[str, Callable] = {}


def register_mailbox(prefix, handler):
    _mailboxes[prefix.lower()] = handler
    return handler


def registered_mailboxes():
    return sorted(_mailboxes)


def address(prefix, token):
    return f"{prefix}+{token}@{settings.INBOUND_EMAIL_DOMAIN}"


def split_address(recipient):
    """(mailbox, token) of one of our registered addresses, or None.

    Mail servers may change the case of the part before the @, so it is read
    without case: tokens are lowercase for that reason.
    """
    local, at, domain = (recipient or "").strip().strip("<>").rpartition("@")
    if not at or domain.lower() != settings.INBOUND_EMAIL_DOMAIN.lower():
        return None
    prefix, plus, token = local.lower().partition("+")
    if not plus or not token or prefix not in _mailboxes:
        return None
    return prefix, token


def message_key(raw):
    """What makes a redelivery the same message: its Message-ID, or its bytes."""
    header = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
    message_id = " ".join(str(header.get("Message-ID", "")).split())
    if message_id:
        key = hashlib.sha256(message_id.encode(errors="replace")).hexdigest()
        return message_id, key
    return "", hashlib.sha256(raw).hexdigest()


def store(raw, recipient, envelope_sender=""):
    """Keep the message for one recipient and queue its reading; True once it is
    kept (now, or by an earlier delivery of the same message)."""
    from accounts.tasks import process_inbound_message

    mailbox, _ = split_address(recipient)
    message_id, key = message_key(raw)
    try:
        with transaction.atomic():
            row = InboundMessage.objects.create(
                mailbox=mailbox,
                recipient=recipient.lower(),
                envelope_sender=(envelope_sender or "")[:320],
                message_id=message_id,
                message_key=key,
                raw=raw,
            )
            # The task is a row of the same database: it commits with the message.
            process_inbound_message.enqueue(row.pk)
    except IntegrityError:
        # Delivered before: kept already, and read (or about to be) once.
        return InboundMessage.objects.filter(
            message_key=key, recipient=recipient.lower()
        ).exists()
    return True


def process(pk):
    """Read a stored message once: a task run twice finds it completed."""
    complete_once(InboundMessage, pk, _process)


def _process(pk):
    row = InboundMessage.objects.get(pk=pk)
    try:
        # A savepoint: what a handler half did goes, the row's outcome stays.
        with transaction.atomic():
            message = parse(bytes(row.raw))
            row.from_address = from_address(message)[:320]
            _, token = split_address(row.recipient) or (row.mailbox, "")
            handler = _mailboxes.get(row.mailbox)
            if handler is None:
                result = Received(Outcome.IGNORED, "No mailbox of that name any more.")
            else:
                result = handler(message, token)
    except Exception:
        # Whatever arrives, the worker carries on; the raw message stays to look at.
        logger.exception("Could not read inbound message %s", pk)
        result = Received(Outcome.FAILED, "The message could not be read.")
    row.outcome, row.note = result.outcome, result.note[:2000]
    row.user = result.user
    row.completed_at = timezone.now()
    row.save(update_fields=["outcome", "note", "completed_at", "from_address", "user"])


def parse(raw):
    return BytesParser(policy=policy.default).parsebytes(raw)


def from_address(message):
    """The address in the message's From, lowercased, or ""."""
    try:
        addresses = message["From"].addresses if message["From"] else ()
    except (AttributeError, IndexError, TypeError, ValueError):
        return ""
    return addresses[0].addr_spec.lower() if addresses else ""
