"""The LMTP listener the mail server hands our mail to (aiosmtpd).

LMTP (RFC 2033) rather than SMTP: the mail server keeps the queue and retries, and
after the message it wants an answer per recipient, so one recipient's trouble
never bounces the others. A recipient is refused at RCPT unless it is one of our
registered mailboxes; a message is answered 250 for a recipient only once it is
kept in the database (`inbound.store`), and 451 (try again later) when it could
not be, so a crash or an outage loses nothing. Nothing it receives raises: an
error is a temporary refusal, and the mail server tries again.
"""

import logging

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from accounts import inbound

logger = logging.getLogger(__name__)

# Postfix's default message_size_limit: a reply is a few kilobytes, and a bigger
# message is refused when the mail server announces its size (MAIL FROM SIZE=).
MAX_MESSAGE_BYTES = 10_240_000
ACCEPTED = "250 2.0.0 Kept for reading"
NO_SUCH_MAILBOX = "550 5.1.1 No such mailbox here"
TRY_LATER = "451 4.3.0 Could not keep the message just now: try again later"


class InboundHandler:
    """aiosmtpd's hooks: who we take mail for, and keeping what arrives."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        try:
            known = inbound.split_address(address) is not None
        except Exception:
            logger.exception("Could not read the recipient %r", address)
            return TRY_LATER
        if not known:
            return NO_SUCH_MAILBOX
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        answers = []
        for recipient in envelope.rcpt_tos:
            answers.append(
                await sync_to_async(keep, thread_sensitive=False)(
                    raw, recipient, envelope.mail_from or ""
                )
            )
        # LMTP: one answer per accepted recipient, in order.
        return "\r\n".join(answers)


def keep(raw, recipient, sender):
    close_old_connections()
    try:
        kept = inbound.store(raw, recipient, sender)
    except Exception:
        logger.exception("Could not keep a message for %s", recipient)
        kept = False
    finally:
        close_old_connections()
    return ACCEPTED if kept else TRY_LATER


class LMTPController(Controller):
    """The listener on an event loop in its own thread (the command and the tests)."""

    def __init__(self, hostname, port):
        super().__init__(
            InboundHandler(),
            hostname=hostname,
            port=port,
            data_size_limit=MAX_MESSAGE_BYTES,
            enable_SMTPUTF8=True,
            ready_timeout=10,
            # Named, so aiosmtpd asks no DNS for the machine's name.
            server_hostname=settings.INBOUND_EMAIL_DOMAIN,
        )

    def factory(self):
        return LMTP(self.handler, **self.SMTP_kwargs)
