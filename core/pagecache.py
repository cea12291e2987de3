"""The page cache: a visitor's whole page, kept in the default cache and served
before sessions, authentication and the view (costing about what a static file does).

Only what `core.caching` judged a visitor's page is kept (a GET answered 200 with no
session, CSRF or messages cookie, no cookie set, no form token, no message), under
its address (scheme, host, path and sorted query). A request carrying any of those
cookies is never answered from it. Each path has a version, and so has each branch
it is under (`/`, `/themes/`, `/themes/census/`...): purging a path (`purge`, or
Wagtail's front-end cache invalidation through `PageCacheBackend`) replaces its
version, so every query of it (`?page=3`, filters) is gone at once; purging a branch
does so for every address under it. A page rendered while a purge happened is
stored under the versions read before it was rendered, which no one reads any more.
Every purge is of the address in each language (`/themes/` and `/cy/themes/`,
core/languages.py): the page's language comes from its address alone, so the two are
kept apart and go together.

The page is kept plain and gzipped: anonymous pages carry no secret, so compressing
them gives BREACH nothing to find; everything else goes out uncompressed.
"""

import hashlib
import re
import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers, set_response_etag
from django.utils.text import compress_string
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from core.caching import PERSONAL_COOKIES, SHARED_MAX_AGE
from core.languages import addresses_in_every_language

BACKEND = "core.pagecache.PageCacheBackend"
# Longer queries are someone probing, not a page worth keeping.
LONGEST_QUERY = 200
# A version that expires only orphans pages, so addresses nobody asks for (a crawler's
# 404s) leave nothing behind for long.
VERSION_SECONDS = 60 * 60
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers the cache sets itself each time it answers.
NOT_KEPT = {"content-length", "content-encoding", "etag", "vary"}


def digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def exact_key(path):
    return "page:exact:" + digest(path)


def branch_key(path):
    return "page:branch:" + digest(path)


def version_keys(path):
    """The path's own version, then one for each branch it is in: "/", then each
    address it starts with, down to itself."""
    parts = [part for part in path.split("/") if part]
    branches = ["/"] + [
        "/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1)
    ]
    return [exact_key(path), *(branch_key(branch) for branch in branches)]


def page_key(address, versions):
    return f"page:{'.'.join(versions)}:{digest(address)}"


def normalised_query(query_string):
    return urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))


def may_answer_from_cache(request):
    return (
        request.method == "GET"
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= LONGEST_QUERY
        and not request.path.startswith(settings.STATIC_URL)
    )


def current_versions(path):
    keys = version_keys(path)
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, secrets.token_hex(6), VERSION_SECONDS)
        found |= cache.get_many(missing)
    return [found.get(key, "") for key in keys]


def version_of_everything():
    """The version of the branch every page is in: replaced when every page is
    purged, so what is kept under it for every page (the footer) goes with them."""
    return current_versions("/")[1]


def in_every_language(paths):
    return sorted(
        {address for path in paths for address in addresses_in_every_language(path)}
    )


def purge_keys(paths, branches=()):
    """Forget every cached query of each path, and everything under each branch,
    in every language, on every app server sharing the cache."""
    paths, branches = in_every_language(paths), in_every_language(branches)
    cache.delete_many(
        [exact_key(path) for path in paths] + [branch_key(path) for path in branches]
    )


def purge(paths=(), branches=()):
    """Purge `paths` (every query of each) and `branches` (each address and every
    one under it) here, and in every front-end cache configured in
    WAGTAILFRONTENDCACHE (a CDN, Varnish: the addresses themselves).

    Our own cache is purged now and again when the change commits (a visitor who
    came in between kept what the database still said); the others after the
    commit, through Wagtail's purge task.
    """
    paths = in_every_language({urlsplit(path).path for path in paths if path})
    branches = in_every_language({urlsplit(path).path for path in branches if path})
    if not (paths or branches):
        return
    purge_keys(paths, branches)

    def after_commit():
        purge_keys(paths, branches)
        others = [
            name
            for name, backend in getattr(settings, "WAGTAILFRONTENDCACHE", {}).items()
            if backend["BACKEND"] != BACKEND
        ]
        if others:
            base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            purge_urls_from_cache(
                [base + path for path in paths + branches], backends=others
            )

    transaction.on_commit(after_commit)


class PageCacheBackend(BaseBackend):
    """Wagtail's front-end cache invalidation reaching our page cache (a page's
    publish and unpublish, `purge_urls_from_cache`)."""

    def purge(self, url):
        purge_keys([urlsplit(url).path])

    def purge_batch(self, urls):
        purge_keys([urlsplit(url).path for url in urls])


def kept(response):
    """What the cache keeps of a visitor's page: headers, plain and gzipped body."""
    set_response_etag(response)
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in NOT_KEPT
    }
    body = response.content
    return {
        "headers": headers,
        "etag": response.headers["ETag"],
        "body": body,
        "gzipped": compress_string(body) if len(body) >= 200 else None,
    }


def answer(request, entry):
    gzip = entry["gzipped"] is not None and ACCEPTS_GZIP.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    response = HttpResponse(entry["gzipped"] if gzip else entry["body"])
    for name, value in entry["headers"].items():
        response.headers[name] = value
    if gzip:
        response.headers["Content-Encoding"] = "gzip"
        # As GZipMiddleware does: the same page, in other bytes.
        response.headers["ETag"] = "W/" + entry["etag"].removeprefix("W/")
    else:
        response.headers["ETag"] = entry["etag"]
    response.headers["Content-Length"] = str(len(response.content))
    if entry["gzipped"] is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_answer_from_cache(request):
            return self.get_response(request)
        path = request.path
        query = normalised_query(request.META.get("QUERY_STRING", ""))
        # Scheme and host too: a page's absolute links are built from them.
        address = f"{request.scheme}://{request.get_host()}{path}?{query}"
        key = page_key(address, current_versions(path))
        entry = cache.get(key)
        if entry is not None:
            return answer(request, entry)

        response = self.get_response(request)
        if (
            getattr(request, "is_visitors_page", False)
            and not response.streaming
            and not response.has_header("Vary")
        ):
            entry = kept(response)
            cache.set(key, entry, SHARED_MAX_AGE)
            return answer(request, entry)
        return response
