from django import template

from figures.forms import ON_THE_PAGE, SatisfactionForm
from figures.satisfaction import pending_for

register = template.Library()


@register.inclusion_tag("figures/includes/satisfaction_prompt.html", takes_context=True)
def satisfaction_prompt(context, outcome, object_id):
    """On an outcome's page, to the person asked about it and yet to answer: "Did
    this meet your need?" (one query, for signed-in people only)."""
    ask = pending_for(context["request"].user, outcome, object_id)
    return {
        "ask": ask,
        "form": SatisfactionForm(prefix=ON_THE_PAGE) if ask else None,
    }
