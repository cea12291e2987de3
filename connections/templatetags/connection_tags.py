"""Each side of a link, shown on the other feature's pages."""

from django import template
from django.db.models import F

from connections.models import ActionItem
from consultations.models import ConsultationPage
from events.models import EventPage
from forums.models import Thread
from gaps.models import DataGap

register = template.Library()


@register.inclusion_tag("connections/includes/open_actions.html")
def open_actions(theme, count=10):
    """What the theme's meetings promised and has not been done, oldest due first."""
    actions = (
        ActionItem.objects.published()
        .open()
        .in_theme(theme)
        .select_related("page", "organisation", "thread", "data_gap__theme")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )
    return {"action_items": actions[:count], "theme": theme}


@register.inclusion_tag("connections/includes/minutes_actions.html")
def minutes_actions(minutes):
    """The actions agreed at a meeting (a draft's own, in preview)."""
    actions = minutes.action_items.select_related(
        "organisation", "thread", "data_gap__theme"
    )
    return {"action_items": actions}


@register.inclusion_tag("connections/includes/linked_gaps.html")
def linked_gaps(thing):
    """The gaps that link a thread or a meeting: the other half of the link."""
    if isinstance(thing, Thread):
        gaps = DataGap.objects.filter(thread_links__thread=thing)
    else:
        gaps = DataGap.objects.filter(meeting_links__meeting=thing)
    return {"gaps": gaps.visible().select_related("theme").order_by("title")}


@register.inclusion_tag("connections/includes/linked_consultations.html")
def linked_consultations(thing):
    """The consultations about a data gap or a thread: the other half of the link."""
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .filter(pk__in=thing.consultation_links.values("page"))
        .order_by("-opens_at")
    )
    return {"consultations": consultations}


@register.inclusion_tag("connections/includes/gap_connections.html")
def gap_connections(gap, may_link=False):
    """Where a gap has come up: discussions, meetings, actions and consultations."""
    return {
        "gap": gap,
        "threads": list(
            Thread.objects.filter(
                gap_links__data_gap=gap, is_public=True
            ).select_related("theme")
        ),
        "meetings": list(EventPage.objects.live().filter(gap_links__data_gap=gap)),
        "action_items": list(gap.action_items.published().select_related("page")),
        "may_link": may_link,
    }


@register.inclusion_tag("connections/includes/consultation_concerns.html")
def consultation_concerns(consultation):
    """What a consultation is about (a draft's own, in preview)."""
    return {
        "gap_links": consultation.gap_links.select_related("data_gap__theme"),
        "thread_links": consultation.thread_links.select_related("thread"),
    }
