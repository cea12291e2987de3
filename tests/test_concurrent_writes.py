"""The site's own database takes many writers at once: no "database is locked"."""

from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from forums.factories import ThreadFactory
from forums.models import Thread
from forums.services import replies_to
from themes.factories import ThemePageFactory

WRITERS = 16


def test_members_writing_at_once_are_all_stored(database, theme_index):
    theme = ThemePageFactory(parent=theme_index, title="Economy", slug="economy")
    thread = ThreadFactory(theme=theme, title="Inflation")
    members = UserFactory.create_batch(WRITERS)
    reply_url = reverse(
        "forums:reply",
        kwargs={"theme_slug": theme.slug, "pk": thread.pk, "slug": thread.slug},
    )
    new_thread_url = reverse("forums:new_thread", kwargs={"theme_slug": theme.slug})

    def write(n):
        client = Client()
        client.force_login(members[n])
        if n % 2:
            return client.post(reply_url, {"comment": f"Reply {n}"}).status_code
        data = {"kind": "discussion", "title": f"Thread {n}", "body": "Hello"}
        return client.post(new_thread_url, data).status_code

    answers = database.at_once(WRITERS, write)

    failed = [answer for answer in answers if answer != 302]
    assert len(failed) == 0, failed[:3]

    def stored():
        return (
            replies_to(thread).count(),
            Thread.objects.filter(title__startswith="Thread ").count(),
            connection.cursor().execute("PRAGMA journal_mode").fetchone()
            if connection.vendor == "sqlite"
            else ("wal",),
        )

    assert database.run(stored) == (WRITERS // 2, WRITERS // 2, ("wal",))
