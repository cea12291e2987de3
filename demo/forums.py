"""Demo threads and replies, built from demo.content.forums; nobody is emailed."""

from datetime import timedelta

from django.utils import timezone
from django_comments_xtd.models import XtdComment

from core.translation import of_record
from demo.content.forums import THREADS
from forums import services
from forums.models import Thread
from forums.services import replies_to
from themes import services as theme_services
from themes.models import ThemePage


def create_demo_threads(users):
    """Add each demo thread that is missing, with its replies and any answer."""
    themes = {theme.slug: theme for theme in of_record(ThemePage.objects.all())}
    for spec in THREADS:
        theme = themes[spec["theme"]]
        if Thread.objects.filter(theme=theme, title=spec["title"]).exists():
            continue
        author = users[spec["author"]]
        theme_services.join_theme(author, theme)
        thread = services.start_thread(
            author,
            theme,
            title=spec["title"],
            body=spec["body"],
            kind=spec["kind"],
            topics=spec["topics"],
            tell=False,
        )
        top_level = []
        for reply_spec in spec["replies"]:
            reply = services.post_reply(
                thread, users[reply_spec["author"]], reply_spec["text"], tell=False
            )
            top_level.append(reply)
            for answer in reply_spec["answers"]:
                services.post_reply(
                    thread,
                    users[answer["author"]],
                    answer["text"],
                    parent_id=reply.pk,
                    tell=False,
                )
        if spec["answer"] is not None:
            services.mark_answer(
                thread,
                top_level[spec["answer"]],
                marked_by=users["producer"],
                tell=False,
            )
        date_the_thread(thread, spec["days_ago"])


def date_the_thread(thread, days_ago):
    """Move a new demo thread and its replies back in time, the replies a few days
    apart in the order they were posted, so the figures' response times and
    periods show something true to life."""
    started = timezone.now() - timedelta(days=days_ago)
    replies = list(replies_to(thread).order_by("pk").values_list("pk", flat=True))
    # Never later than now: a young thread's replies come closer together.
    every = min(timedelta(days=4), (timezone.now() - started) / (len(replies) + 1))
    for n, pk in enumerate(replies, start=1):
        XtdComment.objects.filter(pk=pk).update(submit_date=started + every * n)
    last = started + every * len(replies)
    Thread.objects.filter(pk=thread.pk).update(
        created_at=started, last_activity_at=last
    )
