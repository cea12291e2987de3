"""Demo members, threads and replies (demo.content.forums); nobody is emailed."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from demo.content.forums import DEMO_MEMBERS, THREADS
from forums import services
from forums.models import Thread
from themes import services as theme_services
from themes.models import ThemePage


def create_demo_members(password):
    members = {}
    for spec in DEMO_MEMBERS:
        fields = {k: v for k, v in spec.items() if k not in {"key", "email"}}
        # Established members: their posts need no moderator's approval.
        fields["trusted_since"] = timezone.now()
        fields["date_joined"] = timezone.now() - timedelta(days=180)
        member, created = User.objects.get_or_create(
            email=spec["email"], defaults=fields
        )
        if created:
            member.set_password(password)
            member.save(update_fields=["password"])
            EmailAddress.objects.create(
                user=member, email=member.email, verified=True, primary=True
            )
        members[spec["key"]] = member
    return members


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
