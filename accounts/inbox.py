"""A member's inbox on the site: the outbox rows written for them, read or unread.

The inbox reads `Notification`, the same rows the emails and digests go out from;
digests themselves are not listed (their items are), nor rows withdrawn because
what they told of was hidden, deleted or erased.
"""

from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Site

from accounts import notifications
from accounts.emails import current_language, in_language
from accounts.models import Notification

PER_PAGE = 20


def inbox_for(user):
    """The member's notifications, newest first."""
    return (
        Notification.objects.filter(user=user)
        .exclude(status=Notification.Status.WITHDRAWN)
        .exclude(kind__in=notifications.digest_kind_keys())
        .select_related("theme")
        .order_by("-created_at", "-pk")
    )


def unread_count(user):
    """How many of the member's notifications they have not read: one query."""
    return inbox_for(user).filter(read_at__isnull=True).count()


def withdrawn(rows):
    """Ids of `rows` whose source is gone since (hidden, deleted, erased)."""
    gone, by_kind = set(), defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    for key, kind_rows in by_kind.items():
        kind = _kind(key)
        if kind and kind.withdrawn:
            gone |= set(kind.withdrawn(kind_rows))
    return gone


def drop_withdrawn(user, rows):
    """`rows` without those whose source is gone; those no longer count as unread."""
    gone = withdrawn(rows)
    if gone:
        Notification.objects.filter(
            user=user, pk__in=gone, read_at__isnull=True
        ).update(read_at=timezone.now())
    return [row for row in rows if row.pk not in gone]


def subject(row, user):
    """The row's email subject, on one line: what the inbox shows."""
    # Names stored in each language (translation.in_each_language) in the page's.
    context = in_language(
        {**row.context, "recipient_name": user.public_name}, current_language()
    )
    text = get_template(f"notifications/{row.template}_subject.txt", using="text")
    return " ".join(text.render(context).split())


def target_path(row, request):
    """The local address the row is about (path, query, fragment), or None.

    Contexts hold full addresses for emails, on the admin base URL or a Wagtail
    site's hostname; one on this site is followed by its path only, so the
    redirect cannot leave the site.
    """
    kind = _kind(row.kind)
    address = row.context.get(kind.link) if kind and kind.link else None
    if not isinstance(address, str) or not address:
        return None
    if not url_has_allowed_host_and_scheme(address, site_hosts(request)):
        return None
    parts = urlsplit(address)
    if not parts.path.startswith("/"):
        return None
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def site_hosts(request):
    hosts = {request.get_host(), urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc}
    for hostname, port in Site.objects.values_list("hostname", "port"):
        hosts |= {hostname, f"{hostname}:{port}"}
    return hosts


def mark_read(row):
    """Mark the row read, once; reading it again keeps the first time."""
    Notification.objects.filter(pk=row.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def mark_all_read(user):
    """Mark every unread notification of the member read. Returns how many."""
    return (
        Notification.objects.filter(user=user, read_at__isnull=True)
        .exclude(kind__in=notifications.digest_kind_keys())
        .update(read_at=timezone.now())
    )


def kind_label(row):
    kind = _kind(row.kind)
    return kind.label if kind else ""


def _kind(key):
    try:
        return notifications.get_kind(key)
    except KeyError:
        return None
