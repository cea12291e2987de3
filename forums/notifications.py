"""Who hears about a new thread or reply, through the accounts notification backbone."""

from django_comments_xtd.models import XtdComment

from accounts.notifications import NotificationKind, notify
from forums.markdown import render_markdown
from forums.models import Thread, ThreadFollow

KINDS = [
    NotificationKind(
        key="thread_reply",
        label="New replies in threads you follow",
        description="You follow a thread when you start it or reply to it.",
        per_theme=True,
    ),
    NotificationKind(
        key="new_thread",
        label="New threads",
        description="When a member starts a thread in a theme you have joined.",
        per_theme=True,
        default="daily",
    ),
    NotificationKind(
        key="question_answered",
        label="Answers to your questions",
        description="When a producer marks the answer to a question you asked.",
        per_theme=True,
    ),
]


def tell_followers_of_reply(reply_id):
    reply = XtdComment.objects.select_related("user").get(pk=reply_id)
    thread = Thread.objects.select_related("theme").get(pk=int(reply.object_pk))
    context = {
        "thread_title": thread.title,
        "thread_url": thread.get_full_url() + f"#reply-{reply.pk}",
        "theme_title": thread.theme.title,
        "author_name": reply.user.public_name if reply.user else "A former member",
        "text": reply.comment,
        "html": render_markdown(reply.comment),
    }
    followers = (
        ThreadFollow.objects.filter(thread=thread, muted=False)
        .exclude(user_id=reply.user_id)
        .select_related("user")
    )
    for follow in followers:
        notify(follow.user, "thread_reply", "thread_reply", context, theme=thread.theme)


def tell_members_of_thread(thread_id):
    thread = Thread.objects.select_related("theme", "author").get(pk=thread_id)
    context = {
        "thread_title": thread.title,
        "thread_url": thread.get_full_url(),
        "theme_title": thread.theme.title,
        "author_name": thread.author.public_name
        if thread.author
        else "A former member",
        "kind": thread.get_kind_display(),
        "text": thread.body,
        "html": thread.body_html,
    }
    memberships = thread.theme.memberships.exclude(user=thread.author).select_related(
        "user"
    )
    for membership in memberships:
        notify(membership.user, "new_thread", "new_thread", context, theme=thread.theme)
