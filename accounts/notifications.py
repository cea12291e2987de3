"""The one way to tell a member about something: by their preferences, by email.

Feature apps register the kinds of notification they send (`register_kind`, in their
AppConfig.ready) and call `notify`. Each email carries a one-click unsubscribe link
(RFC 8058) that works without signing in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from accounts.emails import queue_email, render_email
from accounts.models import NotificationPreference, PendingDigestItem

Frequency = NotificationPreference.Frequency
UNSUBSCRIBE_SALT = "statsforum.unsubscribe"


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str
    description: str
    per_theme: bool = False
    default: str = Frequency.IMMEDIATELY
    # Transactional messages (a decision on a request) cannot be switched off.
    optional: bool = True


_kinds: dict[str, NotificationKind] = {}


def register_kind(kind):
    _kinds[kind.key] = kind
    return kind


def get_kind(key):
    return _kinds[key]


def registered_kinds():
    return sorted(_kinds.values(), key=lambda kind: kind.label)


def frequency_for(user, kind, theme=None):
    if not kind.optional:
        return Frequency.IMMEDIATELY
    preference = NotificationPreference.objects.filter(
        user=user, kind=kind.key, theme=theme
    ).first()
    return preference.frequency if preference else kind.default


def set_frequency(user, kind, frequency, theme=None):
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind.key, theme=theme, defaults={"frequency": frequency}
    )


def notify(user, kind_key, template, context, theme=None, attachments=()):
    """Email `user` now, hold it for their digest, or drop it, as they prefer.

    `template` names `notifications/<template>_subject.txt`, `.txt` and `.html`;
    `context` must be JSON-serialisable, since digests store it.
    """
    kind = get_kind(kind_key)
    if not user.is_active:
        return None
    frequency = frequency_for(user, kind, theme)
    if frequency == Frequency.OFF:
        return None
    if frequency in (Frequency.DAILY, Frequency.WEEKLY):
        return PendingDigestItem.objects.create(
            user=user,
            kind=kind.key,
            frequency=frequency,
            template=template,
            context=context,
        )
    unsubscribe_url = unsubscribe_link(user, kind, theme) if kind.optional else None
    subject, text, html = render_email(
        f"notifications/{template}",
        {
            **context,
            "recipient_name": user.public_name,
            "kind": kind,
            "unsubscribe_url": unsubscribe_url,
        },
    )
    headers = {}
    if unsubscribe_url:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return queue_email([user.email], subject, text, html, headers, attachments)


def unsubscribe_token(user, kind, theme=None):
    payload = {"u": user.pk, "k": kind.key, "t": theme.pk if theme else None}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_link(user, kind, theme=None):
    path = reverse("unsubscribe", args=[unsubscribe_token(user, kind, theme)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def read_unsubscribe_token(token):
    """Return (user_id, kind, theme_id), or raise signing.BadSignature."""
    payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    try:
        return payload["u"], get_kind(payload["k"]), payload["t"]
    except (KeyError, TypeError) as error:
        raise signing.BadSignature("Unknown notification kind") from error


_theme_source = None


def set_theme_source(source):
    """The app that owns themes says which a member follows (user -> pages)."""
    global _theme_source
    _theme_source = source


def themes_for(user):
    return list(_theme_source(user)) if _theme_source else []
