from django import template
from django.utils import timezone

from events.models import EventPage

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_meetings.html")
def upcoming_meetings(theme, count=3):
    meetings = (
        EventPage.objects.live()
        .public()
        .descendant_of(theme)
        .filter(end__gte=timezone.now())
        .order_by("start")[:count]
    )
    return {"meetings": meetings, "theme": theme}
