"""System checks for settings that only disagree once the site is deployed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


@register(deploy=True)
def default_site_matches_base_url(app_configs=None, **kwargs):
    """Page links in emails, feeds and calendars come from the default Site, other
    links from WAGTAILADMIN_BASE_URL: two addresses for one site."""
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        # Not migrated yet (check --deploy runs before migrate): nothing to compare.
        return []
    if site is None:
        return []
    base = (
        base_url.hostname or "",
        base_url.port or DEFAULT_PORTS.get(base_url.scheme),
    )
    if (site.hostname.lower(), site.port) == base:
        return []
    return [
        Warning(
            f"The default Wagtail site is {site.hostname} on port {site.port}, but "
            f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL}: links in "
            "emails would point to two different places.",
            hint="Make the default site's hostname and port those of "
            "WAGTAILADMIN_BASE_URL (Settings > Sites; port 443 for https).",
            obj=site,
            id="core.W001",
        )
    ]
