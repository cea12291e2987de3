"""The Atom feed of a thread: its replies, newest first, as a visitor sees them."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext

from core.feeds import FEED_LENGTH, AtomFeed
from core.translation import titled_in_language
from forums import visibility
from forums.markdown import render_markdown
from forums.models import ReplyEdit


class ThreadFeed(AtomFeed):
    """A feed reader signs in as nobody: the feed shows what a visitor sees (no held,
    hidden or deleted reply, no held thread), whoever fetches it."""

    def __call__(self, request, theme_slug, pk, slug):
        thread = get_object_or_404(
            visibility.threads_visible_to(AnonymousUser()).select_related("theme"),
            pk=pk,
            theme__slug=theme_slug,
        )
        if slug != thread.slug:  # renamed since: as the thread's page does
            return redirect(thread_feed_url(thread), permanent=True)
        # Full URLs at the address the feed was fetched from, as the data-gap feeds do.
        thread.site_url = request.build_absolute_uri("/").rstrip("/")
        titled_in_language([thread.theme])
        request.feed_thread = thread
        return super().__call__(request, theme_slug=theme_slug, pk=pk, slug=slug)

    def get_object(self, request, **kwargs):
        return request.feed_thread

    def title(self, thread):
        return gettext("statsforum: replies to %(title)s") % {"title": thread.title}

    def subtitle(self, thread):
        return gettext("Every reply in this thread, in %(theme)s.") % {
            "theme": thread.theme.title_in_language
        }

    def link(self, thread):
        return thread.site_url + thread.get_absolute_url()

    def feed_url(self, thread):
        return thread.site_url + thread_feed_url(thread)

    def items(self, thread):
        edits = ReplyEdit.objects.filter(reply=OuterRef("pk")).values("edited_at")
        replies = list(
            visibility.replies_visible_to(AnonymousUser(), thread)
            .annotate(edited_at=Subquery(edits))
            .select_related("user")
            .order_by("-submit_date", "-pk")[:FEED_LENGTH]
        )
        for reply in replies:
            reply.url = f"{self.link(thread)}#reply-{reply.pk}"
        return replies

    def item_title(self, reply):
        return gettext("Reply by %(name)s") % {"name": author_name(reply.user)}

    def item_description(self, reply):
        # Members write Markdown: the page's sanitised HTML, escaped by the generator.
        return render_markdown(reply.comment)

    def item_link(self, reply):
        return reply.url

    def item_author_name(self, reply):
        return author_name(reply.user)

    def item_pubdate(self, reply):
        return reply.submit_date

    def item_updateddate(self, reply):
        return reply.edited_at or reply.submit_date


def author_name(user):
    """As the page names an author (forums/includes/author.html)."""
    return user.public_name if user else gettext("A former member")


def thread_feed_url(thread):
    return reverse(
        "forums:thread_feed",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )
