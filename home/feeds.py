"""Get involved as Atom (every opportunity, newest first) and as iCalendar (its
meetings, and its consultations' closing times), as a visitor sees them."""

from dataclasses import dataclass
from datetime import datetime

import icalendar
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from core.feeds import FEED_LENGTH, AtomFeed, scope_of
from core.links import full_url
from events.calendar import LONDON, calendar_for
from home import opportunities
from home.opportunities import CONSULTATIONS, GAPS, MEETINGS, QUESTIONS


@dataclass
class Entry:
    title: str
    description: str
    path: str
    theme: str
    kind: str
    listed_at: datetime


def consultation_entry(consultation):
    closes = timezone.localtime(consultation.closes_at, LONDON)
    return Entry(
        title=f"Consultation: {consultation.title}",
        description=format_html(
            "<p>{}</p><p>Open until {}. Asked by {}.</p>",
            consultation.summary,
            f"{closes:%-d %B %Y, %H:%M} (UK time)",
            consultation.contact_organisation.name,
        ),
        path=consultation.url,
        theme=consultation.theme.title if consultation.theme else "",
        kind="Consultations",
        listed_at=consultation.listed_at,
    )


def meeting_entry(meeting):
    return Entry(
        title=f"Meeting: {meeting.title}",
        description=format_html(
            "<p>{}</p><p>{}. {}.</p>",
            meeting.summary,
            meeting.when,
            meeting.places,
        ),
        path=meeting.url,
        theme=meeting.theme.title if meeting.theme else "",
        kind="Meetings",
        listed_at=meeting.listed_at,
    )


def gap_entry(gap):
    ask = (
        "Producers are assessing this gap: tell them you need it, and what for."
        if gap.is_assessed
        else "Raised recently: say if you need it too."
    )
    return Entry(
        title=f"Data gap: {gap.title}",
        description=format_html("<p>{}</p><p>{}</p>", gap.measure, ask),
        path=gap.get_absolute_url(),
        theme=gap.theme.title,
        kind="Data gaps",
        listed_at=gap.listed_at,
    )


def question_entry(thread):
    return Entry(
        title=f"Question: {thread.title}",
        # Sanitised when saved (forums.markdown), as the thread page shows it.
        description=thread.body_html,
        path=thread.get_absolute_url(),
        theme=thread.theme.title,
        kind="Questions",
        listed_at=thread.listed_at,
    )


ENTRIES = {
    CONSULTATIONS: consultation_entry,
    MEETINGS: meeting_entry,
    GAPS: gap_entry,
    QUESTIONS: question_entry,
}


def entries(sections):
    """Every item of `sections` as one kind of entry, newest opportunity first."""
    found = [
        ENTRIES[section.key](item) for section in sections for item in section.items
    ]
    return sorted(found, key=lambda entry: entry.listed_at, reverse=True)


class GetInvolvedFeed(AtomFeed):
    title = "statsforum: get involved"
    subtitle = (
        "Consultations open now, meetings with places left, data gaps asking for "
        "evidence and questions waiting for an answer."
    )

    def get_object(self, request):
        return scope_of(request)

    def link(self, scope):
        return scope.full(reverse("home:get_involved"))

    def feed_url(self, scope):
        return scope.full(reverse("home:get_involved_feed"))

    def items(self, scope):
        found = entries(opportunities.gather(shown=FEED_LENGTH))[:FEED_LENGTH]
        for entry in found:
            entry.link = scope.full(entry.path)
        return found

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.description

    def item_link(self, entry):
        return entry.link

    def item_categories(self, entry):
        return [entry.kind, *([entry.theme] if entry.theme else [])]

    def item_pubdate(self, entry):
        return entry.listed_at

    def item_updateddate(self, entry):
        return entry.listed_at


def closing_event(consultation):
    """A consultation's closing time, as an event that takes up no time."""
    event = icalendar.Event()
    event.add("uid", f"consultation-closes-{consultation.pk}@statsforum")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", consultation.closes_at.astimezone(LONDON))
    event.add("summary", f"Consultation closes: {consultation.title}")
    event.add("description", consultation.summary)
    event.add("url", full_url(consultation.url))
    return event


def calendar(request):
    """The meetings get involved lists, and its consultations' closing times."""
    sections = {
        section.key: section
        for section in opportunities.gather(shown=opportunities.PAGES_READ)
    }
    ics = calendar_for(
        sections[MEETINGS].items,
        "statsforum: get involved",
        others=[closing_event(item) for item in sections[CONSULTATIONS].items],
    )
    response = HttpResponse(ics, content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="get-involved.ics"'
    return response
