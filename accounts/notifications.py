"""The one way to tell a member about something: by their preferences, by email.

Feature apps register the kinds of notification they send (`register_kind`, in their
AppConfig.ready) and call `notify` (or `notify_many` to fan out to many members).
Both write rows of the outbox (`accounts.models.Notification`), which `outbox` sends
at once and `digests` gathers daily or weekly. Each email carries a one-click
unsubscribe link (RFC 8058) that works without signing in. Someone without an
account (a statistic's contact) is told by `notify_addresses`: a row naming their
address, sent the same way, carrying the feature's own one-click stop link.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from accounts.models import Notification, NotificationPreference

Frequency = NotificationPreference.Frequency
Cadence = Notification.Cadence
Status = Notification.Status
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
    # Given this kind's rows waiting for a digest, the ids of those whose source was
    # hidden, deleted or erased, or the member muted, since: they are not sent.
    withdrawn: Callable | None = None
    # A digest itself (daily or weekly): unsubscribing from it switches off every
    # kind the member hears of at that cadence. Not a choice on the preferences page.
    digest_of: str = ""
    # The context key holding the address the notification is about ("thread_url"):
    # the inbox links to it. Empty when there is nowhere to go.
    link: str = ""
    # Replies by email (accounts/replies.py): the reply target a feature registered
    # ("thread") and the context key holding its id ("thread_id"). Empty: the
    # email has no Reply-To.
    reply_target: str = ""
    reply_id: str = ""
    # A kind its own job sends at this cadence ("weekly": the opportunities email):
    # members choose it or off, and its rows go at once, never into a digest.
    scheduled: str = ""
    # A kind told to addresses without an account (`notify_addresses`): the context
    # key holding the feature's signed one-click link that stops such emails. Such
    # a kind is no member's preference (it is not `optional`).
    stop_link: str = ""


_kinds: dict[str, NotificationKind] = {}


def register_kind(kind):
    _kinds[kind.key] = kind
    return kind


def get_kind(key):
    return _kinds[key]


def registered_kinds():
    return sorted(_kinds.values(), key=lambda kind: kind.label)


def digest_kind_keys():
    """The digests' own kinds. Unsorted: every signed-in page asks (the header's
    unread count), and sorting by label translates every kind's label."""
    return [key for key, kind in _kinds.items() if kind.digest_of]


def frequency_for(user, kind, theme=None):
    if not kind.optional:
        return Frequency.IMMEDIATELY
    preference = NotificationPreference.objects.filter(
        user=user, kind=kind.key, theme=theme
    ).first()
    return preference.frequency if preference else kind.default


def set_frequency(user, kind, frequency, theme=None):
    if kind.digest_of:
        return stop_digest(user, kind.digest_of)
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind.key, theme=theme, defaults={"frequency": frequency}
    )


def notify(
    user,
    kind_key,
    template,
    context,
    theme=None,
    attachments=(),
    event_key=None,
    default=None,
):
    """Tell `user` of an event, as they prefer: a row in the outbox, or nothing.

    `template` names `notifications/<template>_subject.txt`, `.txt` and `.html`;
    `context` must be JSON-serialisable, since the row stores it. `event_key` names
    the event (a feature's own words, "reply:42"): telling a member of the same
    event twice makes no second row and no second email. `default` replaces the
    kind's default for this member (a theme's producers hear of questions at once).
    Returns the member's row for the event (new, or written before), or None when
    they hear nothing of it.
    """
    key = event_key or f"once:{uuid.uuid4().hex}"
    rows = _write([user], kind_key, template, context, theme, attachments, key, default)
    return rows[0] if rows else None


def notify_many(
    users,
    kind_key,
    template,
    context,
    theme=None,
    event_key=None,
    default=None,
    batch_size=500,
):
    """`notify` for everyone in `users` (a queryset), in batches of a few queries.

    Run again after its worker died, it writes the rows still missing and sends
    only what was never sent: the unique event key makes the fan-out resumable.
    Returns how many members have a row for the event.
    """
    if event_key is None:
        raise ValueError("A fan-out needs an event key to be resumable.")
    users = users.filter(is_active=True).order_by("pk")
    written, last_pk = 0, 0
    while batch := list(users.filter(pk__gt=last_pk)[:batch_size]):
        last_pk = batch[-1].pk
        written += len(
            _write(batch, kind_key, template, context, theme, (), event_key, default)
        )
    return written


def _write(users, kind_key, template, context, theme, attachments, event_key, default):
    from accounts.tasks import deliver_notifications

    kind = get_kind(kind_key)
    users = [user for user in users if user.is_active]
    chosen = frequencies_for(users, kind, theme, default)
    rows = [
        Notification(
            user=user,
            kind=kind.key,
            theme=theme,
            event_key=event_key,
            template=template,
            context=context,
            attachments=[list(attachment) for attachment in attachments],
            cadence=Cadence.IMMEDIATELY if kind.scheduled else chosen[user.pk],
        )
        for user in users
        if chosen[user.pk] != Frequency.OFF
    ]
    if not rows:
        return []
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        # ignore_conflicts gives no ids back: read the rows, new or left unsent.
        written = list(
            Notification.objects.filter(
                event_key=event_key, user__in=[row.user for row in rows]
            )
        )
        now_ids = [
            row.pk
            for row in written
            if row.cadence == Cadence.IMMEDIATELY and row.status == Status.PENDING
        ]
        if now_ids:
            # The task is a row of the same database: it commits with the outbox.
            deliver_notifications.enqueue(now_ids)
    return written


def notify_addresses(recipients, kind_key, template, context, event_key, theme=None):
    """Tell people without an account of an event: one immediate row per address.

    `recipients` are dicts of "address", "name" and the "context" of that person
    (joined to `context`; it must hold the kind's `stop_link`). Addresses stopped
    by a bounce or complaint get no row. As `notify_many`, run again it writes only
    the missing rows and sends only the unsent. Returns the rows for the event.
    """
    from accounts.suppressions import suppressed_addresses
    from accounts.tasks import deliver_notifications

    kind = get_kind(kind_key)
    if not kind.stop_link:
        raise ValueError("An email to someone without an account needs a stop link.")
    people = {}
    for person in recipients:
        people.setdefault(person["address"].strip().lower(), person)
    stopped = suppressed_addresses(people)
    rows = [
        Notification(
            address=address,
            recipient_name=person["name"],
            kind=kind.key,
            theme=theme,
            event_key=event_key,
            template=template,
            context={**context, **person["context"]},
        )
        for address, person in people.items()
        if address not in stopped
    ]
    if not rows:
        return []
    if any(not row.context.get(kind.stop_link) for row in rows):
        raise ValueError("An email to someone without an account needs a stop link.")
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        written = list(
            Notification.objects.filter(
                user=None,
                event_key=event_key,
                address__in=[row.address for row in rows],
            )
        )
        now_ids = [row.pk for row in written if row.status == Status.PENDING]
        if now_ids:
            deliver_notifications.enqueue(now_ids)
    return written


def frequencies_for(users, kind, theme=None, default=None):
    """{user id: frequency} for each of `users`, in one query."""
    fallback = Frequency.IMMEDIATELY if not kind.optional else default or kind.default
    chosen = dict.fromkeys((user.pk for user in users), fallback)
    if kind.optional and chosen:
        chosen.update(
            NotificationPreference.objects.filter(
                user__in=list(chosen), kind=kind.key, theme=theme
            ).values_list("user_id", "frequency")
        )
    return chosen


def stop_digest(user, cadence):
    """Switch off every kind, overall and in each theme, heard of at `cadence`."""
    themes = themes_for(user)
    for kind in registered_kinds():
        if not kind.optional or kind.digest_of or kind.scheduled:
            continue
        for theme in themes if kind.per_theme else [None]:
            if frequency_for(user, kind, theme) == cadence:
                set_frequency(user, kind, Frequency.OFF, theme)


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
