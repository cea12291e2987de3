"""Atom feeds of a register's timeline, and of one gap's: every raise and status
change, newest first."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from core.feeds import FEED_LENGTH, AtomFeed, scope_of
from core.translation import title_in_language
from gaps.models import DataGap, GapUpdate


class GapUpdateEntries(AtomFeed):
    """An entry for each timeline entry (a GapUpdate with its `url`)."""

    def item_title(self, update):
        return f"{update.gap.title}: {update.get_to_status_display()}"

    def item_description(self, update):
        # Atom summaries are HTML: the note is plain text, so escape it.
        return linebreaks(update.note, autoescape=True)

    def item_link(self, update):
        return update.url

    def item_author_name(self, update):
        # The role and organisation a producer answered for; never a member's name.
        return update.shown_author_label or None

    def item_pubdate(self, update):
        return update.created_at

    def item_updateddate(self, update):
        return update.created_at


class GapUpdatesFeed(GapUpdateEntries):
    """The feed of a register; `find_register(request, theme_slug)` says which gaps.

    The register is passed in rather than imported because its views list this
    feed among their addresses.
    """

    def __init__(self, find_register):
        self.find_register = find_register

    def get_object(self, request, theme_slug=None):
        return self.find_register(request, theme_slug)

    def title(self, register):
        if register.theme:
            return _("statsforum: data gaps in %(theme)s") % {
                "theme": title_in_language(register.theme)
            }
        return _("statsforum: data gaps")

    def subtitle(self, register):
        return _(
            "Data gaps raised, and every change of status with the producers' note."
        )

    # Full URLs at the address the feed was fetched from: Django would otherwise
    # take the domain of the sites framework's Site, which nothing here sets (it
    # stays example.com).

    def link(self, register):
        return register.site_url + register.page_url()

    def feed_url(self, register):
        return register.site_url + register.feed_url() + register.query()

    def items(self, register):
        # Every timeline entry moves its gap on (services.raise_gap, change_status),
        # so the newest entries belong to the most recently moved gaps. Looking only
        # at those keeps the database from sorting every entry of a large register.
        recent = register.gaps().order_by("-last_moved_at", "-pk")[:FEED_LENGTH]
        updates = list(
            GapUpdate.objects.filter(gap__in=recent.values("pk"))
            .select_related("gap__theme")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )
        for update in updates:
            update.url = (
                f"{register.site_url}{update.gap.get_absolute_url()}#update-{update.pk}"
            )
        return updates


class GapFeed(GapUpdateEntries):
    """One gap's timeline, as its page shows it to a visitor: none for a held gap."""

    def get_object(self, request, theme_slug, pk):
        gap = get_object_or_404(
            DataGap.objects.visible().select_related("theme"),
            pk=pk,
            theme__slug=theme_slug,
        )
        gap.scope = scope_of(request, gap.theme)
        return gap

    def title(self, gap):
        return _("statsforum: %(title)s, data gap") % {"title": gap.title}

    def subtitle(self, gap):
        return _("The gap raised, and every change of status with the producers' note.")

    def link(self, gap):
        return gap.scope.full(gap.get_absolute_url())

    def feed_url(self, gap):
        return gap.scope.full(gap_feed_url(gap))

    def items(self, gap):
        updates = list(gap.updates.order_by("-created_at", "-pk")[:FEED_LENGTH])
        for update in updates:
            update.gap = gap
            update.url = f"{self.link(gap)}#update-{update.pk}"
        return updates


def gap_feed_url(gap):
    return reverse("gaps:gap_feed", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk})
