"""Sending the outbox: claim a row, send it, record its Message-ID.

A row is claimed (status CLAIMED, a claim token, the Message-ID it will carry, one
more attempt) and committed before it is sent, so no other worker takes it; on
PostgreSQL the claim skips rows another worker holds (SKIP LOCKED), on SQLite the
writers take turns and the conditional UPDATE lets only one of them win. A worker
killed between the claim and the send leaves a row CLAIMED: `sweep` hands it back
after a while. The one window left is between the mail server's acceptance and the
row's UPDATE: a retry then carries the same Message-ID, which mail systems use to
drop repeats.

A send that fails waits (BACKOFF) and `sweep` queues it again when due; after
MAX_ATTEMPTS claims, or when the mail server refuses the address for good (a 5xx
reply), the row is FAILED and never tried again. A row for a suppressed address
(`accounts.suppressions`) is SUPPRESSED, unsent. Both stay in the member's inbox.
Every email's envelope sender is its row's return path (`accounts.return_path`),
so what comes back names the row. A row may name an address instead of a member
(`notifications.notify_addresses`): it is sent, retried, suppressed and refused
the same way, in the site's language, with the feature's stop link.
"""

import logging
import smtplib
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts import suppressions
from accounts.emails import language_of, render_email
from accounts.models import EmailSuppression, Notification
from accounts.replies import reply_to
from accounts.return_path import return_path
from core.languages import link_in

logger = logging.getLogger(__name__)

Status = Notification.Status
Reason = EmailSuppression.Reason
Cadence = Notification.Cadence
CLAIM_BATCH = 50
# A claim older than this, not sent, belongs to a dead worker.
STALE_CLAIM = timedelta(minutes=10)
# Waits after the 1st, 2nd, ... failed attempt: a mail server down for a night is
# waited out (about 31 hours in all), then the row is FAILED, never retried.
BACKOFF = [
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(hours=24),
]
MAX_ATTEMPTS = len(BACKOFF) + 1
# RFC 3463 codes that say the recipient's mailbox or domain does not exist (bad
# mailbox, domain, syntax; moved; null MX): a bounce, never a relay's policy.
NO_SUCH_RECIPIENT = {"5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10"}


def message_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "statsforum"


def claim(ids, limit=CLAIM_BATCH):
    """Claim up to `limit` of these rows that wait to be sent; return them."""
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        waiting = Notification.objects.filter(due(now), pk__in=ids)
        if connection.features.has_select_for_update_skip_locked:
            waiting = waiting.select_for_update(skip_locked=True)
        chosen = list(waiting.order_by("pk").values_list("pk", flat=True)[:limit])
        if not chosen:
            return []
        # The status condition again: on SQLite no row lock kept another out.
        Notification.objects.filter(due(now), pk__in=chosen).update(
            status=Status.CLAIMED,
            claimed_at=now,
            claimed_by=token,
            attempts=F("attempts") + 1,
        )
        rows = list(
            Notification.objects.filter(claimed_by=token, status=Status.CLAIMED)
            .select_related("user", "theme")
            .order_by("pk")
        )
        for row in rows:
            # Kept from an earlier claim: a retry carries the same Message-ID.
            row.message_id = row.message_id or make_msgid(domain=message_domain())
        Notification.objects.bulk_update(rows, ["message_id"])
    return rows


def due(now):
    """Rows waiting to be sent whose next attempt, if any, is not in the future."""
    return Q(status=Status.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def deliver(ids):
    """Send every row of `ids` still waiting, a batch at a time. Returns how many."""
    sent = 0
    while rows := claim(ids):
        stopped = suppressions.stopped_rows(rows)
        for row in rows:
            if row.pk in stopped:
                finish(row, Status.SUPPRESSED)
                continue
            try:
                send(row)
            except Exception as error:
                # One refused address must not hold up the rest.
                failed(row, error)
                continue
            sent += 1
    return sent


def failed(row, error):
    """Wait before trying again, or give up for good (and say so in the log)."""
    now = timezone.now()
    reason = f"{type(error).__name__}: {error}"[:2000]
    refused = refused_for_good(error)
    if refused in NO_SUCH_RECIPIENT:
        suppressions.suppress(row.user, row.to_address, Reason.BOUNCE, reason)
        logger.warning("Notification %s refused, address suppressed", row.pk)
        return finish(row, Status.SUPPRESSED, last_error=reason)
    if refused or row.attempts >= MAX_ATTEMPTS:
        logger.error(
            "Gave up on notification %s after %s attempt(s): %s",
            row.pk,
            row.attempts,
            reason,
            exc_info=error,
        )
        return finish(row, Status.FAILED, last_error=reason)
    wait = BACKOFF[max(row.attempts, 1) - 1]
    logger.warning(
        "Could not send notification %s (attempt %s), trying again in %s: %s",
        row.pk,
        row.attempts,
        wait,
        reason,
    )
    Notification.objects.filter(pk=row.pk, claimed_by=row.claimed_by).update(
        status=Status.PENDING,
        claimed_by="",
        last_error=reason,
        next_attempt_at=now + wait,
    )


def refused_for_good(error):
    """The enhanced status code (5.1.1) of a 5xx refusal of the recipient, or ''.

    A relay's policy refusal ("5.7.1 relay access denied") refuses everyone: it
    fails the row, but suppresses nobody's address.
    """
    if not isinstance(error, smtplib.SMTPRecipientsRefused):
        return ""
    for code, text in error.recipients.values():
        if 500 <= code < 600:
            words = (
                text.decode(errors="replace") if isinstance(text, bytes) else text
            ).split()
            return words[0] if words and words[0][:2] == "5." else "5.0.0"
    return ""


def finish(row, status, **fields):
    """A final status for the row and the items of a digest it carried."""
    Notification.objects.filter(pk=row.pk).update(
        status=status, next_attempt_at=None, **fields
    )
    Notification.objects.filter(digest=row.pk).update(status=status)


def send(row):
    from accounts.notifications import get_kind, unsubscribe_link

    kind = get_kind(row.kind)
    if row.user_id:
        language = language_of(row.user)
        recipient_name = row.user.public_name
        unsubscribe_url = (
            link_in(unsubscribe_link(row.user, kind, row.theme), language)
            if kind.optional
            else None
        )
    else:
        # Someone without an account chose no language: the site's own. Their way
        # out is the feature's signed stop link the row carries.
        language = settings.LANGUAGE_CODE
        recipient_name = row.recipient_name
        unsubscribe_url = link_in(row.context[kind.stop_link], language)
    subject, text, html = render_email(
        f"notifications/{row.template}",
        {
            **row.context,
            "recipient_name": recipient_name,
            "kind": kind,
            "unsubscribe_url": unsubscribe_url,
        },
        language=language,
    )
    # Auto-Submitted (RFC 3834): out-of-office robots do not answer it. The
    # envelope sender is the row's return path; readers see the site's address.
    headers = {
        "Message-ID": row.message_id,
        "Auto-Submitted": "auto-generated",
        "From": settings.DEFAULT_FROM_EMAIL,
    }
    if unsubscribe_url:
        headers |= {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=return_path(row),
        to=[row.to_address],
        headers=headers,
        reply_to=[address] if (address := reply_to(row, kind)) else None,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in row.attachments:
        message.attach(filename, content, mimetype)
    message.send()
    now = timezone.now()
    Notification.objects.filter(pk=row.pk).update(status=Status.SENT, sent_at=now)
    # A digest's items went out with it.
    Notification.objects.filter(digest=row.pk).update(status=Status.SENT, sent_at=now)


def sweep(now=None, stale_after=STALE_CLAIM):
    """Hand back rows a dead worker claimed, and queue rows nobody is sending.

    Returns how many rows were queued again.
    """
    from accounts.tasks import deliver_notifications

    now = now or timezone.now()
    cutoff = now - stale_after
    with transaction.atomic():
        abandoned = Notification.objects.filter(
            status=Status.CLAIMED, claimed_at__lt=cutoff, digest__isnull=True
        )
        # A row whose every attempt died with its worker is tried no more.
        given_up = list(
            abandoned.filter(attempts__gte=MAX_ATTEMPTS).values_list("pk", flat=True)
        )
        for pk in given_up:
            logger.error("Gave up on notification %s: its workers died", pk)
            finish(Notification(pk=pk), Status.FAILED, last_error="Worker stopped")
        abandoned.update(status=Status.PENDING, claimed_by="")
        # Immediate rows (and digests) waiting longer than a claim may last, or
        # whose next attempt is due: their task failed or was lost.
        stuck = list(
            Notification.objects.filter(
                due(now),
                Q(cadence=Cadence.IMMEDIATELY),
                Q(claimed_at__lt=cutoff)
                | Q(created_at__lt=cutoff)
                | Q(next_attempt_at__isnull=False),
            ).values_list("pk", flat=True)
        )
        for start in range(0, len(stuck), 500):
            deliver_notifications.enqueue(stuck[start : start + 500])
    if stuck:
        logger.warning("Queued again %s unsent notification(s)", len(stuck))
    return len(stuck)
