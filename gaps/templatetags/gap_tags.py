from django import template

from gaps import stats

register = template.Library()


@register.inclusion_tag("gaps/includes/you_said_we_did.html")
def you_said_we_did(theme):
    return {
        "theme": theme,
        "met": stats.recently_met(theme),
        "stats": stats.response_stats(theme),
    }


@register.inclusion_tag("gaps/includes/linked_gaps.html")
def linked_gaps(thing):
    """The gaps that link a thread or a meeting: the other half of the link."""
    gaps = thing.data_gaps.visible().select_related("theme").order_by("title")
    return {"gaps": gaps}
