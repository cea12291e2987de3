from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.translation import joined_with_and, titled_in_language
from forums.markdown import render_markdown
from forums.models import Thread
from themes import roles

register = template.Library()


@register.filter
def markdown(text, mentions=None):
    """Member Markdown as sanitised HTML; `mentions` ({handle: url}) links those."""
    return mark_safe(render_markdown(text, mentions))  # noqa: S308 - nh3 has cleaned it


@register.inclusion_tag("forums/includes/latest_threads.html")
def latest_threads(theme=None, count=5):
    if theme is None:
        # Every theme's: none from a theme that is unpublished or private.
        threads = roles.public_posts(Thread.objects.all())
    else:
        threads = Thread.objects.filter(theme=theme, is_public=True)
    threads = list(threads.select_related("theme", "author")[:count])
    if theme is None:
        # Each thread's theme in the reader's language: one query for them all.
        titled_in_language(thread.theme for thread in threads)
    return {"threads": threads, "show_theme": theme is None}


@register.filter
def people_list(people):
    """'Ann (ONS), Bob and Cy', in the reader's language: whom a question went to."""
    names = [
        f"{person.public_name} ({person.organisation.localized.short_name})"
        if person.organisation
        else person.public_name
        for person in people
    ]
    return joined_with_and(names)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def author_link(author, role=None):
    """An author's name, linked to their profile, with a producer or chair badge in
    this theme. A tag, not an include: the thread page shows one per post."""
    if author is None:
        name = gettext("A former member")
    elif author.is_active:
        name = format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            author.get_absolute_url(),
            author.public_name,
        )
    else:
        name = format_html("{}", author.public_name)
    if not role:
        return name
    producer = role.role == "producer"
    return format_html(
        '{}\n<strong class="govuk-tag {} sf-badge">{}{}</strong>',
        name,
        "govuk-tag--blue" if producer else "govuk-tag--purple",
        gettext("Producer") if producer else gettext("Chair"),
        f", {role.organisation.localized.short_name}" if role.organisation else "",
    )
