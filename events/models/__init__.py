from events.models.meetings import (
    EventPage,
    MeetingFeed,
    MeetingIndexPage,
    MeetingRegistration,
    MeetingStatistic,
)
from events.models.minutes import (
    MINUTES_WORKFLOW,
    MinutesAttendee,
    MinutesPage,
)

__all__ = [
    "MINUTES_WORKFLOW",
    "EventPage",
    "MeetingFeed",
    "MeetingIndexPage",
    "MeetingRegistration",
    "MeetingStatistic",
    "MinutesAttendee",
    "MinutesPage",
]
