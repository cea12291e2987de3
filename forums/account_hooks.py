"""What forums tells accounts: the threads and replies a member has written."""

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment

from accounts.personal_data import PersonalData, PublicContribution
from core.signals import tell_content_changed
from core.translation import titled_in_language
from forums.email_replies import THREAD
from forums.models import Report, Thread
from forums.notifications import KINDS
from forums.services import recount, replies_to_any_thread
from themes import roles


def export_discussions(user):
    return {
        "threads": [
            {
                "theme": thread.theme.title,
                "title": thread.title,
                "kind": thread.get_kind_display(),
                "body": thread.body,
                "topics": sorted(topic.name for topic in thread.topics.all()),
                "started": thread.created_at.isoformat(),
            }
            for thread in Thread.objects.filter(author=user)
            .select_related("theme")
            .prefetch_related("topics")
        ],
        "replies": [
            {
                "thread_id": int(reply.object_pk),
                "text": reply.comment,
                "posted": reply.submit_date.isoformat(),
            }
            for reply in replies_to_any_thread().filter(user=user)
        ],
        "reports_you_made": [
            {
                "post": f"reply {report.reply_id}"
                if report.reply_id
                else f"thread {report.thread_id}",
                "reason": report.get_reason_display(),
                "detail": report.detail,
                "made": report.created_at.isoformat(),
            }
            for report in Report.objects.filter(reporter=user)
        ],
    }


def erase_discussions(user, keep_public_posts):
    """Keep: posts stay, shown as a former member's. Remove: only theirs go. A thread
    or a reply others answered stays, as a former member's thread or as 'this reply
    was deleted', so that nothing anybody else wrote goes with it."""
    mine = replies_to_any_thread().filter(user=user)
    if keep_public_posts:
        mine.update(ip_address=None)
        return
    theirs = replies_to_any_thread().exclude(user=user)
    touched = {int(pk) for pk in mine.values_list("object_pk", flat=True)}
    threads = Thread.objects.filter(author=user)
    kept = threads.filter(
        Exists(theirs.filter(object_pk=Cast(OuterRef("pk"), CharField())))
    )
    kept_ids = list(kept.values_list("pk", flat=True))
    kept.update(author=None)
    tell_content_changed(Thread, kept_ids)
    threads.delete()  # what is left had no reply but theirs
    answered = theirs.filter(parent_id=OuterRef("pk")).exclude(pk=OuterRef("pk"))
    emptied = mine.filter(Exists(answered))
    emptied_ids = list(emptied.values_list("pk", flat=True))
    emptied.update(comment="", is_removed=True, user=None, ip_address=None)
    tell_content_changed(XtdComment, emptied_ids)
    mine.delete()  # the replies just emptied are no longer theirs
    recount(touched)


def public_threads(user):
    threads = roles.public_posts(Thread.objects.filter(author=user))
    threads = list(threads.select_related("theme")[:10])
    # Their themes in the reader's language: one query.
    titled_in_language(thread.theme for thread in threads)
    return [
        PublicContribution(
            text=f"{thread.title} ({thread.theme.title_in_language})",
            url=thread.get_absolute_url(),
        )
        for thread in threads
    ]


NOTIFICATION_KINDS = KINDS
REPLY_TARGETS = [THREAD]

PERSONAL_DATA = PersonalData(
    key="discussions",
    label=_("Threads started"),
    export=export_discussions,
    erase=erase_discussions,
    public=public_threads,
)


def posts_others_see(user):
    """Threads and replies by the member that others can see, for accounts.trust."""
    return (
        Thread.objects.filter(author=user, is_public=True).count()
        + replies_to_any_thread()
        .filter(user=user, is_public=True, is_removed=False)
        .count()
    )
