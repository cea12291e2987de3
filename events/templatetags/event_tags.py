from django import template
from django.db.models import F
from django.utils import timezone

from events.models import ActionItem, EventPage

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_meetings.html")
def upcoming_meetings(theme, count=3):
    meetings = (
        EventPage.objects.live()
        .public()
        .child_of(theme)
        .filter(end__gte=timezone.now())
        .order_by("start")[:count]
    )
    return {"meetings": meetings, "theme": theme}


@register.inclusion_tag("events/includes/open_actions.html")
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
