"""Reminders a week and a day before a meeting, queued by an hourly cron job."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy

from accounts.notifications import notify
from core.translation import said_in_each_language
from events.calendar import LONDON
from events.models import EventPage, MeetingRegistration
from events.services import ics_attachment, meeting_details

logger = logging.getLogger(__name__)
Status = MeetingRegistration.Status
WEEK = timedelta(days=7)
DAY = timedelta(days=1)


def due_reminders(now):
    """Confirmed registrations owed a week or a day reminder at `now`."""
    # Someone who registered within the week (or the day) has just had the details
    # by email, so they get no reminder for that stretch.
    week = Q(
        meeting__start__gt=now + DAY,
        meeting__start__lte=now + WEEK,
        week_reminder_sent_at__isnull=True,
        created_at__lt=F("meeting__start") - WEEK,
    )
    day = Q(
        meeting__start__lte=now + DAY,
        day_reminder_sent_at__isnull=True,
        created_at__lt=F("meeting__start") - DAY,
    )
    return (
        MeetingRegistration.objects.filter(
            week | day,
            status=Status.CONFIRMED,
            meeting__live=True,
            meeting__status=EventPage.Status.SCHEDULED,
            meeting__start__gt=now,
        )
        .select_related("meeting", "user")
        .order_by("meeting__start", "pk")
    )


def queue_reminders(now=None):
    """Queue every reminder that is due; return how many were queued."""
    now = now or timezone.now()
    about = {}  # what every registrant of a meeting is told, worked out once
    queued = 0
    for registration in due_reminders(now):
        meeting = registration.meeting
        reminder = "day" if meeting.start <= now + DAY else "week"
        if meeting.pk not in about:
            about[meeting.pk] = (meeting_context(meeting), ics_attachment(meeting))
        context, attachment = about[meeting.pk]
        # The claim and the queued email commit together, so a failure sends
        # nothing and the next run tries again.
        try:
            with transaction.atomic():
                if not claim(registration, reminder, now):
                    continue  # another run got there first, or they have cancelled
                sent = notify(
                    registration.user,
                    "meeting_reminder",
                    "meeting_reminder",
                    {
                        **context,
                        "reminder": reminder,
                        # In each language: the email is in the member's.
                        "coming": said_in_each_language(
                            partial(coming, meeting.start, now)
                        ),
                    },
                    attachments=[attachment],
                    event_key=f"reminder:{registration.pk}:{reminder}:{meeting.start}",
                )
        except Exception:
            # One bad reminder must not hold up everyone else's.
            logger.exception(
                "Could not queue the %s reminder of registration %s",
                reminder,
                registration.pk,
            )
            continue
        # None when the member has turned reminders off: done, but not queued.
        if sent is not None:
            queued += 1
    return queued


def claim(registration, reminder, now):
    """Mark the reminder sent, unless someone else has: True if this call did."""
    field = f"{reminder}_reminder_sent_at"
    # A conditional UPDATE is atomic, so two overlapping runs cannot both win.
    return bool(
        MeetingRegistration.objects.filter(
            pk=registration.pk, status=Status.CONFIRMED, **{f"{field}__isnull": True}
        ).update(**{field: now})
    )


def meeting_context(meeting):
    return {
        **meeting_details(meeting),
        # They are registered, so they may have the link.
        "joining_link": meeting.joining_link,
    }


# "Reminder: the meeting is on Friday": a day of its own in each language (Welsh
# says "ddydd Gwener", not "on" and the day's name), Monday first, as weekday().
ON_DAY = [
    pgettext_lazy("a meeting is coming", "on Monday"),
    pgettext_lazy("a meeting is coming", "on Tuesday"),
    pgettext_lazy("a meeting is coming", "on Wednesday"),
    pgettext_lazy("a meeting is coming", "on Thursday"),
    pgettext_lazy("a meeting is coming", "on Friday"),
    pgettext_lazy("a meeting is coming", "on Saturday"),
    pgettext_lazy("a meeting is coming", "on Sunday"),
]


def coming(start, now):
    """'today', 'tomorrow', 'on Thursday' or 'next week', in UK dates, in the active
    language."""
    start = timezone.localtime(start, LONDON)
    days = (start.date() - timezone.localtime(now, LONDON).date()).days
    if days <= 0:
        return pgettext("a meeting is coming", "today")
    if days == 1:
        return pgettext("a meeting is coming", "tomorrow")
    if days < 7:
        return str(ON_DAY[start.weekday()])
    return pgettext("a meeting is coming", "next week")
