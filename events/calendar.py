"""Meetings as iCalendar (RFC 5545): stable UIDs, SEQUENCE, cancellations, VTIMEZONE."""

from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from core.links import full_url

LONDON = ZoneInfo("Europe/London")


def _event(meeting):
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@statsforum")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.start.astimezone(LONDON))
    event.add("dtend", meeting.end.astimezone(LONDON))
    event.add("summary", meeting.title)
    event.add("description", meeting.summary)
    event.add("url", full_url(meeting.url))
    where = ", ".join(part for part in [meeting.venue, meeting.address] if part)
    if where:
        event.add("location", where.replace("\n", ", "))
    event.add(
        "status",
        "CANCELLED" if meeting.status == meeting.Status.CANCELLED else "CONFIRMED",
    )
    return event


def calendar_for(meetings, name, others=()):
    """The meetings as a calendar named `name`; `others` are more events (built with
    `icalendar.Event`) to put beside them."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//statsforum//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    for event in others:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
