from django import template
from django.utils.safestring import mark_safe

from forums.markdown import render_markdown
from forums.models import Thread

register = template.Library()


@register.filter
def markdown(text):
    """Member Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has cleaned it


@register.inclusion_tag("forums/includes/latest_threads.html")
def latest_threads(theme=None, count=5):
    threads = Thread.objects.filter(is_public=True).select_related("theme", "author")
    if theme is not None:
        threads = threads.filter(theme=theme)
    return {"threads": threads[:count], "show_theme": theme is None}


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
