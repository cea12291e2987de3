"""Writing links: each rule takes a user and values, and checks its own permission."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from connections.models import ActionItem, GapMeeting, GapThread
from core.signals import tell_content_changed
from events.models import EventPage
from events.permissions import may_approve_minutes
from forums.models import Thread
from gaps import services as gap_services
from gaps.models import DataGap
from themes import roles
from themes.models import Role, ThemePage


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


ACTION_UPDATERS = [Role.PRODUCER, Role.CHAIR]
ACTION_STATUS = "connections.action_status"


def theme_of_action(action):
    return ThemePage.objects.ancestor_of(action.page).get()


def may_update_action(user, theme):
    """The theme's producers and chairs, and whoever approves minutes (editors)."""
    return user.is_authenticated and (
        may_approve_minutes(user) or roles.holds_role(user, theme, ACTION_UPDATERS)
    )


def update_action_status(user, action, status, note=""):
    """What became of an action: its status and a note, recorded with who and
    when, on the action itself. Not a revision of the minutes: approved minutes
    stay approved, and no workflow starts."""
    if not may_update_action(user, theme_of_action(action)):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs update its actions.")
        )
    if status not in ActionItem.Status.values:
        raise ValidationError(
            gettext("Choose open, done or dropped."), code="invalid_status"
        )
    note = note.strip()
    if len(note) > ActionItem._meta.get_field("status_note").max_length:
        raise ValidationError(
            gettext("Keep the note to 500 characters."), code="max_length"
        )
    with transaction.atomic():
        ActionItem.objects.filter(pk=action.pk).update(
            status=status,
            status_note=note,
            status_changed_at=timezone.now(),
            status_changed_by=user,
        )
        action.refresh_from_db()
        log(
            instance=action.page,
            action=ACTION_STATUS,
            user=user,
            data={"action": action.pk, "status": status, "note": note},
        )
        tell_content_changed(type(action.page), [action.page_id])
        tell_content_changed(Thread, [action.thread_id] if action.thread_id else [])
        tell_content_changed(
            DataGap, [action.data_gap_id] if action.data_gap_id else []
        )
    return action
