"""Get involved as Atom (every opportunity, newest first) and as iCalendar (its
meetings, and its consultations' closing times), as a visitor sees them."""

import icalendar
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from core.feeds import FEED_LENGTH, Entry, EntryFeed, scope_of
from core.links import full_url
from core.translation import titled_in_language
from events.calendar import LONDON, calendar_for
from home import opportunities
from home.opportunities import CONSULTATIONS, GAPS, MEETINGS, QUESTIONS


def entry(item, *, title, description, link, kind, theme):
    """An opportunity as a feed entry: listed (and so updated) when it became one."""
    return Entry(
        title=title,
        description=description,
        link=link,
        published=item.listed_at,
        updated=item.listed_at,
        categories=[kind, *([theme.title_in_language] if theme else [])],
    )


def consultation_entry(consultation):
    # Django's date format, not strftime: the month in the reader's language.
    closes = date_format(
        timezone.localtime(consultation.closes_at, LONDON), "j F Y, H:i"
    )
    return entry(
        consultation,
        title=gettext("Consultation: %(title)s") % {"title": consultation.title},
        description=format_html(
            "<p>{}</p><p>{}. {}.</p>",
            consultation.summary,
            gettext("Open until %(time)s (UK time)") % {"time": closes},
            gettext("Asked by %(organisation)s")
            % {"organisation": consultation.contact_organisation.localized.name},
        ),
        link=consultation.url,
        kind=gettext("Consultations"),
        theme=consultation.theme,
    )


def meeting_entry(meeting):
    return entry(
        meeting,
        title=gettext("Meeting: %(title)s") % {"title": meeting.title},
        description=format_html(
            "<p>{}</p><p>{}. {}.</p>",
            meeting.summary,
            meeting.when,
            meeting.places,
        ),
        link=meeting.url,
        kind=gettext("Meetings"),
        theme=meeting.theme,
    )


def gap_entry(gap):
    ask = (
        gettext(
            "Producers are assessing this gap: tell them you need it, and what for."
        )
        if gap.is_assessed
        else gettext("Raised recently: say if you need it too.")
    )
    return entry(
        gap,
        title=gettext("Data gap: %(title)s") % {"title": gap.title},
        description=format_html("<p>{}</p><p>{}</p>", gap.measure, ask),
        link=gap.get_absolute_url(),
        kind=gettext("Data gaps"),
        theme=gap.theme,
    )


def question_entry(thread):
    return entry(
        thread,
        title=gettext("Question: %(title)s") % {"title": thread.title},
        # Sanitised when saved (forums.markdown), as the thread page shows it.
        description=thread.body_html,
        link=thread.get_absolute_url(),
        kind=gettext("Questions"),
        theme=thread.theme,
    )


ENTRIES = {
    CONSULTATIONS: consultation_entry,
    MEETINGS: meeting_entry,
    GAPS: gap_entry,
    QUESTIONS: question_entry,
}


def entries(sections):
    """Every item of `sections` as one kind of entry, newest opportunity first."""
    # Each theme in the reader's language: one query for them all.
    titled_in_language(item.theme for section in sections for item in section.items)
    found = [
        ENTRIES[section.key](item) for section in sections for item in section.items
    ]
    return sorted(found, key=lambda entry: entry.updated, reverse=True)


class GetInvolvedFeed(EntryFeed):
    def get_object(self, request):
        return scope_of(request)

    def title(self, scope):
        return gettext("statsforum: get involved")

    def subtitle(self, scope):
        return gettext(
            "Consultations open now, meetings with places left, data gaps asking for "
            "evidence and questions waiting for an answer."
        )

    def link(self, scope):
        return scope.full(reverse("home:get_involved"))

    def feed_url(self, scope):
        return scope.full(reverse("home:get_involved_feed"))

    def items(self, scope):
        found = entries(opportunities.gather(shown=FEED_LENGTH))[:FEED_LENGTH]
        for found_entry in found:
            found_entry.link = scope.full(found_entry.link)
        return found


def closing_event(consultation):
    """A consultation's closing time, as an event that takes up no time."""
    event = icalendar.Event()
    event.add("uid", f"consultation-closes-{consultation.pk}@statsforum")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", consultation.closes_at.astimezone(LONDON))
    event.add(
        "summary",
        gettext("Consultation closes: %(title)s") % {"title": consultation.title},
    )
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
        gettext("statsforum: get involved"),
        others=[closing_event(item) for item in sections[CONSULTATIONS].items],
    )
    response = HttpResponse(ics, content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="get-involved.ics"'
    return response
