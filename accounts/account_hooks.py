"""The account's own entries in the notification and personal-data registries."""

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.bounces import read_returned_mail
from accounts.models import (
    DataExport,
    DeliveryReport,
    EmailSuppression,
    InboundMessage,
    Notification,
    NotificationPreference,
)
from accounts.notifications import NotificationKind
from accounts.personal_data import PersonalData
from accounts.replies import receive_reply

DATA_EXPORT_READY = NotificationKind(
    key="data_export_ready",
    label=_("Your data is ready to download"),
    description=_("When a copy of your data you asked for is ready."),
    link="data_export_url",
    optional=False,
)


def export_account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "display_name": user.display_name,
        "handle": user.handle,
        "organisation": user.organisation_label,
        "sector": user.get_sector_display(),
        "areas_of_expertise": sorted(tag.name for tag in user.expertise.all()),
        "about_you": user.bio,
        "joined": user.date_joined.isoformat(),
        "last_signed_in": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "suspensions": export_suspensions(user),
        "emails_you_sent_us": export_inbound(user),
        "notification_preferences": [
            {
                "kind": preference.kind,
                "theme": preference.theme.title if preference.theme else None,
                "frequency": preference.frequency,
            }
            for preference in user.notification_preferences.select_related("theme")
        ],
        "email_delivery": export_email_delivery(user),
    }


def export_email_delivery(user):
    """Addresses we stopped emailing, and what came back about emails we sent."""
    return {
        "stopped_addresses": [
            {
                "address": suppression.address,
                "reason": suppression.get_reason_display(),
                "since": suppression.created_at.isoformat(),
                "what_the_mail_server_said": suppression.diagnostic,
            }
            for suppression in user.email_suppressions.all()
        ],
        "reports": [
            {
                "address": report.address,
                "kind": report.get_kind_display(),
                "received": report.received_at.isoformat(),
                "what_the_mail_server_said": report.diagnostic,
            }
            for report in user.delivery_reports.all()
        ],
    }


def export_suspensions(user):
    """Where and until when the member was stopped from posting, never by whom:
    the refusal they saw names no one either, as the moderator's name is another
    person's data and telling it invites a quarrel with a volunteer chair."""
    suspensions = [
        {
            "theme": suspension.theme.title,
            "since": suspension.created_at.isoformat(),
            "until": suspension.until.isoformat(),
        }
        for suspension in user.theme_suspensions.select_related("theme").order_by(
            "created_at"
        )
    ]
    if user.suspended_until:
        suspensions.append(
            {"theme": "Every theme", "until": user.suspended_until.isoformat()}
        )
    return suspensions


def inbound_of(user):
    """Mail the member sent us: signed for them, or from one of their addresses."""
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    return InboundMessage.objects.filter(
        Q(user=user) | Q(from_address__in={email.lower() for email in addresses})
    )


def export_inbound(user):
    """What we kept of each email, and what became of it; not the raw message,
    which holds the quoted email we sent them."""
    return [
        {
            "received": message.received_at.isoformat(),
            "to": message.recipient,
            "from": message.from_address,
            "what_became_of_it": message.get_outcome_display(),
            "why": message.note,
        }
        for message in inbound_of(user).order_by("received_at", "pk")
    ]


def erase_account_records(user, keep_public_posts):
    inbound_of(user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    EmailSuppression.objects.filter(user=user).delete()
    DeliveryReport.objects.filter(user=user).delete()
    DataExport.objects.filter(user=user).delete()


PERSONAL_DATA = PersonalData(
    key="account",
    label=_("Your account and profile"),
    export=export_account,
    erase=erase_account_records,
)

DAILY_DIGEST = NotificationKind(
    key="daily_digest",
    label=_("Daily digest"),
    description=_("One email a day of everything you chose to hear of daily."),
    digest_of="daily",
)
WEEKLY_DIGEST = NotificationKind(
    key="weekly_digest",
    label=_("Weekly digest"),
    description=_("One email on Mondays of everything you chose to hear of weekly."),
    digest_of="weekly",
)

NOTIFICATION_KINDS = [DATA_EXPORT_READY, DAILY_DIGEST, WEEKLY_DIGEST]

MAILBOXES = {"reply": receive_reply, "bounces": read_returned_mail}
