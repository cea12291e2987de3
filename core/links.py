"""Full addresses of the site's pages, for emails, feeds and calendars."""

from django.conf import settings


def full_url(path):
    """The site's public address (`WAGTAILADMIN_BASE_URL`) followed by `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
