"""The language of a page's content, when it is not the language of the address: a
page with no Welsh translation yet, served in English under /cy/ (HomePage.route)."""

from django import template
from django.utils import translation

from core import languages
from core.translation import is_fallback, language_of

register = template.Library()


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The page's language when it differs from the address's (for `lang`), else "".

    Only for a page Wagtail serves (its context has `self`): a Django view under a
    theme (its discussions, its data gaps) passes the theme as `page` for the
    breadcrumbs, but shows member-made content, which is never translated."""
    if page is None or context.get("self") is not page or not is_fallback(page):
        return ""
    return languages.language_tag(language_of(page))


@register.inclusion_tag("includes/not_yet_translated.html", takes_context=True)
def not_yet_translated(context, page):
    """Says, in the address's language, that the page is not translated yet, with a
    link to it in its own language."""
    request = context.get("request")
    path = request.path if request is not None else page.url
    english = languages.address_in(path, language_of(page))
    return {"english_address": english, "language": translation.get_language()}
