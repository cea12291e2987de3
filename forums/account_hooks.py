"""What forums tells accounts: the threads and replies a member has written."""

from accounts.personal_data import PersonalData, PublicContribution
from forums.models import Report, Thread
from forums.services import replies_to_any_thread


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
    """Keep: posts stay, shown as a former member's. Remove: they go, except that a
    reply others have answered becomes 'this reply was deleted', keeping theirs."""
    if keep_public_posts:
        replies_to_any_thread().filter(user=user).update(ip_address=None)
        return
    for thread in Thread.objects.filter(author=user):
        thread.delete()
    mine = replies_to_any_thread().filter(user=user)
    mine.filter(nested_count__gt=0).update(
        comment="", is_removed=True, user=None, ip_address=None
    )
    mine.filter(nested_count=0).delete()


def public_threads(user):
    return [
        PublicContribution(
            text=f"{thread.title} ({thread.theme.title})", url=thread.get_absolute_url()
        )
        for thread in Thread.objects.filter(author=user, is_public=True).select_related(
            "theme"
        )[:10]
    ]


DISCUSSIONS_DATA = PersonalData(
    key="discussions",
    label="Threads started",
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
