"""Sending the outbox: claim a row, send it, record its Message-ID.

A row is claimed (status CLAIMED, a claim token, the Message-ID it will carry) and
committed before it is sent, so no other worker takes it; on PostgreSQL the claim
skips rows another worker holds (SKIP LOCKED), on SQLite the writers take turns
and the conditional UPDATE lets only one of them win. A worker killed between the
claim and the send leaves a row CLAIMED: `sweep` hands it back after a while. The
one window left is between the mail server's acceptance and the row's UPDATE: a
retry then carries the same Message-ID, which mail systems use to drop repeats.
"""

import logging
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.emails import render_email
from accounts.models import Notification
from accounts.replies import reply_to

logger = logging.getLogger(__name__)

Status = Notification.Status
Cadence = Notification.Cadence
CLAIM_BATCH = 50
# A claim older than this, not sent, belongs to a dead worker.
STALE_CLAIM = timedelta(minutes=10)


def message_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "statsforum"


def claim(ids, limit=CLAIM_BATCH):
    """Claim up to `limit` of these rows that wait to be sent; return them."""
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        waiting = Notification.objects.filter(pk__in=ids, status=Status.PENDING)
        if connection.features.has_select_for_update_skip_locked:
            waiting = waiting.select_for_update(skip_locked=True)
        chosen = list(waiting.order_by("pk").values_list("pk", flat=True)[:limit])
        if not chosen:
            return []
        # The status condition again: on SQLite no row lock kept another out.
        Notification.objects.filter(pk__in=chosen, status=Status.PENDING).update(
            status=Status.CLAIMED, claimed_at=now, claimed_by=token
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


def deliver(ids):
    """Send every row of `ids` still waiting, a batch at a time. Returns how many."""
    sent = 0
    while rows := claim(ids):
        for row in rows:
            try:
                send(row)
            except Exception:
                # One refused address must not hold up the rest: the row stays
                # claimed, and the sweep queues it again later.
                logger.exception("Could not send notification %s", row.pk)
                continue
            sent += 1
    return sent


def send(row):
    from accounts.notifications import get_kind, unsubscribe_link

    kind = get_kind(row.kind)
    unsubscribe_url = (
        unsubscribe_link(row.user, kind, row.theme) if kind.optional else None
    )
    subject, text, html = render_email(
        f"notifications/{row.template}",
        {
            **row.context,
            "recipient_name": row.user.public_name,
            "kind": kind,
            "unsubscribe_url": unsubscribe_url,
        },
    )
    # Auto-Submitted (RFC 3834): out-of-office robots do not answer it.
    headers = {"Message-ID": row.message_id, "Auto-Submitted": "auto-generated"}
    if unsubscribe_url:
        headers |= {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.user.email],
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
        Notification.objects.filter(
            status=Status.CLAIMED, claimed_at__lt=cutoff, digest__isnull=True
        ).update(status=Status.PENDING, claimed_by="")
        # Immediate rows (and digests) waiting longer than a claim may last: their
        # task failed (the mail server refused) or was lost.
        stuck = list(
            Notification.objects.filter(
                Q(status=Status.PENDING, cadence=Cadence.IMMEDIATELY),
                Q(claimed_at__lt=cutoff) | Q(created_at__lt=cutoff),
            ).values_list("pk", flat=True)
        )
        for start in range(0, len(stuck), 500):
            deliver_notifications.enqueue(stuck[start : start + 500])
    if stuck:
        logger.warning("Queued again %s unsent notification(s)", len(stuck))
    return len(stuck)
