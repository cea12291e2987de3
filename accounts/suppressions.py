"""Addresses we stop emailing: what came back about an email decides.

A permanent failure or a spam complaint suppresses the address at once. Temporary
failures (a full mailbox, a server down) suppress it only when three different
emails met one within seven days: one bad day loses a member nothing, as their
mail server keeps retrying, but an address that has not taken mail for a week of
tries will not take the next. Repeated delay notices about one email count once.
An outbox row to someone without an account (a statistic's contact) is judged the
same way; its suppression names the address and no member.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import DeliveryReport, EmailSuppression

logger = logging.getLogger(__name__)

Reason = EmailSuppression.Reason
Kind = DeliveryReport.Kind
TEMPORARY_LIMIT = 3
TEMPORARY_WINDOW = timedelta(days=7)


def current_for(user):
    """The suppression of the member's present address, or None: one query."""
    return EmailSuppression.objects.filter(
        user=user, address=user.email.strip().lower()
    ).first()


def suppressed(users):
    """The (user id, address) pairs among these members' present addresses."""
    addresses = {user.email.strip().lower() for user in users}
    return set(
        EmailSuppression.objects.filter(
            user__in=[user.pk for user in users], address__in=addresses
        ).values_list("user_id", "address")
    )


def is_suppressed(user, pairs):
    return (user.pk, user.email.strip().lower()) in pairs


def suppressed_addresses(addresses):
    """Those of these addresses (of no member, lower case) we stopped emailing."""
    return set(
        EmailSuppression.objects.filter(
            user=None, address__in=list(addresses)
        ).values_list("address", flat=True)
    )


def stopped_rows(rows):
    """The ids of these outbox rows whose address we stopped emailing: a query
    for the members' and one for the addresses without an account, at most."""
    members = {row.user for row in rows if row.user_id}
    pairs = suppressed(members) if members else set()
    addresses = {row.address for row in rows if not row.user_id}
    stopped = suppressed_addresses(addresses) if addresses else set()
    return {
        row.pk
        for row in rows
        if (is_suppressed(row.user, pairs) if row.user_id else row.address in stopped)
    }


def record(row, kind, diagnostic=""):
    """Keep what came back about `row` (sent to its member's present address, or
    its own) and suppress the address if it says so. Returns the suppression."""
    user, address = row.user, row.to_address.strip().lower()
    DeliveryReport.objects.create(
        user=user, notification=row, address=address, kind=kind, diagnostic=diagnostic
    )
    if kind == Kind.COMPLAINT:
        return suppress(user, address, Reason.COMPLAINT, diagnostic)
    if kind == Kind.PERMANENT:
        return suppress(user, address, Reason.BOUNCE, diagnostic)
    since = timezone.now() - TEMPORARY_WINDOW
    emails = (
        DeliveryReport.objects.filter(
            user=user, address=address, kind=Kind.TEMPORARY, received_at__gte=since
        )
        .values("notification")
        .distinct()
        .count()
    )
    if emails >= TEMPORARY_LIMIT:
        return suppress(user, address, Reason.BOUNCE, diagnostic)
    return None


def suppress(user, address, reason, diagnostic=""):
    """Stop emailing `address`; a complaint outranks a bounce already recorded."""
    address = address.strip().lower()
    try:
        with transaction.atomic():
            suppression, created = EmailSuppression.objects.get_or_create(
                user=user,
                address=address,
                defaults={"reason": reason, "diagnostic": diagnostic},
            )
    except IntegrityError:  # another report about the same address, at once
        suppression = EmailSuppression.objects.get(user=user, address=address)
        created = False
    upgraded = not created and reason == Reason.COMPLAINT != suppression.reason
    if upgraded:
        suppression.reason, suppression.diagnostic = reason, diagnostic
        suppression.created_at = timezone.now()
        suppression.save(update_fields=["reason", "diagnostic", "created_at"])
    if created or upgraded:
        logger.warning(
            "Stopped emailing %s (%s)",
            f"member {user.pk}" if user else "an address without an account",
            reason,
        )
    return suppression


def lift(suppression):
    """Email the address again (the member tried again, or an editor lifted it)."""
    EmailSuppression.objects.filter(pk=suppression.pk).delete()


def forget_other_addresses(user):
    """The member changed their address: suppressions of their old ones go."""
    EmailSuppression.objects.filter(user=user).exclude(
        address=user.email.strip().lower()
    ).delete()
