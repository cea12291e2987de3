"""A statistic's page: what every feature has said about it."""

from django import template

from connections.statistics import said_about

register = template.Library()


@register.inclusion_tag("connections/includes/said_about.html", takes_context=True)
def said_about_statistic(context, statistic):
    return said_about(statistic, context["request"].user)
