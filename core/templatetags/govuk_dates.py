from django import template

from core.dates import time_and_date

register = template.Library()


@register.filter
def govuk_time(moment, weekday=""):
    """`{{ meeting.start|govuk_time }}`, or `|govuk_time:"weekday"`."""
    if not moment:
        return ""
    return time_and_date(moment, weekday=weekday == "weekday")
