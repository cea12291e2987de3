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
