"""p95 and query count of /search/ over 100,000 posts, for a common and a rare word.

Run on PostgreSQL, each in its own throwaway database (not in CI):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/statsforum_bench \\
        .venv/bin/python bench/search.py --posts 100000

The posts are bulk-created (threads, and replies as django-comments-xtd rows) and
indexed by `rebuild_search_index`'s code, which is timed too. Every post says
"statistics" (the common word); one in 10,000 says "lighthouse" (the rare one).
"""

import argparse
import random
import statistics
import time

from common import build_site, test_database, timed_runs
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

from accounts.factories import OrganisationFactory, UserFactory
from forums.models import Thread
from search import indexing
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

WORDS = [
    "population",
    "migration",
    "housing",
    "health",
    "census",
    "survey",
    "estimate",
    "region",
    "local",
    "authority",
    "quarterly",
    "monthly",
    "annual",
    "release",
    "table",
    "series",
    "revision",
    "method",
    "sample",
    "household",
    "income",
    "employment",
    "labour",
    "market",
    "visa",
    "asylum",
    "student",
    "work",
    "family",
    "dependant",
    "nationality",
    "arrivals",
    "departures",
    "net",
    "flow",
    "rate",
    "index",
    "price",
    "inflation",
    "wages",
    "hours",
    "sector",
    "industry",
    "output",
    "productivity",
    "trade",
    "export",
    "import",
]
REPLIES_PER_THREAD = 19


def sentence(rng, n, rare):
    words = [rng.choice(WORDS) for _ in range(n)]
    words.insert(rng.randrange(n), "statistics")
    if rare:
        words.insert(rng.randrange(n), "lighthouse")
    return " ".join(words).capitalize() + "."


def make_posts(total, rng):
    site = build_site()
    editor = UserFactory(is_superuser=True)
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    themes = [
        ThemePageFactory(parent=site, title=f"Theme {n}", slug=f"theme-{n}")
        for n in range(8)
    ]
    authors = UserFactory.create_batch(200)
    producers = [appoint(theme, Role.PRODUCER, editor, ons) for theme in themes]
    threads_wanted = total // (REPLIES_PER_THREAD + 1)
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(
            theme=themes[n % len(themes)],
            author=authors[n % len(authors)],
            title=f"Question {n} about {rng.choice(WORDS)} {rng.choice(WORDS)}",
            body=sentence(rng, 40, n % 10_000 == 7),
            body_html=f"<p>{sentence(rng, 40, n % 10_000 == 7)}</p>",
            kind="question",
            created_at=now,
            last_activity_at=now,
        )
        for n in range(threads_wanted)
    )
    thread_type = ContentType.objects.get_for_model(Thread)
    replies = []
    for number, thread in enumerate(threads):
        theme_index = themes.index(thread.theme)
        for n in range(REPLIES_PER_THREAD):
            by_producer = n == 0
            replies.append(
                Comment(
                    content_type=thread_type,
                    object_pk=str(thread.pk),
                    site_id=settings.SITE_ID,
                    user=producers[theme_index] if by_producer else rng.choice(authors),
                    comment=sentence(rng, 30, (number * 19 + n) % 10_000 == 3),
                    submit_date=now,
                    is_public=True,
                )
            )
    # django-comments-xtd's rows extend django-comments' (multi-table): each is its
    # own conversation, as a top-level reply is.
    comments = Comment.objects.bulk_create(replies, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {XtdComment._meta.db_table} "  # noqa: S608 (our table name)
            '(comment_ptr_id, thread_id, parent_id, level, "order", followup, '
            "nested_count) VALUES (%s, %s, %s, 0, 1, false, 0)",
            [(c.pk, c.pk, c.pk) for c in comments],
        )
    return len(threads) + len(replies), ons


def p95(action, repeat):
    """(queries, median ms, 95th percentile ms) of `action` over `repeat` runs."""
    queries, timings = timed_runs(action, repeat)
    return (
        queries,
        statistics.median(timings),
        timings[max(0, int(len(timings) * 0.95) - 1)],
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    rng = random.Random(14)  # noqa: S311 (made-up text, not secrets)

    with test_database() as vendor:
        posts, ons = make_posts(args.posts, rng)
        start = time.perf_counter()
        documents = indexing.rebuild()
        took = time.perf_counter() - start
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
        print(f"database: {vendor}; {posts} posts; {documents} documents indexed")
        print(f"rebuild_search_index: {took:.1f} s")
        member = UserFactory()
        signed_in = Client()
        signed_in.force_login(member)
        print(f"{'who':<10} {'search':<34} {'queries':>7} {'median':>7} {'p95 ms':>7}")
        for who, client in [("visitor", Client()), ("member", signed_in)]:
            for label, params in [
                ("common word", {"query": "statistics"}),
                ("common word, newest", {"query": "statistics", "sort": "newest"}),
                ("common word, page 50", {"query": "statistics", "page": 50}),
                ("two words", {"query": "visa statistics"}),
                ("rare word", {"query": "lighthouse"}),
                ("rare word, by ONS", {"query": "lighthouse", "organisation": ons.pk}),
                ("no match", {"query": "zzzqqq"}),
            ]:

                def action(client=client, params=params):
                    response = client.get("/search/", params)
                    assert response.status_code == 200

                queries, median, slowest = p95(action, args.repeat)
                print(
                    f"{who:<10} {label:<34} {queries:>7} {median:>7.1f} {slowest:>7.1f}"
                )


if __name__ == "__main__":
    main()
