"""Atom feeds of meetings, a theme's and every theme's: the meetings the lists show a
visitor, most recently published or changed first."""

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from core.feeds import FEED_LENGTH, AtomFeed, scope_of
from core.translation import titled_in_language
from events import services
from events.models import EventPage
from themes.roles import public_pages
from themes.views import get_theme


class MeetingsFeed(AtomFeed):
    def get_object(self, request, theme_slug=None):
        return scope_of(request, get_theme(theme_slug) if theme_slug else None)

    def title(self, scope):
        if scope.theme:
            return gettext("statsforum: %(theme)s meetings") % {
                "theme": scope.theme_title
            }
        return gettext("statsforum: meetings")

    def subtitle(self, scope):
        return gettext("Meetings as they are announced, moved or cancelled.")

    def link(self, scope):
        if scope.theme:
            return scope.full(f"{scope.theme.url}meetings/")
        return scope.full(reverse("events:meetings"))

    def feed_url(self, scope):
        return scope.full(meetings_feed_url(scope.theme))

    def items(self, scope):
        meetings = public_pages(EventPage.objects.all())
        if scope.theme:
            meetings = meetings.descendant_of(scope.theme)
        meetings = list(
            meetings.annotate(
                changed_at=Coalesce("last_published_at", "first_published_at", "start")
            ).order_by("-changed_at", "-pk")[:FEED_LENGTH]
        )
        EventPage.attach_themes(meetings)
        titled_in_language(meeting.theme for meeting in meetings)
        for meeting in meetings:
            meeting.feed_link = scope.full(meeting.url)
        return meetings

    def item_title(self, meeting):
        if meeting.status != EventPage.Status.SCHEDULED:
            return gettext("%(status)s: %(title)s") % {
                "status": meeting.get_status_display(),
                "title": meeting.title,
            }
        return meeting.title

    def item_description(self, meeting):
        # Editors write plain text here: escaped, as the page does.
        where = meeting.get_format_display()
        if meeting.venue:
            where = f"{where}, {meeting.venue}"
        return format_html(
            "<p>{}</p><p>{}. {}.</p>{}",
            meeting.summary,
            services.when(meeting),
            where,
            format_html("<p>{}</p>", meeting.status_reason)
            if meeting.status != EventPage.Status.SCHEDULED and meeting.status_reason
            else "",
        )

    def item_link(self, meeting):
        return meeting.feed_link

    def item_categories(self, meeting):
        return [meeting.theme.title_in_language] if meeting.theme else []

    # A page made live by code rather than published has no publication time:
    # its meeting's start stands in, so that every entry has the date Atom requires.

    def item_pubdate(self, meeting):
        return meeting.first_published_at or meeting.changed_at

    def item_updateddate(self, meeting):
        return meeting.changed_at


def meetings_feed_url(theme=None):
    if theme:
        return reverse("events:theme_meetings_feed", kwargs={"theme_slug": theme.slug})
    return reverse("events:meetings_feed")
