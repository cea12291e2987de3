"""Writing links: each rule takes a user and values, and checks its own permission."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from connections.models import GapMeeting, GapThread
from gaps import services as gap_services


def set_gap_links(user, gap, threads, meetings):
    """The discussions and meetings about `gap`, replacing those linked before."""
    if not gap_services.may_triage(user, gap.theme):
        raise PermissionDenied("Only the theme's producers and chairs link its gaps.")
    with transaction.atomic():
        gap.thread_links.exclude(thread__in=threads).delete()
        gap.meeting_links.exclude(meeting__in=meetings).delete()
        GapThread.objects.bulk_create(
            [GapThread(data_gap=gap, thread=thread) for thread in threads],
            ignore_conflicts=True,
        )
        GapMeeting.objects.bulk_create(
            [GapMeeting(data_gap=gap, meeting=meeting) for meeting in meetings],
            ignore_conflicts=True,
        )


def link_gap_raised_from(gap, thread):
    """A gap a member raised from a discussion: the member's own act, so no role is
    asked (the view has checked that they see the discussion)."""
    GapThread.objects.get_or_create(data_gap=gap, thread=thread)
