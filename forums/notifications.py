"""Who hears about a new thread or reply, through the accounts notification backbone."""

from functools import partial

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment

from accounts.notifications import (
    Frequency,
    NotificationKind,
    notify,
    notify_addresses,
    notify_many,
)
from catalogue import contact_emails
from catalogue.services import followers as catalogue_followers
from core.translation import (
    in_each_language,
    said_in_each_language,
    title_in_each_language,
)
from forums.markdown import render_markdown
from forums.mentions import mentioned_members
from forums.models import Thread, ThreadFollow
from forums.questions import contacts_of
from forums.visibility import threads_visible_to
from themes import roles


def withdrawn_replies(rows):
    """Replies hidden, deleted or erased since, or in threads the member muted."""
    reply_ids = {int(row.event_key.split(":")[1]) for row in rows}
    current = XtdComment.objects.filter(
        pk__in=reply_ids, is_public=True, is_removed=False, user__erased_at=None
    ).exclude(user=None)
    thread_of = {
        pk: int(thread) for pk, thread in current.values_list("pk", "object_pk")
    }
    muted = set(
        ThreadFollow.objects.filter(
            user__in={row.user_id for row in rows},
            thread__in=set(thread_of.values()),
            muted=True,
        ).values_list("user_id", "thread_id")
    )
    return {
        row.pk
        for row in rows
        if (reply := int(row.event_key.split(":")[1])) not in thread_of
        or (row.user_id, thread_of[reply]) in muted
    }


def withdrawn_threads(rows):
    """Threads hidden, deleted or erased since."""
    thread_ids = {int(row.event_key.split(":")[1]) for row in rows}
    current = set(
        Thread.objects.filter(pk__in=thread_ids, is_public=True, author__erased_at=None)
        .exclude(author=None)
        .values_list("pk", flat=True)
    )
    return {row.pk for row in rows if int(row.event_key.split(":")[1]) not in current}


def withdrawn_mentions(rows):
    """Mentions in replies or threads hidden, deleted or erased since."""
    posts = {row.pk: row.event_key.split(":")[1].split("-") for row in rows}
    reply_ids = {int(pk) for kind, pk in posts.values() if kind == "reply"}
    thread_ids = {int(pk) for kind, pk in posts.values() if kind == "thread"}
    current = {
        ("reply", str(pk))
        for pk in XtdComment.objects.filter(
            pk__in=reply_ids, is_public=True, is_removed=False, user__erased_at=None
        )
        .exclude(user=None)
        .values_list("pk", flat=True)
    } | {
        ("thread", str(pk))
        for pk in Thread.objects.filter(
            pk__in=thread_ids, is_public=True, author__erased_at=None
        )
        .exclude(author=None)
        .values_list("pk", flat=True)
    }
    return {pk for pk, post in posts.items() if tuple(post) not in current}


KINDS = [
    NotificationKind(
        key="thread_reply",
        link="thread_url",
        reply_target="thread",
        reply_id="thread_id",
        label=_("New replies in threads you follow"),
        description=_("You follow a thread when you start it or reply to it."),
        per_theme=True,
        withdrawn=withdrawn_replies,
    ),
    NotificationKind(
        key="new_thread",
        link="thread_url",
        reply_target="thread",
        reply_id="thread_id",
        label=_("New threads"),
        description=_(
            "When a member starts a thread in a theme you have joined. A "
            "theme's producers and chairs hear of new questions at once unless they "
            "choose otherwise."
        ),
        per_theme=True,
        default="daily",
        withdrawn=withdrawn_threads,
    ),
    NotificationKind(
        key="question_answered",
        link="thread_url",
        reply_target="thread",
        reply_id="thread_id",
        label=_("Answers to your questions"),
        description=_("When a producer marks the answer to a question you asked."),
        per_theme=True,
    ),
    NotificationKind(
        key="statistic_thread",
        link="thread_url",
        label=_("New threads about statistics you follow"),
        description=_(
            "When a member starts a thread naming a statistic you follow, in any theme."
        ),
        withdrawn=withdrawn_threads,
    ),
    NotificationKind(
        key="statistic_question",
        link="thread_url",
        label=_("Questions about statistics you are a contact for"),
        description=_(
            "Emailed to a statistic's contacts who have no account, with a link "
            "that stops them."
        ),
        # No member's choice: it goes to addresses, each with its own stop link.
        optional=False,
        stop_link="stop_url",
    ),
    NotificationKind(
        key="mention",
        link="thread_url",
        reply_target="thread",
        reply_id="thread_id",
        label=_("Mentions"),
        description=_(
            "When a member mentions you as @handle in a thread or reply you can see."
        ),
        withdrawn=withdrawn_mentions,
    ),
]


def author_name(user):
    """Who wrote it, for a stored context: a member's name, or the site's words for
    one erased since, in each language (an email is written later, in its
    reader's)."""
    if user is not None:
        return user.public_name
    return said_in_each_language(lambda: gettext("A former member"))


def tell_followers_of_reply(reply_id):
    reply = XtdComment.objects.select_related("user").get(pk=reply_id)
    thread = Thread.objects.select_related("theme").get(pk=int(reply.object_pk))
    context = {
        "thread_title": thread.title,
        "thread_id": thread.pk,
        "thread_url": thread.get_full_url() + f"#reply-{reply.pk}",
        "theme_title": title_in_each_language(thread.theme),
        "author_name": author_name(reply.user),
        "text": reply.comment,
        "html": render_markdown(reply.comment),
    }
    followers = get_user_model().objects.filter(
        follows__thread=thread, follows__muted=False
    )
    if reply.user_id:
        followers = followers.exclude(pk=reply.user_id)
    return notify_many(
        followers,
        "thread_reply",
        "thread_reply",
        context,
        theme=thread.theme,
        event_key=f"reply:{reply.pk}",
    )


def tell_members_of_thread(thread_id):
    thread = Thread.objects.select_related("theme", "author").get(pk=thread_id)
    context = {
        "thread_title": thread.title,
        "thread_id": thread.pk,
        "thread_url": thread.get_full_url(),
        "theme_title": title_in_each_language(thread.theme),
        "author_name": author_name(thread.author),
        # Not "kind": the outbox gives every email its NotificationKind by that name.
        "thread_kind": said_in_each_language(thread.get_kind_display),
        "text": thread.body,
        "html": thread.body_html,
    }
    people = get_user_model().objects.exclude(pk=thread.author_id)
    members = people.filter(memberships__theme=thread.theme)
    tell = partial(
        notify_many,
        kind_key="new_thread",
        template="new_thread",
        context=context,
        theme=thread.theme,
        event_key=f"thread:{thread.pk}",
    )
    if not thread.is_question:
        return tell(members)
    # A question is for the producers: they, the chairs and the contacts of the
    # statistics it names hear of it at once, members or not, unless they chose
    # otherwise.
    looking_after = Q(pk__in=roles.holders(theme=thread.theme).values("pk")) | Q(
        pk__in=contacts_of(thread).values("pk")
    )
    return (
        tell(people.filter(looking_after), default=Frequency.IMMEDIATELY)
        + tell(members.exclude(looking_after))
        + len(tell_contacts_without_account(thread, context))
    )


def tell_contacts_without_account(thread, context):
    """The contacts of the statistics a question names who have no account hear of
    it by email, at their address (`notify_addresses`), in the same transaction
    and under the same event key as the members: a fan-out run again sends none
    twice. An address that is a member's is told as that member (`contacts_of`)."""
    statistics = {
        statistic.pk: statistic
        for statistic in thread.statistics.select_related("producer")
    }
    people = contact_emails.to_email(list(statistics))
    recipients = [
        {
            "address": address,
            "name": name,
            "context": {
                "statistics": [statistics[pk].name for pk in ids],
                "producer_id": statistics[ids[0]].producer_id,
                "stop_url": contact_emails.stop_link(address, ids),
            },
        }
        for address, (name, ids) in people.items()
    ]
    return notify_addresses(
        recipients,
        "statistic_question",
        "statistic_question",
        context,
        event_key=f"thread:{thread.pk}",
        theme=thread.theme,
    )


def tell_mentioned_in_reply(reply_id):
    reply = (
        XtdComment.objects.select_related("user")
        .filter(pk=reply_id, is_public=True, is_removed=False)
        .first()
    )
    if reply is None:
        return 0
    thread = Thread.objects.select_related("theme").get(pk=int(reply.object_pk))
    return _tell_mentioned(
        thread,
        reply.user,
        reply.comment,
        post=f"reply-{reply.pk}",
        url=thread.get_full_url() + f"#reply-{reply.pk}",
    )


def tell_mentioned_in_thread(thread_id):
    thread = Thread.objects.select_related("theme", "author").get(pk=thread_id)
    if not thread.is_public:
        return 0
    return _tell_mentioned(
        thread,
        thread.author,
        thread.body,
        post=f"thread-{thread.pk}",
        url=thread.get_full_url(),
    )


def _tell_mentioned(thread, author, text, *, post, url):
    """Tell the members the post mentions (the first few), if they can see the
    thread; never its author. Telling a member twice of one post (after an edit)
    makes no second notification: the event key is the post and the member."""
    context = {
        "thread_title": thread.title,
        "thread_id": thread.pk,
        "thread_url": url,
        "theme_title": title_in_each_language(thread.theme),
        "author_name": author_name(author),
        "text": text,
        # Without links to profiles: an email needs whole addresses.
        "html": render_markdown(text),
    }
    told = 0
    for member in mentioned_members(text):
        if author and member.pk == author.pk:
            continue
        if not threads_visible_to(member).filter(pk=thread.pk).exists():
            continue
        row = notify(
            member,
            "mention",
            "mention",
            context,
            event_key=f"mention:{post}:{member.pk}",
        )
        told += row is not None
    return told


def tell_followers_of_statistics(thread_id):
    """Those who follow a statistic the thread names hear of it, once. The event is
    their own (`statistic_thread:<id>`): sharing the theme's `thread:<id>` would let
    a row they were written for another reason (a digest's new thread, a question
    sent to contacts) swallow the notice they asked for."""
    thread = Thread.objects.select_related("theme", "author").get(pk=thread_id)
    statistics = list(thread.statistics.all())
    if not statistics:
        return 0
    followers = catalogue_followers(statistics).exclude(pk=thread.author_id)
    return notify_many(
        followers,
        "statistic_thread",
        "statistic_thread",
        {
            "thread_title": thread.title,
            "thread_url": thread.get_full_url(),
            "theme_title": title_in_each_language(thread.theme),
            "statistics": in_each_language(statistics),
            "author_name": author_name(thread.author),
            "thread_kind": said_in_each_language(thread.get_kind_display),
            "text": thread.body,
            "html": thread.body_html,
        },
        event_key=f"statistic_thread:{thread.pk}",
    )
