"""Who may keep a copy of a page (Cache-Control), decided once for every response.

A visitor's page (a GET answered 200 to a request with no session, messages or CSRF
cookie, that read and set no cookie and showed no message) is the same for every
visitor: `public` for a shared cache (`s-maxage`, a CDN or Varnish), and revalidated
by the browser each time (`max-age=0`, so a visitor who signs in never sees their
visitor's copy). It has no `Vary: Cookie`: such a request has no session to vary on;
a cache in front passes requests that carry the session cookie straight through
(README). Anything else, above all a signed-in member's page, is
`private, no-store`. A view that sets its own Cache-Control (feeds, downloads,
`never_cache`) keeps it. `ConditionalGetMiddleware` adds the ETag and answers 304.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# How long a shared cache may serve a visitor's page before asking again.
SHARED_MAX_AGE = 60
PERSONAL_COOKIES = (
    settings.SESSION_COOKIE_NAME,
    settings.CSRF_COOKIE_NAME,
    getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
)


def is_visitors_page(request, response):
    """True if this response is the one every visitor without a cookie would get."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not response.cookies
        and not (session is not None and session.modified)
        # A CSRF token in the page (a form), or a message shown: this person's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (messages is not None and (messages.used or messages.added_new))
    )


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_visitors_page(request, response):
            # "Are you signed in?" was asked of an empty session: no cookie was sent,
            # so the answer holds for everyone the page goes to. No Vary: Cookie.
            request.session.accessed = False
            # The page cache (core/pagecache.py) keeps this page for every visitor.
            request.is_visitors_page = True
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=SHARED_MAX_AGE
            )
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response
