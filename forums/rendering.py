"""Posts are rendered once, when saved or edited, and pages show the stored HTML.

A thread keeps its HTML in `Thread.body_html`, a reply in `RenderedReply`. Both say
which renderer made them (`forums.markdown.RENDERER_VERSION`), so `render_posts`
(the command) finds what an older renderer made and renders it again, in batches.

A mention is a link to the member's profile, resolved when the post is rendered. A
member who is erased or deactivated takes their links with them: the posts that link
to their profile are rendered again without them (`forget_mentions_of`). A handle
nobody had when the post was saved stays text, as its author saw it in the preview.
"""

from django.db import transaction
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from forums.markdown import RENDERER_VERSION
from forums.mentions import render_posts
from forums.models import RenderedReply, Thread

BATCH_SIZE = 500


def store_replies(reply_ids, excluding=()):
    """Render these replies from the database and store their HTML."""
    return store_reply_texts(
        XtdComment.norel_objects.filter(pk__in=list(reply_ids)).values_list(
            "pk", "comment"
        ),
        excluding,
    )


def store_reply_texts(replies, excluding=()):
    """Store the HTML of (reply id, Markdown) pairs: one query to write them all,
    and one to find the members they mention, if they mention any."""
    replies = list(replies)
    if not replies:
        return 0
    rendered = render_posts([comment for _, comment in replies], excluding)
    RenderedReply.objects.bulk_create(
        [
            RenderedReply(reply_id=pk, html=html, renderer_version=RENDERER_VERSION)
            for (pk, _), html in zip(replies, rendered, strict=True)
        ],
        update_conflicts=True,
        unique_fields=["reply"],
        update_fields=["html", "renderer_version"],
    )
    return len(replies)


def store_threads(thread_ids, excluding=()):
    threads = list(Thread.objects.filter(pk__in=list(thread_ids)).only("pk", "body"))
    rendered = render_posts([thread.body for thread in threads], excluding)
    for thread, html in zip(threads, rendered, strict=True):
        # update(): saving would render again and bump nothing else.
        Thread.objects.filter(pk=thread.pk).update(
            body_html=html, body_html_version=RENDERER_VERSION
        )
    return len(threads)


@transaction.atomic
def forget_mentions_of(member_id):
    """Render again every post that links to this member's profile, without it."""
    link = f'href="{reverse("public_profile", args=[member_id])}"'
    store_threads(
        Thread.objects.filter(body_html__contains=link).values_list("pk", flat=True),
        excluding=[member_id],
    )
    store_replies(
        RenderedReply.objects.filter(html__contains=link).values_list(
            "reply_id", flat=True
        ),
        excluding=[member_id],
    )


def outdated_replies():
    """Replies with no stored HTML, or HTML an older renderer made."""
    current = RenderedReply.objects.filter(renderer_version=RENDERER_VERSION)
    return XtdComment.norel_objects.exclude(pk__in=current.values("reply_id"))


def render_outdated(batch_size=BATCH_SIZE, report=None):
    """Render every post an older renderer made, a batch per transaction, so a run
    that stops part way loses nothing and the next run goes on from there."""
    total = 0
    for model, store, pending in [
        (
            Thread,
            store_threads,
            lambda: Thread.objects.exclude(body_html_version=RENDERER_VERSION),
        ),
        (XtdComment, store_replies, outdated_replies),
    ]:
        done = 0
        while ids := list(
            pending().order_by("pk").values_list("pk", flat=True)[:batch_size]
        ):
            with transaction.atomic():
                done += store(ids)
            if report:
                report(f"{model.__name__}: {done} rendered")
        total += done
    return total
