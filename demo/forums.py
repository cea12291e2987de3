"""Demo threads and replies, built from demo.content.forums; nobody is emailed."""

from demo.content.forums import THREADS
from forums import services
from forums.models import Thread
from themes import services as theme_services
from themes.models import ThemePage


def create_demo_threads(users):
    """Add each demo thread that is missing, with its replies and any answer."""
    themes = {theme.slug: theme for theme in ThemePage.objects.all()}
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
