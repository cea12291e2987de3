"""The meetings a list shows: one rule for the meetings pages and the API."""

from django.utils import timezone

from events.forms import PAST
from events.models import EventPage
from themes import roles


def listed_meetings(chosen, theme=None):
    """Upcoming meetings, soonest first, or past ones (`when=past`), newest first;
    in `theme` if given, of the format `chosen`; only in public themes."""
    meetings = roles.public_pages(EventPage.objects.all())
    now = timezone.now()
    if chosen.get("when") == PAST:
        meetings = meetings.filter(end__lt=now).order_by("-start", "pk")
    else:
        meetings = meetings.filter(end__gte=now).order_by("start", "pk")
    if theme:
        meetings = meetings.descendant_of(theme)
    if "format" in chosen:
        meetings = meetings.filter(format=chosen["format"])
    return meetings
