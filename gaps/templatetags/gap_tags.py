from django import template

from core.translation import localize
from gaps import stats

register = template.Library()


@register.inclusion_tag("gaps/includes/you_said_we_did.html")
def you_said_we_did(theme):
    met = list(stats.recently_met(theme))
    # Their owners in the reader's language: one query.
    localize(gap.owner_organisation for gap in met)
    return {
        "theme": theme,
        "met": met,
        "stats": stats.response_stats(theme),
    }
