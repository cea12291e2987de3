"""Telling people when a published meeting changes and when its minutes appear."""

from django.utils import timezone

from events import tasks
from events.models import EventPage, MinutesPage


def meeting_published(meeting):
    """Raise SEQUENCE and tell registrants if the time, place or status changed.

    Returns what changed ("time", "place", ...): nothing when only the words did.
    """
    now, before = meeting.announced_details(), meeting.announced
    if now == before:
        return []
    changed = sorted(
        {EventPage.ANNOUNCED_FIELDS[f] for f in now if before.get(f) != now[f]}
    )
    meeting.announced, meeting.sequence = now, meeting.sequence + 1
    EventPage.objects.filter(pk=meeting.pk).update(
        announced=meeting.announced, sequence=meeting.sequence
    )
    if before.get("start") != now["start"]:
        # A meeting that moves deserves its reminders again.
        meeting.registrations.update(
            week_reminder_sent_at=None, day_reminder_sent_at=None
        )
    tasks.tell_registrants_of_change.enqueue(meeting.pk, changed)
    return changed


def meeting_announced(meeting):
    """Its first publication: tell the theme's members who follow new meetings.

    Once only however often it is published (the outbox's key is the meeting).
    """
    if meeting.first_published_at != meeting.last_published_at:
        return False
    tasks.tell_members_of_meeting.enqueue(meeting.pk)
    return True


def minutes_published(minutes):
    """The first time minutes are published, tell registrants and theme members."""
    if minutes.announced_at:
        return False
    minutes.announced_at = timezone.now()
    MinutesPage.objects.filter(pk=minutes.pk).update(announced_at=minutes.announced_at)
    tasks.tell_of_minutes.enqueue(minutes.pk)
    return True
