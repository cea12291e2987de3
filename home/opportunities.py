"""Ways to take part, gathered from every feature: what /get-involved/, its Atom
feed and calendar, and the weekly opportunities email list.

Four kinds, each read through its feature's own querysets and rules (nothing here
decides who sees what again): consultations open now, closing soonest first;
meetings still to come that take registrations and have a place left; data gaps
producers are assessing, or raised in the last 30 days and still open; questions
waiting for a producer's answer. Everyone gets the visitors' view (public content
only); a member's themes come first, and what they took part in is marked in words.

"Producers asked for evidence" is no state of the register: a gap *under
assessment* is one producers are weighing, and a member's support, with their use
of the statistics, is the evidence they weigh. That is what is listed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage, ConsultationResponse
from core.translation import localize
from events import services as events
from events.models import EventPage, MeetingRegistration
from forums import visibility
from forums.models import Thread
from forums.services import replies_to_any_thread
from gaps.models import CLOSED, DataGap, GapSupport, Status
from themes.models import ThemeMembership
from themes.roles import public_pages
from themes.services import themes_joined

# A gap raised this recently is listed whatever its state, until it closes.
RAISED_RECENTLY = timedelta(days=30)
# How many of each kind the page shows; the count and a link lead to the rest.
SHOWN = 10
# Open consultations and meetings with places are few; this bounds a busy week.
PAGES_READ = 200

CONSULTATIONS = "consultations"
MEETINGS = "meetings"
GAPS = "gaps"
QUESTIONS = "questions"


@dataclass
class Section:
    """One kind of opportunity: the items shown, and how many there are in all."""

    key: str
    items: list
    total: int

    @property
    def more(self):
        return self.total - len(self.items)


def gather(user=None, *, period=None, shown=SHOWN, now=None):
    """The four sections, in order. `user` (signed in) puts their themes first and
    marks what they took part in; `period` (start, end) keeps only what became an
    opportunity in it (the weekly email)."""
    now = now or timezone.now()
    member = user if user is not None and user.is_authenticated else None
    mine = set(themes_joined(member).values_list("pk", flat=True)) if member else set()
    sections = [
        consultations(mine, period, shown, now),
        meetings(mine, period, shown, now),
        gaps(member, period, shown, now),
        questions(member, period, shown),
    ]
    if member:
        mark(member, sections)
    return sections


def first_mine(pages, mine):
    """Pages of the member's themes first, each group in its own order."""
    return sorted(pages, key=lambda page: getattr(page.theme, "pk", None) not in mine)


def within(field, period):
    """A filter: `field` falls in `period`, from its start up to its end."""
    start, end = period
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def consultations(mine, period, shown, now):
    found = (
        public_pages(ConsultationPage.objects.open(now).with_state(now))
        .select_related("contact_organisation")
        .order_by("closes_at", "pk")
    )
    if period:
        found = found.filter(within("opens_at", period))
    found = list(found[:PAGES_READ])
    ConsultationPage.attach_themes(found)
    # Who asks, in the reader's language: one query.
    localize(consultation.contact_organisation for consultation in found)
    for consultation in found:
        consultation.listed_at = consultation.opens_at
    return Section(CONSULTATIONS, first_mine(found, mine)[:shown], len(found))


def meetings(mine, period, shown, now):
    found = events.open_for_registration(
        public_pages(EventPage.objects.all()), now
    ).order_by("start", "pk")
    if period:
        found = found.filter(
            within("first_published_at", period) | within("registration_opens", period)
        )
    found = list(found[:PAGES_READ])
    EventPage.attach_themes(found)
    for meeting in found:
        meeting.places_left = meeting.capacity and (
            meeting.capacity - meeting.places_taken
        )
        meeting.places = places_words(meeting)
        meeting.when = events.when(meeting)
        opened = [meeting.first_published_at, meeting.registration_opens]
        meeting.listed_at = max(
            [moment for moment in opened if moment], default=meeting.start
        )
    return Section(MEETINGS, first_mine(found, mine)[:shown], len(found))


def places_words(meeting):
    """'2 places left', or 'Places not limited'."""
    left = meeting.places_left
    if left is None:
        return gettext("Places not limited")
    return ngettext("%(count)s place left", "%(count)s places left", left) % {
        "count": left
    }


def in_my_themes(member):
    """An annotation: is the row's theme one the member joined?"""
    return Exists(ThemeMembership.objects.filter(user=member, theme=OuterRef("theme")))


def gaps(member, period, shown, now):
    assessed = Q(status=Status.UNDER_ASSESSMENT)
    raised = Q(created_at__gte=now - RAISED_RECENTLY) & ~Q(status__in=CLOSED)
    found = DataGap.objects.visible().filter(assessed | raised)
    if period:
        found = found.filter(
            (assessed & within("last_moved_at", period))
            | (raised & within("created_at", period))
        )
    order = ["-last_moved_at", "-pk"]
    if member:
        found = found.annotate(mine=in_my_themes(member))
        order = ["-mine", *order]
    items = list(found.select_related("theme").order_by(*order)[:shown])
    for gap in items:
        gap.listed_at = gap.last_moved_at
        gap.is_assessed = gap.status == Status.UNDER_ASSESSMENT
    return Section(GAPS, items, found.count())


def questions(member, period, shown):
    found = visibility.threads_visible_to(AnonymousUser()).filter(
        kind=Thread.Kind.QUESTION, answer__isnull=True, is_locked=False
    )
    if period:
        found = found.filter(within("created_at", period))
    order = ["-created_at", "-pk"]
    if member:
        found = found.annotate(mine=in_my_themes(member))
        order = ["-mine", *order]
    items = list(found.select_related("theme", "author").order_by(*order)[:shown])
    for thread in items:
        thread.listed_at = thread.created_at
    return Section(QUESTIONS, items, found.count())


def mark(member, sections):
    """What the member already did about each item shown, in words (`item.mark`,
    lazy: said in the language it is shown in): one query a kind."""
    for section in sections:
        marks = MARKS[section.key](member, section.items) if section.items else {}
        for item in section.items:
            item.mark = marks.get(item.pk, "")


def meeting_marks(member, meetings):
    registrations = MeetingRegistration.objects.filter(
        user=member,
        meeting__in=[meeting.pk for meeting in meetings],
        status__in=[
            MeetingRegistration.Status.CONFIRMED,
            MeetingRegistration.Status.WAITING,
        ],
    ).values_list("meeting_id", "status")
    words = {
        MeetingRegistration.Status.CONFIRMED: _("Registered"),
        MeetingRegistration.Status.WAITING: _("On the waiting list"),
    }
    return {meeting_id: words[status] for meeting_id, status in registrations}


def consultation_marks(member, consultations):
    responses = ConsultationResponse.objects.filter(
        user=member,
        consultation__in=[consultation.pk for consultation in consultations],
    ).values_list("consultation_id", "status")
    marks = {}
    for consultation_id, status in responses:
        if status == ConsultationResponse.Status.SUBMITTED:
            marks[consultation_id] = _("Responded")
        else:
            marks.setdefault(consultation_id, _("Response started"))
    return marks


def gap_marks(member, gaps):
    supported = set(
        GapSupport.objects.filter(
            user=member, gap__in=[gap.pk for gap in gaps]
        ).values_list("gap_id", flat=True)
    )
    marks = {gap.pk: _("Raised by you") for gap in gaps if gap.author_id == member.pk}
    marks.update(dict.fromkeys(supported, _("Supported")))
    return marks


def question_marks(member, threads):
    replied = {
        int(pk)
        for pk in replies_to_any_thread()
        .filter(
            user=member,
            object_pk__in=[str(thread.pk) for thread in threads],
            is_removed=False,
        )
        .values_list("object_pk", flat=True)
    }
    marks = {
        thread.pk: _("Asked by you")
        for thread in threads
        if thread.author_id == member.pk
    }
    marks.update(dict.fromkeys(replied, _("Replied")))
    return marks


MARKS = {
    CONSULTATIONS: consultation_marks,
    MEETINGS: meeting_marks,
    GAPS: gap_marks,
    QUESTIONS: question_marks,
}


def is_empty(sections):
    return not any(section.items for section in sections)
