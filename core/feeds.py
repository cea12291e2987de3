"""What the site's Atom feeds share: Django's syndication framework, as the data-gap
register's feed (gaps.feeds) first used it."""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from core.translation import title_in_language

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

    @cached_property
    def theme_title(self):
        """The theme's title in the feed's language."""
        return title_in_language(self.theme)


def scope_of(request, theme=None):
    return Scope(theme=theme, site_url=request.build_absolute_uri("/").rstrip("/"))


class AtomFeed(Feed):
    feed_type = Atom1Feed


@dataclass
class Entry:
    """One entry of a feed that mixes kinds of things, as each kind's feed writes it."""

    title: str
    description: str
    link: str
    published: datetime
    updated: datetime
    categories: list = field(default_factory=list)
    author: str | None = None


class EntryFeed(AtomFeed):
    """A feed whose items are `Entry`s."""

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.description

    def item_link(self, entry):
        return entry.link

    def item_author_name(self, entry):
        return entry.author

    def item_categories(self, entry):
        return entry.categories

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated
