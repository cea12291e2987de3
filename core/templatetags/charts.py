from django import template

from core.charts import bar_chart

register = template.Library()


@register.simple_tag
def chart(figure):
    """The figure drawn as an accessible SVG bar chart, or nothing."""
    return bar_chart(figure)


@register.inclusion_tag("includes/figure.html")
def figure_with_table(figure, csv_url=""):
    """A figure: its summary, its chart and its table, and its CSV download."""
    return {"figure": figure, "csv_url": csv_url}
