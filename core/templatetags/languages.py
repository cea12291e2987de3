"""The page in each language: the switcher in the header, the alternates in the head,
`lang` on <html>, and addresses written in templates kept in the page's language."""

from django import template
from django.conf import settings
from django.utils import translation

from core.languages import address_in, language_tag

register = template.Library()


@register.simple_tag
def address_in_language(path, language=None):
    """`path` in `language` (the page's own, unless given): `{% address_in_language
    "/themes/" %}` is /cy/themes/ on a Welsh page."""
    return address_in(str(path), language or translation.get_language())


@register.simple_tag
def html_lang():
    return language_tag(translation.get_language() or settings.LANGUAGE_CODE)


def this_page_in_every_language(context):
    request = context.get("request")
    if request is None:  # the 500 and 503 pages, rendered without one
        return []
    current = translation.get_language()
    return [
        {
            "code": code,
            "tag": language_tag(code),
            "name": name,
            "path": address_in(request.get_full_path(), code),
            "current": code == current,
            "request": request,
        }
        for code, name in settings.LANGUAGES
    ]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """GOV.UK's language switcher: each language named in itself, the page's own
    marked current, the others linking to this page in them."""
    return {"languages": this_page_in_every_language(context)}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The page's address in each language, for <link rel="alternate" hreflang>."""
    return [
        language | {"url": language["request"].build_absolute_uri(language["path"])}
        for language in this_page_in_every_language(context)
    ]
