"""Full addresses of the site's pages, for emails, feeds and calendars."""

from urllib.parse import urlsplit

from django.conf import settings


def full_url(path):
    """The site's public address (`WAGTAILADMIN_BASE_URL`) followed by `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def site_address():
    """(hostname, port) of `WAGTAILADMIN_BASE_URL`, as Wagtail's Site record keeps them.

    Wagtail builds a page's full URL from the Site: it must be the same address.
    """
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname, url.port or (443 if url.scheme == "https" else 80)
