"""What events tells accounts: the personal data a member's registrations hold."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.personal_data import PersonalData
from events import services
from events.models import MeetingFeed, MeetingRegistration
from events.notifications import KINDS

Status = MeetingRegistration.Status


def export_meetings(user):
    registrations = MeetingRegistration.objects.filter(user=user).select_related(
        "meeting"
    )
    return [
        {
            "meeting": registration.meeting.title,
            "start": registration.meeting.start.isoformat(),
            "status": registration.get_status_display(),
            "access_needs": registration.access_needs,
            "registered": registration.created_at.isoformat(),
        }
        for registration in registrations
    ]


def erase_meetings(user, keep_public_posts):
    # Give up places at meetings still to come, so the waiting list moves on.
    upcoming = MeetingRegistration.objects.filter(
        user=user,
        status__in=[Status.CONFIRMED, Status.WAITING],
        meeting__start__gt=timezone.now(),
    )
    for registration in upcoming:
        services.cancel(registration, tell_them=False)
    MeetingRegistration.objects.filter(user=user).delete()
    MeetingFeed.objects.filter(user=user).delete()


NOTIFICATION_KINDS = KINDS

PERSONAL_DATA = PersonalData(
    key="meetings",
    label=_("Meeting registrations"),
    export=export_meetings,
    erase=erase_meetings,
)
