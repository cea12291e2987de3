"""The page's language comes from its address alone: `/cy/...` is Welsh, everything
else English (site/urls.py routes the public pages under both).

Never from Accept-Language, a cookie or the session: a visitor's page is kept by the
page cache (core/pagecache.py) under its address and served to everyone, so one
address must always be one language. The same page in the other language is
`address_in(path, language)`; purging a page purges it in every language
(`addresses_in_every_language`).
"""

from django.conf import settings
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
