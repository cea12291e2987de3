from events.models.meetings import EventPage, MeetingFeed, MeetingRegistration
from events.models.minutes import (
    MINUTES_WORKFLOW,
    ActionItem,
    MinutesAttendee,
    MinutesPage,
)

__all__ = [
    "MINUTES_WORKFLOW",
    "ActionItem",
    "EventPage",
    "MeetingFeed",
    "MeetingRegistration",
    "MinutesAttendee",
    "MinutesPage",
]
