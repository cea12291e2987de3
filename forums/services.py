"""Rules for starting threads and replying to them."""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from accounts.notifications import notify
from accounts.suspension import (
    ContributionRefused,
    check_may_contribute,
    check_not_suspended,
)
from accounts.suspension import Suspended as Suspended  # the views catch it here
from accounts.trust import must_wait_for_approval
from core.signals import tell_content_changed
from core.translation import in_each_language
from forums import tasks
from forums.mentions import render_posts
from forums.models import HiddenReply, RenderedReply, ReplyEdit, Thread, ThreadFollow
from forums.visibility import check_sees, thread_of
from themes import roles
from themes.models import Role

# Top-level replies a page, each shown with its answers: 5 to about 20 posts, near
# the 15 posts other forums show (40 cost a signed-in member's page a fifth of its
# time, and 80 made page 1 slow to load and long to scroll).
REPLIES_PER_PAGE = 5
# Threads and replies together, per member.
POSTS_PER_MINUTE = 5


class ReplyRefused(ValidationError):
    """A reply the form would never send: too deep, to a locked thread, misplaced."""


# More than POSTS_PER_MINUTE (429), or suspended (403: Suspended).
PostingRefused = ContributionRefused


def check_may_post(user, theme):
    """Called by the views: members posting by hand, not imports or the demo."""
    check_may_contribute(
        user,
        theme,
        doing=gettext("post"),
        action="post",
        limit=POSTS_PER_MINUTE,
        period=60,
        done=gettext("posted %(count)s times in the last minute")
        % {"count": POSTS_PER_MINUTE},
    )


@transaction.atomic
def start_thread(
    user, theme, *, title, body, kind, topics=(), statistics=(), tell=True
):
    thread = Thread.objects.create(
        theme=theme,
        author=user,
        title=title,
        body=body,
        kind=kind,
        is_public=not must_wait_for_approval(user, body),
    )
    if topics:
        thread.topics.set(topics)
    if statistics:
        thread.statistics.set(statistics)
    follow(thread, user)
    if tell and thread.is_public:
        tasks.tell_theme_members.enqueue(thread.pk)
    return thread


def replies_to(thread):
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(Thread),
        object_pk=str(thread.pk),
        site_id=settings.SITE_ID,
    )


@transaction.atomic
def post_reply(thread, user, text, parent_id=None, tell=True):
    """Reply to the thread, or to a reply to it: never deeper, never when locked."""
    check_sees(user, thread)
    if thread.is_locked:
        raise ReplyRefused(gettext("This thread is locked: nobody can reply to it."))
    parent = None
    if parent_id:
        parent = replies_to(thread).filter(pk=parent_id, is_public=True).first()
        if parent is None:
            raise ReplyRefused(
                gettext("The reply you are answering is not in this thread.")
            )
        if not parent.allow_thread():
            raise ReplyRefused(
                gettext("You can reply to a reply, but not to a reply to a reply.")
            )
        # django-comments-xtd places an answer after the highest so far: answers to
        # one reply take turns, holding its row, or two would take the same place.
        XtdComment.norel_objects.select_for_update().filter(pk=parent.pk).first()
    reply = XtdComment(
        content_type=ContentType.objects.get_for_model(Thread),
        object_pk=str(thread.pk),
        site_id=settings.SITE_ID,
        user=user,
        comment=text,
        parent_id=parent.pk if parent else 0,
        is_public=not must_wait_for_approval(user, text),
    )
    reply.save()
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=reply.submit_date
    )
    ThreadFollow.objects.get_or_create(thread=thread, user=user)
    if tell and reply.is_public:
        tasks.tell_followers.enqueue(reply.pk)
    return reply


def reply_in(thread, reply_id):
    return replies_to(thread).filter(pk=reply_id).first()


@transaction.atomic
def edit_reply(reply, user, text):
    if reply.user_id != user.pk or reply.is_removed:
        raise PermissionDenied(gettext("You can only edit your own replies."))
    check_not_suspended(user, thread_of(reply).theme, gettext("edit your posts"))
    # update(), not save(): saving runs django-comments-xtd's pre_save hook, which
    # republishes or hides every reply below this one.
    XtdComment.objects.filter(pk=reply.pk).update(comment=text)
    tell_content_changed(XtdComment, [reply.pk])
    reply.comment = text
    ReplyEdit.objects.update_or_create(reply=reply)
    if reply.is_public:
        tasks.tell_mentioned_after_edit.enqueue(reply_id=reply.pk)
    return reply


@transaction.atomic
def delete_reply(thread, reply, user):
    """Delete a member's own reply; one that others answered stays as a marker."""
    if reply.user_id != user.pk or reply.is_removed:
        raise PermissionDenied(gettext("You can only delete your own replies."))
    if thread.answer_id == reply.pk:
        Thread.objects.filter(pk=thread.pk).update(answer=None, answered_by=None)
    if reply.nested_count:
        # update(), not save(): saving a removed reply would hide its answers too.
        XtdComment.objects.filter(pk=reply.pk).update(comment="", is_removed=True)
        tell_content_changed(XtdComment, [reply.pk])
        return
    if reply.level:
        XtdComment.objects.filter(pk=reply.parent_id).update(
            nested_count=F("nested_count") - 1
        )
    reply.delete()
    Thread.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") - 1)


def recount(thread_ids):
    """Make what threads and replies keep count of true again, after replies went in
    bulk: replies, last activity, answers under each reply, and the marked answer."""
    threads = Thread.objects.filter(pk__in=thread_ids)
    in_thread = (
        replies_to_any_thread()
        .filter(object_pk=Cast(OuterRef("pk"), CharField()))
        .order_by()
        .values("object_pk")
    )
    threads.update(
        reply_count=Coalesce(
            Subquery(in_thread.annotate(n=Count("pk")).values("n")), 0
        ),
        last_activity_at=Coalesce(
            Subquery(in_thread.annotate(latest=Max("submit_date")).values("latest")),
            F("created_at"),
        ),
    )
    answers = (
        XtdComment.norel_objects.filter(thread_id=OuterRef("thread_id"), level__gt=0)
        .order_by()
        .values("thread_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    replies_to_any_thread().filter(
        object_pk__in=[str(pk) for pk in thread_ids], level=0
    ).update(nested_count=Coalesce(Subquery(answers), 0))
    threads.filter(Q(answer=None) | Q(answer__is_removed=True)).update(
        answer=None, answered_by=None
    )


@transaction.atomic
def mark_answer(thread, reply, *, marked_by, tell=True):
    """A producer in the thread's theme marks the reply that answers a question."""
    role = roles.role_held(marked_by, thread.theme, Role.PRODUCER)
    if role is None:
        raise PermissionDenied(gettext("Only producers in this theme mark answers."))
    check_sees(marked_by, thread)
    if not thread.is_question:
        raise ReplyRefused(gettext("Only questions have answers."))
    if reply is None or reply.object_pk != str(thread.pk) or reply.is_removed:
        raise ReplyRefused(gettext("That reply is not in this thread."))
    thread.answer, thread.answered_by = reply, role.organisation
    thread.save(update_fields=["answer", "answered_by"])
    if not tell or thread.author is None:
        return thread
    notify(
        thread.author,
        "question_answered",
        "question_answered",
        {
            "thread_title": thread.title,
            "thread_id": thread.pk,
            "thread_url": thread.get_full_url(),
            "organisation": in_each_language([role.organisation])[0]
            if role.organisation
            else "",
        },
        theme=thread.theme,
    )
    return thread


def follow(thread, user, muted=False):
    check_sees(user, thread)
    ThreadFollow.objects.update_or_create(
        thread=thread, user=user, defaults={"muted": muted}
    )


def with_follow_state(threads, user):
    """`follow_state` on each thread: 'following', 'muted' or None for this member
    (asked in the threads' own query)."""
    if not user.is_authenticated:
        return threads.annotate(follow_state=Value(None, output_field=CharField()))
    follows = ThreadFollow.objects.filter(thread=OuterRef("pk"), user=user)
    return threads.annotate(
        follow_state=Case(
            When(Exists(follows.filter(muted=True)), then=Value("muted")),
            When(Exists(follows), then=Value("following")),
            output_field=CharField(),
        )
    )


def reply_page(thread, page_number, user=None):
    """One page of top-level replies, each with its own replies, in few queries."""
    # Held and hidden replies keep their place; the template decides who sees them.
    likes = CommentFlag.objects.filter(comment=OuterRef("pk"), flag=LIKEDIT_FLAG)
    replies = replies_to(thread).annotate(
        hidden_by_moderator=Exists(HiddenReply.objects.filter(reply=OuterRef("pk"))),
        like_count=Coalesce(
            Subquery(likes.values("comment").annotate(n=Count("pk")).values("n")), 0
        ),
        liked=Exists(likes.filter(user_id=user.pk))
        if user and user.is_authenticated
        else Value(False),
        # Rendered at save (forums/rendering.py): no Markdown is parsed here.
        html=Subquery(
            RenderedReply.objects.filter(reply=OuterRef("pk")).values("html")[:1]
        ),
        edited_at=Subquery(
            ReplyEdit.objects.filter(reply=OuterRef("pk")).values("edited_at")
        ),
    )
    page = Paginator(
        replies.filter(level=0).order_by("thread_id"), REPLIES_PER_PAGE
    ).get_page(page_number)
    # The page's top-level replies and their answers in one query: the page's
    # slice is its subquery.
    shown = list(
        replies.filter(
            level__lte=1, thread_id__in=page.object_list.values("thread_id")
        ).order_by("thread_id", "order")
    )
    page.object_list = [reply for reply in shown if reply.level == 0]
    children = defaultdict(list)
    for child in shown:
        if child.level:
            children[child.thread_id].append(child)
    unrendered = [reply for reply in shown if reply.html is None]
    for reply, html in zip(
        unrendered, render_posts([reply.comment for reply in unrendered]), strict=True
    ):
        reply.html = (
            html  # made outside the services (a bulk import): shown all the same
        )
    for reply in page:
        reply.children = children[reply.thread_id]
    page.posts = list(_in_reading_order(page))
    return page


def _in_reading_order(page):
    """Each top-level reply then its answers, as one list for the template's one
    loop: `ends_group` on the last of them, `top` the reply they answer."""
    for reply in page:
        group = [reply, *reply.children]
        for post in group:
            post.top, post.ends_group = reply, post is group[-1]
            yield post


def replies_to_any_thread():
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(Thread)
    )


def toggle_like(reply, user):
    """Like a reply, or take the like back. Nobody likes their own."""
    if reply.user_id == user.pk or reply.is_removed or not reply.is_public:
        raise ReplyRefused(gettext("You cannot like this reply."))
    check_sees(user, thread_of(reply), reply)
    like, created = CommentFlag.objects.get_or_create(
        comment=reply, user=user, flag=LIKEDIT_FLAG
    )
    if not created:
        like.delete()
    return created


def quoted(reply):
    """A reply as a Markdown quote, to start a new reply with."""
    name = reply.user.public_name if reply.user else gettext("A former member")
    said = gettext("%(name)s wrote:") % {"name": f"**{name}**"}
    lines = [said, "", *reply.comment.splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"


@transaction.atomic
def edit_thread(thread, user, *, title, body, kind, topics=(), statistics=None):
    if thread.author_id != user.pk:
        raise PermissionDenied(gettext("You can only edit threads you started."))
    check_not_suspended(user, thread.theme, gettext("edit your posts"))
    thread.title, thread.body, thread.kind = title, body, kind
    thread.edited_at = timezone.now()
    thread.save()
    thread.topics.set(topics)
    if statistics is not None:
        thread.statistics.set(statistics)
    if thread.is_public:
        tasks.tell_mentioned_after_edit.enqueue(thread_id=thread.pk)
    return thread


@transaction.atomic
def delete_thread(thread, user):
    """A member may delete a thread they started until somebody has replied."""
    if thread.author_id != user.pk:
        raise PermissionDenied(gettext("You can only delete threads you started."))
    if thread.reply_count:
        raise PermissionDenied(
            gettext(
                "Others have replied, so the thread stays. "
                "Ask a moderator if it must go."
            )
        )
    thread.delete()


def page_of_reply(thread, reply):
    """The number of the page of the thread (reply_page's) that shows this reply."""
    before = replies_to(thread).filter(level=0, thread_id__lt=reply.thread_id).count()
    return before // REPLIES_PER_PAGE + 1
