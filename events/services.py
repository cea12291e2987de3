"""Rules for registering for meetings: capacity, the waiting list, cancellations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext

from accounts.notifications import notify
from accounts.suspension import suspension_notice
from core.links import full_url
from core.translation import said_in_each_language
from events.calendar import LONDON, calendar_for
from events.models import EventPage, MeetingFeed, MeetingRegistration
from events.models.meetings import new_feed_token

Status = MeetingRegistration.Status


class RegistrationRefused(ValidationError):
    """Registration is closed, or the member or a colleague already has a place."""

    status = 400


class Suspended(RegistrationRefused):
    """A moderator has stopped the member taking part in the theme for a while."""

    status = 403


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
    doing = gettext("register for its meetings")
    if notice := suspension_notice(user, meeting.theme, doing):
        raise Suspended(notice)
    if not meeting.registration_is_open:
        raise RegistrationRefused(gettext("Registration for this meeting is not open."))
    if registration_of(user, meeting):
        raise RegistrationRefused(
            gettext("You have already registered for this meeting.")
        )
    if meeting.one_place_per_organisation and colleague_registered(meeting, user):
        raise RegistrationRefused(
            gettext(
                "Someone from %(organisation)s has already registered. This "
                "meeting takes one person from each organisation."
            )
            % {"organisation": organisation_of(user)}
        )
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
def cancel(registration, tell_them=True):
    """Give up a place; the first member on the waiting list takes it."""
    meeting = EventPage.objects.select_for_update().get(pk=registration.meeting_id)
    had_place = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if tell_them:
        tell(registration)
    if had_place:
        first_waiting = meeting.registrations.filter(status=Status.WAITING).first()
        if first_waiting:
            first_waiting.status = Status.CONFIRMED
            first_waiting.save(update_fields=["status", "updated_at"])
            tell(first_waiting, promoted=True)


def waiting_position(registration):
    """Where a waiting registration stands on its meeting's list: 1 is next to
    take a freed place (in the order `cancel` promotes, the model's ordering)."""
    if registration is None or registration.status != Status.WAITING:
        return None
    ahead = MeetingRegistration.objects.filter(
        meeting_id=registration.meeting_id, status=Status.WAITING
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def organisation_of(user):
    """The member's organisation as they would name it, or "" if they gave none."""
    if user.organisation_id:
        return user.organisation.name.strip()
    return user.organisation_name.strip()


def colleague_registered(meeting, user):
    """Whether someone else from the member's organisation has or awaits a place."""
    organisation = organisation_of(user)
    if not organisation:
        return False
    # Compare names, not keys: a colleague may have typed the name of an
    # organisation that is in the list.
    return (
        meeting.registrations.filter(status__in=[Status.CONFIRMED, Status.WAITING])
        .exclude(user=user)
        .alias(
            organisation=Lower(
                Trim(Coalesce(F("user__organisation__name"), "user__organisation_name"))
            )
        )
        .filter(organisation=organisation.lower())
        .exists()
    )


def tell(registration, promoted=False):
    meeting = registration.meeting
    context = {
        **meeting_details(meeting),
        "status": registration.status,
        "promoted": promoted,
    }
    attachments = ()
    if registration.status == Status.CONFIRMED:
        attachments = [ics_attachment(meeting)]
    notify(
        registration.user,
        "meeting_registration",
        "meeting_registration",
        context,
        attachments=attachments,
    )


def meeting_details(meeting):
    """What every email about a meeting says of it (its joining link only to those
    registered, so not here)."""
    return {
        "meeting_title": meeting.title,
        "meeting_url": meeting.full_url,
        # Its time and format in each language, for each reader (core.translation).
        "when": said_in_each_language(lambda: when(meeting)),
        "format": said_in_each_language(meeting.get_format_display),
        "venue": meeting.venue,
        "address": meeting.address,
    }


def ics_attachment(meeting):
    """The meeting as a calendar file to attach to an email."""
    ics = calendar_for([meeting], meeting.title).decode()
    return ("meeting.ics", ics, "text/calendar")


def when(meeting):
    """'Tuesday 3 March 2026, 10:00 to 12:30 (UK time)'."""
    start = timezone.localtime(meeting.start, LONDON)
    end = timezone.localtime(meeting.end, LONDON)
    # Django's date format, not strftime: day and month names in the reader's language.
    ends = date_format(end, "H:i" if end.date() == start.date() else "j F Y, H:i")
    return gettext("%(start)s to %(end)s (UK time)") % {
        "start": date_format(start, "l j F Y, H:i"),
        "end": ends,
    }


def places_left(meeting):
    if meeting.capacity is None:
        return None
    taken = meeting.registrations.filter(status=Status.CONFIRMED).count()
    return max(meeting.capacity - taken, 0)


def open_for_registration(meetings, now=None):
    """Of `meetings`, those taking registrations now with a place free (or no
    limit), as `registration_is_open` and `register` decide, in the one query;
    each annotated with `places_taken`."""
    now = now or timezone.now()
    taken = (
        MeetingRegistration.objects.filter(
            meeting=OuterRef("pk"), status=Status.CONFIRMED
        )
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return meetings.annotate(
        places_taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0)
    ).filter(
        Q(registration_opens__isnull=True) | Q(registration_opens__lte=now),
        Q(registration_closes__isnull=True, start__gt=now)
        | Q(registration_closes__gt=now),
        Q(capacity__isnull=True) | Q(capacity__gt=F("places_taken")),
        status=EventPage.Status.SCHEDULED,
    )


def my_calendar_url(user):
    """The full secret address of the member's meetings calendar, made on first use."""
    feed, _ = MeetingFeed.objects.get_or_create(user=user)
    path = reverse("events:my_calendar", args=[feed.token])
    return full_url(path)


def replace_calendar_address(user):
    """A new secret address, for a member who has shared theirs by mistake: the old
    one stops working."""
    MeetingFeed.objects.update_or_create(
        user=user, defaults={"token": new_feed_token()}
    )
