"""Emails to a statistic's contacts who have no account, and their way to stop them.

Such a contact is told of a question naming the statistic by an outbox row naming
their address (`accounts.notifications.notify_addresses`); the email carries a
signed link, also its List-Unsubscribe, that stops questions about the statistics
it names being emailed to that address (`StatisticContact.emails_stopped_at`). No
sign-in: the signature is the proof, as for a member's unsubscribe link. The link
names the address, so it stops nothing once an editor has changed the contact's.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Statistic, StatisticContact

SALT = "statsforum.contact-emails-stop"
# An email is read late, and its reader has no account to fall back on: a year.
LINK_DAYS = 365


class ExpiredLink(signing.BadSignature):
    """A link we made, older than LINK_DAYS."""


def stop_token(address, statistic_ids):
    payload = {"a": address.strip().lower(), "s": sorted(statistic_ids)}
    return signing.dumps(payload, salt=SALT, compress=True)


def stop_link(address, statistic_ids):
    path = reverse("catalogue:stop_emails", args=[stop_token(address, statistic_ids)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def read_stop_token(token):
    """(address, statistic ids) the link was made for; raises BadSignature for a
    forged link, ExpiredLink for an old one."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.SignatureExpired as error:
        raise ExpiredLink(str(error)) from error
    try:
        address, ids = payload["a"], payload["s"]
        if not isinstance(address, str) or not all(isinstance(i, int) for i in ids):
            raise TypeError
    except (KeyError, TypeError) as error:
        raise signing.BadSignature("Not a stop link") from error
    return address, ids


def listed(address, statistic_ids):
    """The contacts the link is for: that address, on those statistics."""
    return StatisticContact.objects.alias(lower_email=Lower("email")).filter(
        lower_email=address, statistic__in=statistic_ids
    )


def statistics_of(address, statistic_ids):
    """The statistics the link stops emails about, by name."""
    return Statistic.objects.filter(
        pk__in=listed(address, statistic_ids).values("statistic")
    ).order_by("name")


def stop_emails(address, statistic_ids):
    """Record the contact's wish; a second use changes nothing. Returns how many
    contact rows it stopped."""
    return (
        listed(address, statistic_ids)
        .filter(emails_stopped_at__isnull=True)
        .update(emails_stopped_at=timezone.now())
    )


def unlinked(statistics):
    """Contacts of these statistics with an address and no account linked, who
    have not asked us to stop emailing them."""
    return (
        StatisticContact.objects.annotate(lower_email=Lower("email"))
        .filter(statistic__in=statistics, user=None, emails_stopped_at=None)
        .exclude(email="")
    )


def verified_addresses():
    """Every active member's verified address, in lower case (a subquery)."""
    from allauth.account.models import EmailAddress

    return (
        EmailAddress.objects.filter(verified=True, user__is_active=True)
        .annotate(lower_email=Lower("email"))
        .values("lower_email")
    )


def members_by_address(statistics):
    """Members whose verified address is that of an unlinked contact of these
    statistics: they are told as members, once, by their own preferences."""
    from django.contrib.auth import get_user_model  # accounts, below catalogue

    return (
        get_user_model()
        .objects.alias(lower_email=Lower("emailaddress__email"))
        .filter(
            is_active=True,
            emailaddress__verified=True,
            lower_email__in=unlinked(statistics).values("lower_email"),
        )
    )


def to_email(statistics):
    """The contacts without an account to email about these statistics, by address
    (lower case): {address: (name, [statistic ids])}, in one query. Those who asked
    to stop are left out; so is a member's address (`members_by_address`)."""
    rows = (
        unlinked(statistics)
        .exclude(lower_email__in=verified_addresses())
        .order_by("statistic_id", "sort_order", "pk")
        .values_list("lower_email", "name", "statistic_id")
    )
    found = {}
    for address, name, statistic_id in rows:
        found.setdefault(address, (name, []))[1].append(statistic_id)
    return found
