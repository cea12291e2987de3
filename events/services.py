"""Rules for registering for meetings: capacity, the waiting list, cancellations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.notifications import notify
from events.calendar import LONDON, calendar_for
from events.models import EventPage, MeetingRegistration

Status = MeetingRegistration.Status


class RegistrationRefused(ValidationError):
    """The meeting is not taking registrations, or the member is already on it."""


def registration_of(user, meeting):
    if not user.is_authenticated:
        return None
    return (
        MeetingRegistration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Status.CANCELLED)
        .first()
    )


@transaction.atomic
def register(meeting, user, access_needs="", tell_them=True):
    """A place if one is free, otherwise the next place on the waiting list."""
    # Lock the meeting so two last-place registrations cannot both get it.
    meeting = EventPage.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.registration_is_open:
        raise RegistrationRefused("Registration for this meeting is not open.")
    if registration_of(user, meeting):
        raise RegistrationRefused("You have already registered for this meeting.")
    confirmed = meeting.registrations.filter(status=Status.CONFIRMED).count()
    has_place = meeting.capacity is None or confirmed < meeting.capacity
    registration, _ = MeetingRegistration.objects.update_or_create(
        meeting=meeting,
        user=user,
        defaults={
            "status": Status.CONFIRMED if has_place else Status.WAITING,
            "access_needs": access_needs,
        },
    )
    if tell_them:
        tell(registration)
    return registration


@transaction.atomic
def cancel(registration):
    """Give up a place; the first member on the waiting list takes it."""
    meeting = EventPage.objects.select_for_update().get(pk=registration.meeting_id)
    had_place = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    tell(registration)
    if had_place:
        first_waiting = meeting.registrations.filter(status=Status.WAITING).first()
        if first_waiting:
            first_waiting.status = Status.CONFIRMED
            first_waiting.save(update_fields=["status", "updated_at"])
            tell(first_waiting, promoted=True)


def tell(registration, promoted=False):
    meeting = registration.meeting
    context = {
        "meeting_title": meeting.title,
        "meeting_url": meeting.full_url,
        "when": when(meeting),
        "format": meeting.get_format_display(),
        "venue": meeting.venue,
        "address": meeting.address,
        "status": registration.status,
        "promoted": promoted,
    }
    attachments = ()
    if registration.status == Status.CONFIRMED:
        ics = calendar_for([meeting], meeting.title).decode()
        attachments = [("meeting.ics", ics, "text/calendar")]
    notify(
        registration.user,
        "meeting_registration",
        "meeting_registration",
        context,
        attachments=attachments,
    )


def when(meeting):
    """'Tuesday 3 March 2026, 10:00 to 12:30 (UK time)'."""
    start = timezone.localtime(meeting.start, LONDON)
    end = timezone.localtime(meeting.end, LONDON)
    ends = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%-d %B %Y, %H:%M}"
    return f"{start:%A %-d %B %Y, %H:%M} to {ends} (UK time)"


def places_left(meeting):
    if meeting.capacity is None:
        return None
    taken = meeting.registrations.filter(status=Status.CONFIRMED).count()
    return max(meeting.capacity - taken, 0)
