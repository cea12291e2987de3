"""Build machina's side of the benchmark: one forum, one topic of the given posts by
the given authors, a member to sign in as, and visitors allowed to read.

Usage: python build_data.py SPEC.json OUT.json (run in machina's virtualenv)."""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from machina.apps.forum.models import Forum  # noqa: E402
from machina.apps.forum_conversation.models import Post, Topic  # noqa: E402
from machina.apps.forum_permission.models import (  # noqa: E402
    ForumPermission,
    UserForumPermission,
)


def main(spec_path, out_path):
    with open(spec_path) as spec_file:
        spec = json.load(spec_file)
    User = get_user_model()
    with transaction.atomic():
        authors = [
            User.objects.create_user(
                username=a["username"],
                first_name=a["first"],
                last_name=a["last"],
                password=spec["password"],
            )
            for a in spec["authors"]
        ]
        User.objects.create_user(username=spec["member"], password=spec["password"])
        # Anyone may read the forum, as on ours; members get the settings' defaults.
        for codename in ["can_see_forum", "can_read_forum"]:
            UserForumPermission.objects.create(
                permission=ForumPermission.objects.get(codename=codename),
                anonymous_user=True,
                has_perm=True,
            )
        forum = Forum.objects.create(name="Migration", type=Forum.FORUM_POST)
        topic = Topic.objects.create(
            forum=forum,
            poster=authors[0],
            subject=spec["title"],
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=True,
        )
        Post.objects.create(
            topic=topic,
            poster=authors[0],
            subject=spec["title"],
            content=spec["opening"],
            approved=True,
        )
        for n, body in enumerate(spec["bodies"]):
            Post.objects.create(
                topic=topic,
                poster=authors[n % len(authors)],
                subject=f"Re: {spec['title']}",
                content=body,
                approved=True,
            )
    topic.refresh_from_db()
    url = reverse(
        "forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk]
    )
    with open(out_path, "w") as out:
        json.dump({"topic": url, "posts": topic.posts_count}, out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
