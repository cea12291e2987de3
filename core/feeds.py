"""What the site's Atom feeds share: Django's syndication framework, as the data-gap
register's feed (gaps.feeds) first used it."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 50


@dataclass
class Scope:
    """What a feed covers: one theme's (a ThemePage), or every theme's when None."""

    theme: object
    site_url: str

    def full(self, path):
        """A full URL at the address the feed was fetched from: Django would otherwise
        take the domain of the sites framework's Site, which nothing here sets (it
        stays example.com)."""
        return self.site_url + path


def scope_of(request, theme=None):
    return Scope(theme=theme, site_url=request.build_absolute_uri("/").rstrip("/"))


class AtomFeed(Feed):
    feed_type = Atom1Feed
