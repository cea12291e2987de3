from events.models.meetings import EventPage, MeetingFeed, MeetingRegistration
from events.models.minutes import (
    MINUTES_WORKFLOW,
    MinutesAttendee,
    MinutesPage,
)

__all__ = [
    "MINUTES_WORKFLOW",
    "EventPage",
    "MeetingFeed",
    "MeetingRegistration",
    "MinutesAttendee",
    "MinutesPage",
]
