"""A theme's activity as one Atom feed: discussions started, replies, data-gap status
changes, meetings and consultations, as the theme's pages show them to a visitor.

Each feature's own feed says how its entries read; this takes the newest of each and
interleaves them.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext

from consultations.feeds import ConsultationsFeed
from core.feeds import FEED_LENGTH, Entry, EntryFeed, scope_of
from events.feeds import MeetingsFeed
from forums import visibility
from forums.feeds import ThreadFeed, author_name
from forums.models import ReplyEdit, Thread
from forums.services import replies_to_any_thread
from gaps.feeds import GapUpdateEntries
from gaps.models import DataGap, GapUpdate
from themes.views import get_theme


def entries_of(feed, items, category):
    """`items` as the feature's own `feed` writes them."""
    return [
        Entry(
            title=feed.item_title(item),
            description=feed.item_description(item),
            link=feed.item_link(item),
            author=getattr(feed, "item_author_name", lambda item: None)(item),
            published=feed.item_pubdate(item),
            updated=feed.item_updateddate(item),
            categories=[category],
        )
        for item in items
    ]


def threads_started(scope):
    threads = (
        visibility.threads_visible_to(AnonymousUser())
        .filter(theme=scope.theme)
        .select_related("author", "theme")
        .order_by("-created_at", "-pk")[:FEED_LENGTH]
    )
    return [
        Entry(
            title=(
                gettext("New question: %(title)s")
                if thread.is_question
                else gettext("New discussion: %(title)s")
            )
            % {"title": thread.title},
            # Sanitised when saved (forums.markdown), as the thread page shows it.
            description=thread.body_html,
            link=scope.full(thread.get_absolute_url()),
            author=author_name(thread.author),
            published=thread.created_at,
            updated=thread.edited_at or thread.created_at,
            categories=[gettext("Discussions")],
        )
        for thread in threads
    ]


def replies(scope):
    threads = visibility.threads_visible_to(AnonymousUser()).filter(theme=scope.theme)
    edits = ReplyEdit.objects.filter(reply=OuterRef("pk")).values("edited_at")
    found = list(
        replies_to_any_thread()
        .filter(
            object_pk__in=threads.annotate(
                key=Cast("pk", output_field=CharField())
            ).values("key"),
            is_public=True,
            is_removed=False,
        )
        .annotate(edited_at=Subquery(edits))
        .select_related("user")
        .order_by("-submit_date", "-pk")[:FEED_LENGTH]
    )
    by_pk = {
        str(thread.pk): thread
        for thread in Thread.objects.filter(
            pk__in={int(reply.object_pk) for reply in found}
        ).select_related("theme")
    }
    feed = ThreadFeed()
    entries = []
    for reply in found:
        thread = by_pk[reply.object_pk]
        reply.url = f"{scope.full(thread.get_absolute_url())}#reply-{reply.pk}"
        (entry,) = entries_of(feed, [reply], gettext("Discussions"))
        entry.title = gettext("%(title)s: reply by %(name)s") % {
            "title": thread.title,
            "name": author_name(reply.user),
        }
        entries.append(entry)
    return entries


def gap_updates(scope):
    updates = list(
        GapUpdate.objects.filter(
            gap__in=DataGap.objects.visible().filter(theme=scope.theme).values("pk")
        )
        .select_related("gap__theme")
        .order_by("-created_at", "-pk")[:FEED_LENGTH]
    )
    for update in updates:
        update.url = f"{scope.full(update.gap.get_absolute_url())}#update-{update.pk}"
    return entries_of(GapUpdateEntries(), updates, gettext("Data gaps"))


def meetings(scope):
    feed = MeetingsFeed()
    return entries_of(feed, feed.items(scope), gettext("Meetings"))


def consultations(scope):
    feed = ConsultationsFeed()
    return entries_of(feed, feed.items(scope), gettext("Consultations"))


SOURCES = [threads_started, replies, gap_updates, meetings, consultations]


class ThemeActivityFeed(EntryFeed):
    def get_object(self, request, theme_slug):
        return scope_of(request, get_theme(theme_slug))

    def title(self, scope):
        return f"statsforum: {scope.theme_title}"

    def subtitle(self, scope):
        return gettext(
            "Everything in this theme: discussions and replies, data gaps, "
            "meetings and consultations."
        )

    def link(self, scope):
        return scope.full(scope.theme.url)

    def feed_url(self, scope):
        return scope.full(theme_feed_url(scope.theme))

    def items(self, scope):
        entries = [entry for source in SOURCES for entry in source(scope)]
        entries.sort(key=lambda entry: entry.updated, reverse=True)
        return entries[:FEED_LENGTH]


def theme_feed_url(theme):
    return reverse("connections:theme_feed", kwargs={"theme_slug": theme.slug})
