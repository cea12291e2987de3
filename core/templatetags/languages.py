"""The page in each language: the switcher in the header, the alternates in the head,
`lang` on <html>, and addresses written in templates kept in the page's language."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from core.languages import (
    address_in,
    has_every_language,
    language_tag,
    moved_into,
)
from core.translation import title_in_language

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
    """The page's address in each language, worked out once a request: the switcher
    and the alternates both ask, and each answer resolves the address in every
    language."""
    request = context.get("request")
    if request is None:  # the 500 and 503 pages, rendered without one
        return []
    found = getattr(request, "_in_every_language", None)
    if found is None:
        found = request._in_every_language = in_every_language(request)
    return found


def in_every_language(request):
    path = request.path
    # Not the API's pages; nor "//host/...", which a browser reads as another site.
    if path.startswith("//") or not has_every_language(path):
        return []
    current = translation.get_language()
    parts = urlsplit(request.get_full_path())
    return [
        {
            "code": code,
            "tag": language_tag(code),
            "name": name,
            "path": moved_into(parts, code),
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


def plural(one, other):
    """A GOV.UK Frontend plural: a form for each of Intl.PluralRules' categories (Welsh
    has all six); `one` for one, `other` for the rest."""
    other = gettext(other)
    return {"zero": other, "one": gettext(one), "two": other, "few": other} | {
        "many": other,
        "other": other,
    }


@register.simple_tag
def govuk_frontend_config():
    """GOV.UK Frontend's own words for its components, in the page's language: given
    to initAll (site/static/js/init.js), so every component on every page has them."""
    return {
        "characterCount": {
            "i18n": {
                "charactersUnderLimit": plural(
                    gettext_noop("You have %{count} character remaining"),
                    gettext_noop("You have %{count} characters remaining"),
                ),
                "charactersAtLimit": gettext("You have 0 characters remaining"),
                "charactersOverLimit": plural(
                    gettext_noop("You have %{count} character too many"),
                    gettext_noop("You have %{count} characters too many"),
                ),
                "wordsUnderLimit": plural(
                    gettext_noop("You have %{count} word remaining"),
                    gettext_noop("You have %{count} words remaining"),
                ),
                "wordsAtLimit": gettext("You have 0 words remaining"),
                "wordsOverLimit": plural(
                    gettext_noop("You have %{count} word too many"),
                    gettext_noop("You have %{count} words too many"),
                ),
            }
        }
    }


# A page of record's (a theme's) title in the address's language.
register.filter("title_in_language", title_in_language)
