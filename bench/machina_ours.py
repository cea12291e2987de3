"""Build our side of bench/machina.py into the database the environment names:
the same authors and Markdown as machina's topic, through our factories and services.

Usage: DJANGO_SETTINGS_MODULE=statsforum.settings.production ... python
bench/machina_ours.py SPEC.json OUT.json (after migrate and seed_demo)."""

import json
import sys

import common  # noqa: F401  (sets Django up; background tasks are not run)
from django.db import transaction

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from themes.models import ThemePage


def main(spec_path, out_path):
    with open(spec_path) as spec_file:
        spec = json.load(spec_file)
    authors = [
        UserFactory(
            first_name=a["first"],
            last_name=a["last"],
            email=f"{a['username']}@bench.example.org",
            password=spec["password"],
        )
        for a in spec["authors"]
    ]
    member = UserFactory(
        first_name="Bench",
        last_name="Member",
        email=f"{spec['member']}@bench.example.org",
        password=spec["password"],
    )
    theme = ThemePage.objects.get(slug="migration")
    thread = ThreadFactory(
        theme=theme, author=authors[0], title=spec["title"], body=spec["opening"]
    )
    # As bench/discussions.py grows a thread: a top-level reply, then three answers.
    # One transaction: a commit per reply makes SQLite take minutes.
    with transaction.atomic():
        for n, body in enumerate(spec["bodies"]):
            author = authors[n % len(authors)]
            if n % 4 == 0:
                top = services.post_reply(thread, author, body)
            else:
                services.post_reply(thread, author, body, parent_id=top.pk)
    with open(out_path, "w") as out:
        json.dump(
            {
                "thread": thread.get_absolute_url(),
                "theme": theme.get_url(),
                "member": member.email,
            },
            out,
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])
