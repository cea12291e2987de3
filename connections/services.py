"""Writing links: each rule takes a user and values, and checks its own permission."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from connections.models import GapMeeting, GapThread
from core.signals import tell_content_changed
from events.models import EventPage
from forums.models import Thread
from gaps import services as gap_services
from gaps.models import DataGap


def tell_links_changed(gap, thread_pks, meeting_pks):
    """Links are written in bulk, which sends no post_save: whoever keeps a copy of
    the pages at both ends (the page cache) hears of them this way."""
    tell_content_changed(DataGap, [gap.pk])
    tell_content_changed(Thread, thread_pks)
    tell_content_changed(EventPage, meeting_pks)


def set_gap_links(user, gap, threads, meetings):
    """The discussions and meetings about `gap`, replacing those linked before."""
    if not gap_services.may_triage(user, gap.theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs link its gaps.")
        )
    before_threads = set(gap.thread_links.values_list("thread", flat=True))
    before_meetings = set(gap.meeting_links.values_list("meeting", flat=True))
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
        tell_links_changed(
            gap,
            before_threads | {thread.pk for thread in threads},
            before_meetings | {meeting.pk for meeting in meetings},
        )


def link_gap_raised_from(gap, thread):
    """A gap a member raised from a discussion: the member's own act, so no role is
    asked (the view has checked that they see the discussion)."""
    GapThread.objects.get_or_create(data_gap=gap, thread=thread)
    tell_links_changed(gap, [thread.pk], [])
