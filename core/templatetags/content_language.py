"""The language of a page's content, when it is not the language of the address: a
page with no Welsh translation yet, served in English under /cy/ (HomePage.route)."""

from django import template
from django.utils import translation

from core import languages
from core.translation import is_fallback

register = template.Library()


@register.simple_tag
def content_language(page):
    """The page's language when it differs from the address's (for `lang`), else ""."""
    if page is None or not hasattr(page, "locale_id") or not is_fallback(page):
        return ""
    return page.locale.language_code


@register.inclusion_tag("includes/not_yet_translated.html", takes_context=True)
def not_yet_translated(context, page):
    """Says, in the address's language, that the page is not translated yet, with a
    link to it in its own language."""
    request = context.get("request")
    path = request.path if request is not None else page.url
    english = languages.address_in(path, page.locale.language_code)
    return {"english_address": english, "language": translation.get_language()}
