"""Queries and times of a thread page, the theme's thread list and posting a reply,
as a thread grows to 10, 100, 1,000 and 10,000 replies."""

import argparse

from common import build_site, get_ok, measure, test_database
from django.test import Client

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from themes.factories import ThemePageFactory


def grow(thread, authors, replies):
    """Add replies: each top-level reply gets three answers."""
    for n in range(replies):
        if n % 4 == 0:
            top = services.post_reply(thread, authors[n % len(authors)], f"Reply {n}")
        else:
            services.post_reply(
                thread, authors[n % len(authors)], f"Answer {n}", parent_id=top.pk
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    with test_database() as vendor:
        theme = ThemePageFactory(parent=build_site(), slug="migration")
        authors = UserFactory.create_batch(20)
        thread = ThreadFactory(theme=theme, author=authors[0])
        ThreadFactory.create_batch(30, theme=theme, author=authors[1])
        member = authors[2]
        client = Client()
        print(f"database: {vendor}")
        print(f"{'replies':>8} {'measure':<14} {'queries':>7} {'median ms':>10}")
        replies = 0
        for size in sorted(args.sizes):
            grow(thread, authors, size - replies)
            replies = size
            thread.refresh_from_db()
            top = services.replies_to(thread).filter(level=0).last()
            for name, action in [
                ("thread page", get_ok(client, thread.get_absolute_url())),
                ("thread list", get_ok(client, "/themes/migration/discussions/")),
                ("post reply", lambda: services.post_reply(thread, member, "Hello")),
                (
                    "post answer",
                    lambda top=top: services.post_reply(
                        thread, member, "Answer", parent_id=top.pk
                    ),
                ),
            ]:
                queries, ms = measure(action, args.repeat)
                print(f"{size:>8} {name:<14} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
