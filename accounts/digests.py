"""Daily and weekly digests: one email of everything a member chose to hear of later.

A member's daily digest goes at the time they chose (UK time, 07:00 unless they
changed it), their weekly one on Mondays at the same time. A digest is itself an
outbox row, keyed by its cadence and day (`digest:daily:2026-12-01`), so a member
gets at most one a day however often `send_digests` runs, and it is sent, claimed
and swept like any other row.
"""

from collections import defaultdict
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode
from django.urls import reverse
from django.utils import timezone, translation

from accounts import notifications
from accounts.emails import in_language, language_of
from accounts.models import Notification
from core.links import full_url
from core.translation import sort_key, titled_in_language

UK = ZoneInfo("Europe/London")
Status = Notification.Status
Cadence = Notification.Cadence
Frequency = notifications.Frequency
DIGEST_KINDS = {Cadence.DAILY: "daily_digest", Cadence.WEEKLY: "weekly_digest"}


def digest_key(cadence, period):
    return f"digest:{cadence}:{period.isoformat()}"


def members_due(local, wanting, key):
    """The ids of active members whose digest time has come at `local` (UK time),
    for whom `wanting` (a query on the member, `OuterRef("pk")`) finds something
    and who were sent nothing under `key` yet: every scheduled email asks this."""
    sent = Notification.objects.filter(user=OuterRef("pk"), event_key=key)
    return (
        get_user_model()
        .objects.filter(is_active=True, digest_time__lte=local.time())
        .filter(Exists(wanting))
        .exclude(Exists(sent))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def due(now=None):
    """(user id, cadence, day) for each member whose digest is due now and unsent."""
    local = timezone.localtime(now or timezone.now(), UK)
    cadences = [Cadence.DAILY] + ([Cadence.WEEKLY] if local.weekday() == 0 else [])
    found = []
    for cadence in cadences:
        waiting = Notification.objects.filter(
            user=OuterRef("pk"), cadence=cadence, status=Status.PENDING
        )
        members = members_due(local, waiting, digest_key(cadence, local.date()))
        found += [(pk, cadence, local.date()) for pk in members]
    return found


def queue_due(now=None):
    """Queue a task per digest due; the scheduler runs this every few minutes."""
    from accounts.tasks import send_digest

    waiting = due(now)
    for user_id, cadence, period in waiting:
        send_digest.enqueue(user_id, cadence, period.isoformat())
    return len(waiting)


def send_digest(user_id, cadence, period):
    """Gather the member's waiting items into one digest row and queue it."""
    from accounts.tasks import deliver_notifications

    period = period if hasattr(period, "isoformat") else _date(period)
    user = get_user_model().objects.get(pk=user_id)
    key = digest_key(cadence, period)
    with transaction.atomic():
        if Notification.objects.filter(user=user, event_key=key).exists():
            return None
        waiting = Notification.objects.filter(
            user=user, cadence=cadence, status=Status.PENDING
        )
        if connection.features.has_select_for_update_skip_locked:
            # of=self: PostgreSQL locks no row of the outer-joined theme.
            waiting = waiting.select_for_update(skip_locked=True, of=("self",))
        items = list(waiting.select_related("theme").order_by("created_at", "pk"))
        gone = withdrawn(user, items)
        if gone:
            Notification.objects.filter(pk__in=gone).update(status=Status.WITHDRAWN)
        items = [item for item in items if item.pk not in gone]
        if not items or not user.is_active:
            return None
        digest = Notification.objects.create(
            user=user,
            kind=DIGEST_KINDS[cadence],
            event_key=key,
            template="digest",
            context=digest_context(user, cadence, items),
        )
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(
            status=Status.CLAIMED, claimed_at=timezone.now(), digest=digest
        )
        deliver_notifications.enqueue([digest.pk])
    return digest


def _date(text):
    from datetime import date

    return date.fromisoformat(text)


def withdrawn(user, items):
    """Ids of the items not to send: switched off since, or their kind says gone."""
    gone = set()
    by_kind = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item)
    for key, rows in by_kind.items():
        kind = notifications.get_kind(key)
        for theme in {row.theme for row in rows}:
            if notifications.frequency_for(user, kind, theme) == Frequency.OFF:
                gone |= {row.pk for row in rows if row.theme == theme}
        if kind.withdrawn:
            gone |= set(kind.withdrawn(rows))
    return gone


def digest_context(user, cadence, items):
    """Every item in full, grouped by theme (site-wide ones first) and kind, in the
    member's language."""
    with translation.override(language_of(user)):
        return _digest_context(user, cadence, items)


def _digest_context(user, cadence, items):
    themes = defaultdict(lambda: defaultdict(list))
    for item in items:
        themes[item.theme][item.kind].append(item)
    # Each theme named in the member's language (one query), and in that order.
    titled_in_language(themes)
    ordered = sorted(
        themes,
        key=lambda theme: (
            theme is not None,
            sort_key(theme.title_in_language) if theme else "",
        ),
    )
    return {
        "cadence": cadence,
        "count": len(items),
        "preferences_url": full_url(reverse("notification_preferences")),
        "groups": [
            {
                "theme_title": theme.title_in_language if theme else "",
                "kinds": [
                    {
                        "label": str(notifications.get_kind(key).label),
                        "items": [render_item(item, user) for item in kind_items],
                    }
                    for key, kind_items in sorted(themes[theme].items())
                ],
            }
            for theme in ordered
        ],
    }


def render_item(item, user):
    """The item's own email, without its greeting and footer."""
    prefix = f"notifications/{item.template}"
    context = in_language(
        {**item.context, "recipient_name": user.public_name}, language_of(user)
    )
    subject = get_template(f"{prefix}_subject.txt", using="text").render(context)
    return {
        "subject": " ".join(subject.split()),
        "text": content_block(f"{prefix}.txt", context, using="text").strip(),
        "html": content_block(f"{prefix}.html", context),
    }


def content_block(name, context, using=None):
    """Render only the `content` block of an email template."""
    from django.template import Context

    template = get_template(name, using=using).template
    [extends] = template.nodelist.get_nodes_by_type(ExtendsNode)
    context = Context(context, autoescape=template.engine.autoescape)
    with context.bind_template(template):
        return extends.blocks["content"].nodelist.render(context)
