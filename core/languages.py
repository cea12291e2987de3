"""The page's language comes from its address alone: `/cy/...` is Welsh, everything
else English (site/urls.py routes the public pages under both).

Never from Accept-Language, a cookie or the session: a visitor's page is kept by the
page cache (core/pagecache.py) under its address and served to everyone, so one
address must always be one language. The same page in the other language is
`address_in(path, language)`; purging a page purges it in every language
(`addresses_in_every_language`).
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import get_language_from_path


def prefix(language):
    """The start of an address in `language`: "" for the default, "/cy" for Welsh."""
    code = translation.get_supported_language_variant(language)
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def language_tag(language):
    """The language as HTML's lang and hreflang write it: "en-GB", "cy"."""
    return translation.to_locale(language).replace("_", "-")


def language_of(path):
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def without_language(path):
    """The address with its language prefix taken off: the English address."""
    language = get_language_from_path(path)
    if not language or language == settings.LANGUAGE_CODE:
        return path
    rest = path[len(language) + 1 :]
    return rest if rest.startswith("/") else "/" + rest


def address_in(path, language):
    """The same address in `language` (`/themes/` and `/cy/themes/`)."""
    return prefix(language) + without_language(path)


def view_at(path, language):
    with translation.override(language):
        try:
            return resolve(address_in(path, language)).view_name
        except Resolver404:
            return None


def has_every_language(path):
    """True if the page at `path` has an address in each language: not the admin,
    the API, a document, nor an address that is no page at all."""
    english = view_at(path, settings.LANGUAGE_CODE)
    return english is not None and all(
        view_at(path, code) == english for code, _name in settings.LANGUAGES
    )


def link_in(url, language):
    """A link to this site (an address, or a full URL under WAGTAILADMIN_BASE_URL)
    in `language`, when the page it leads to has one; any other link as it is."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    path = url.removeprefix(base) if url.startswith(base + "/") else url
    if not path.startswith("/") or path.startswith("//"):
        return url
    parts = urlsplit(path)
    if not has_every_language(parts.path):
        return url
    return (base if url != path else "") + moved_into(parts, language)


def moved_into(parts, language):
    """An address that has one in every language (split by urlsplit), in
    `language`: its path, and its `next` too."""
    return urlunsplit(
        parts._replace(
            path=address_in(parts.path, language),
            query=next_in(parts.query, language),
        )
    )


def next_in(query, language):
    """The query with its `next`, the page to go back to, in `language` too: a
    Welsh page's link to English otherwise sends its reader back to Welsh."""
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(name == "next" for name, _value in pairs):
        return query
    return urlencode(
        [
            (name, link_in(value, language) if name == "next" else value)
            for name, value in pairs
        ],
        safe="/",
    )


def addresses_in_every_language(path):
    english = without_language(path)
    return [address_in(english, code) for code, _name in settings.LANGUAGES]


class LanguageFromAddressMiddleware:
    """Speaks the language of the address, and says so (Content-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request.path_info)
        # Only for this request: nothing after it (the next test, a task run in
        # this thread) inherits the language.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
