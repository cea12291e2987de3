"""Each side of a link, shown on the other feature's pages."""

from django import template
from django.db.models import F

from connections import chain, services
from gaps.models import DataGap

register = template.Library()


@register.inclusion_tag("connections/includes/open_actions.html", takes_context=True)
def open_actions(context, theme, count=10):
    """What the theme's meetings promised and has not been done, oldest due first."""
    actions = (
        chain.published_actions()
        .open()
        .in_theme(theme)
        .select_related("page", "organisation", "statistic", "status_changed_by")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )
    user = context["request"].user
    return {"action_items": chain.with_links(actions[:count], user), "theme": theme}


@register.inclusion_tag("connections/includes/minutes_actions.html", takes_context=True)
def minutes_actions(context, minutes):
    """The actions agreed at a meeting (a draft's own, in preview)."""
    actions = minutes.action_items.select_related(
        "organisation", "statistic", "status_changed_by"
    )
    for action in actions:
        action.page = minutes
    user = context["request"].user
    theme = context.get("theme")
    return {
        "action_items": chain.with_links(actions, user, meetings=False),
        "theme": theme,
        # Only the published minutes' actions: a draft's have no status yet.
        "may_update": minutes.live
        and theme is not None
        and services.may_update_action(user, theme),
    }


@register.inclusion_tag("connections/includes/thread_chain.html", takes_context=True)
def thread_chain(context, thread):
    """What a discussion led to, and the way to raise a data gap from it."""
    user = context["request"].user
    return {
        "thread": thread,
        "may_raise_gap": user.is_authenticated and thread.is_public,
        **chain.came_from_thread(thread, user),
    }


@register.inclusion_tag("connections/includes/linked_gaps.html")
def linked_gaps(meeting):
    """The gaps a meeting discussed: the other half of the link."""
    gaps = DataGap.objects.filter(meeting_links__meeting=meeting)
    return {"gaps": gaps.visible().select_related("theme").order_by("title")}


@register.inclusion_tag("connections/includes/gap_connections.html", takes_context=True)
def gap_connections(context, gap, may_link=False):
    """Where a gap has come up: discussions, meetings, actions and consultations."""
    user = context["request"].user
    return {
        "gap": gap,
        "may_link": may_link,
        **chain.about_gap(gap, user),
    }


@register.inclusion_tag("connections/includes/consultation_concerns.html")
def consultation_concerns(consultation):
    """What a consultation is about (a draft's own, in preview)."""
    return {
        "gap_links": consultation.gap_links.select_related("data_gap__theme"),
        "thread_links": consultation.thread_links.select_related("thread"),
    }
