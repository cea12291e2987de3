"""The emails meetings send, through the accounts notification backbone."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.notifications import NotificationKind, notify, notify_many
from core.translation import (
    joined_with_and,
    said_in_each_language,
    title_in_each_language,
)
from events.models import EventPage, MeetingRegistration, MinutesPage
from events.services import ics_attachment, meeting_details, when

Status = MeetingRegistration.Status

KINDS = [
    NotificationKind(
        key="meeting_registration",
        link="meeting_url",
        label=_("Your meeting registrations"),
        description=_(
            "Confirmations, waiting-list places, cancellations, and changes "
            "to the time, place or status of a meeting you registered for."
        ),
        optional=False,
    ),
    NotificationKind(
        key="meeting_reminder",
        link="meeting_url",
        label=_("Meeting reminders"),
        description=_("A week and a day before a meeting you registered for."),
    ),
    NotificationKind(
        key="meeting_published",
        link="meeting_url",
        label=_("New meetings"),
        description=_("When a meeting is announced in a theme you have joined."),
        per_theme=True,
        default="daily",
    ),
    NotificationKind(
        key="minutes_published",
        link="minutes_url",
        label=_("Published minutes"),
        description=_(
            "When the minutes of a meeting in a theme you have joined, or a "
            "meeting you registered for, are published."
        ),
        per_theme=True,
    ),
]


# What a change is called in the email, by the name EventPage.ANNOUNCED_FIELDS gives
# it (which the task is given, as plain words).
CHANGES = {
    "time": pgettext_lazy("what changed in a meeting", "time"),
    "format": pgettext_lazy("what changed in a meeting", "format"),
    "place": pgettext_lazy("what changed in a meeting", "place"),
    "joining link": pgettext_lazy("what changed in a meeting", "joining link"),
    "status": pgettext_lazy("what changed in a meeting", "status"),
}


def tell_registrants_of_change(meeting_id, changed):
    meeting = EventPage.objects.get(pk=meeting_id)
    context = {
        **meeting_details(meeting),
        "changed_text": said_in_each_language(
            lambda: joined_with_and([str(CHANGES[change]) for change in changed])
        ),
        "status": meeting.status,
        "status_display": said_in_each_language(meeting.get_status_display),
        "status_reason": meeting.status_reason,
    }
    registrations = meeting.registrations.filter(
        status__in=[Status.CONFIRMED, Status.WAITING]
    ).select_related("user")
    # The new SEQUENCE in the attachment makes calendar apps update the event.
    calendar_file = [ics_attachment(meeting)]
    # One change is one revision of the page: a re-run tells nobody twice.
    event_key = f"meeting-changed:{meeting.pk}:{meeting.latest_revision_id}"
    for registration in registrations:
        has_place = registration.status == Status.CONFIRMED
        notify(
            registration.user,
            "meeting_registration",
            "meeting_changed",
            {**context, "has_place": has_place},
            attachments=calendar_file if has_place else (),
            event_key=event_key,
        )


def tell_members_of_meeting(meeting_id):
    meeting = EventPage.objects.get(pk=meeting_id)
    theme = meeting.theme
    context = {
        **meeting_details(meeting),
        "theme_title": title_in_each_language(theme),
    }
    return notify_many(
        get_user_model().objects.filter(memberships__theme=theme),
        "meeting_published",
        "meeting_published",
        context,
        theme=theme,
        event_key=f"meeting-published:{meeting.pk}",
    )


def tell_of_minutes(minutes_id):
    minutes = MinutesPage.objects.get(pk=minutes_id)
    meeting, theme = minutes.meeting, minutes.theme
    context = {
        "meeting_title": meeting.title,
        "theme_title": title_in_each_language(theme),
        "minutes_url": minutes.full_url,
        "when": said_in_each_language(lambda: when(meeting)),
        "action_count": minutes.action_items.count(),
    }
    registrants = meeting.registrations.filter(
        status__in=[Status.CONFIRMED, Status.WAITING]
    ).values_list("user", flat=True)
    members = theme.memberships.values_list("user", flat=True)
    people = get_user_model().objects.filter(pk__in={*registrants, *members})
    return notify_many(
        people,
        "minutes_published",
        "minutes_published",
        context,
        theme=theme,
        event_key=f"minutes:{minutes.pk}",
    )
