"""Gaps left more than 20 working days without a first response, flagged once to
the theme's producers and chairs by a daily cron job."""

import logging
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.notifications import notify
from core.dates import long_date
from core.links import full_url
from core.translation import said_in_each_language, title_in_each_language
from core.working_days import waited_since
from gaps.models import DataGap, Status
from gaps.services import TRIAGE_ROLES
from themes import roles

logger = logging.getLogger(__name__)
WORKING_DAYS = 20


def waiting_since(now=None):
    """Gaps raised before this moment have waited more than 20 working days."""
    return waited_since(WORKING_DAYS, now)


def _waiting(now=None):
    # A held gap is the moderators' to approve first: it waits on the register
    # only once others can see it. A raised gap never answered last moved when it
    # reached the register: when it was raised, or approved if it was held.
    return DataGap.objects.visible().filter(
        status=Status.RAISED,
        first_response_at__isnull=True,
        last_moved_at__lt=waiting_since(now),
    )


def waiting_in(themes, now=None):
    """The gaps in any of `themes` waiting more than 20 working days."""
    return _waiting(now).filter(theme__in=themes)


def waiting_gaps(theme, now=None):
    """The theme's gaps waiting more than 20 working days for a first response."""
    return _waiting(now).filter(theme=theme).order_by("last_moved_at", "pk")


def claim(gap, now):
    """Mark the gap flagged, unless another run has: True if this call did."""
    # A conditional UPDATE is atomic, so two overlapping runs cannot both flag it;
    # a gap answered in the meantime is not flagged at all.
    return bool(
        DataGap.objects.filter(
            pk=gap.pk,
            is_public=True,
            waiting_flagged_at__isnull=True,
            status=Status.RAISED,
            first_response_at__isnull=True,
        ).update(waiting_flagged_at=now)
    )


def flag_waiting_gaps(now=None):
    """Flag each newly waiting gap once; return (gaps flagged, emails queued).

    Each producer and chair hears once per theme per run, of all that theme's
    newly waiting gaps: the notification kind is per theme, so each theme's
    email follows the person's preference for that theme.
    """
    now = now or timezone.now()
    by_theme = defaultdict(list)
    candidates = (
        _waiting(now)
        .filter(waiting_flagged_at__isnull=True)
        .select_related("theme")
        .order_by("theme_id", "created_at", "pk")
    )
    for gap in candidates:
        by_theme[gap.theme].append(gap)
    flagged = told = 0
    for theme, gaps in by_theme.items():
        people = triagers(theme)
        if not people:
            # Nobody to tell yet: the flag waits for the theme's first producer
            # or chair rather than being spent on no one.
            continue
        # The claims and the queued emails commit together: if telling fails,
        # nothing is flagged and the next run tries again.
        try:
            with transaction.atomic():
                claimed = [gap for gap in gaps if claim(gap, now)]
                if not claimed:
                    continue
                queued = tell_triagers(theme, people, claimed)
        except Exception:
            # One theme's failure must not hold up the others.
            logger.exception("Could not flag the waiting data gaps of %s", theme)
            continue
        flagged += len(claimed)
        told += queued
    return flagged, told


def raised_on(gap):
    """The day `gap` was raised (UK time) in each language: months are words."""
    return said_in_each_language(lambda: long_date(gap.created_at))


def triagers(theme):
    """The theme's producers and chairs, each once however many roles they hold."""
    return list(
        roles.holders(TRIAGE_ROLES, theme).filter(is_active=True).order_by("pk")
    )


def tell_triagers(theme, people, gaps):
    context = {
        "theme_title": title_in_each_language(theme),
        "register_url": full_url(
            reverse("gaps:register", kwargs={"theme_slug": theme.slug})
        ),
        "count": len(gaps),
        "gaps": [
            {
                "title": gap.title,
                "url": gap.get_full_url(),
                "raised": raised_on(gap),
                "supporters": gap.support_count,
            }
            for gap in gaps
        ],
    }
    queued = 0
    for person in people:
        if notify(person, "data_gap_waiting", "data_gap_waiting", context, theme=theme):
            queued += 1
    return queued
