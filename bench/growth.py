"""Growth curves: queries and in-process time of every anonymous page type as the
site grows from 10 to 100,000 rows of each kind.

    .venv/bin/python bench/growth.py                          # SQLite, 10 to 100,000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sf_bench \\
        .venv/bin/python bench/growth.py --sizes 10 100 1000 10000

At each size N the site has N discussions in the theme, one thread with N replies,
N data gaps (bench/gaps.py's builder), N statistics, all bulk-created, and meetings
and consultations up to --pages-up-to each (Wagtail pages, made one by one by the
factories). Each page is fetched by an anonymous visitor through Django's test
client: queries of one request and the median of --repeat (after a warm-up).
"""

import argparse
import importlib.util
import random
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from common import build_site, get_ok, measure, test_database
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment
from taggit.models import Tag
from wagtail.models import Locale

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.models import Statistic
from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory
from forums import rendering
from forums.models import Thread
from gaps.models import DataGap
from search import indexing
from themes.factories import ThemePageFactory


def bench_module(name):
    """A sibling bench script, loaded by path: its name is an app's too."""
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_gaps = bench_module("gaps")
BATCH = 5000
REPLY = (
    "Thanks: the **quarterly** series is on the release page, and the "
    "[methods note](https://statistics.example.org/methods) explains the revision.\n\n"
    "- local authority estimates\n- by age and sex\n"
)
PAGES = [
    ("home", lambda site: "/"),
    ("theme", lambda site: site.theme.url),
    ("thread", lambda site: site.thread.get_absolute_url()),
    ("discussions", lambda site: f"{site.theme.url}discussions/"),
    ("data gaps", lambda site: "/data-gaps/"),
    ("a gap", lambda site: site.gap.get_absolute_url()),
    ("meetings", lambda site: "/meetings/"),
    ("consultations", lambda site: "/consultations/"),
    ("get involved", lambda site: "/get-involved/"),
    ("search", lambda site: "/search/?query=statistics"),
    ("statistics", lambda site: "/statistics/"),
]


@contextmanager
def phase(name, size):
    """How long building took, on stderr: the figures stay on stdout."""
    start = time.perf_counter()
    yield
    print(
        f"  built {name} to {size:,} in {time.perf_counter() - start:.0f} s",
        file=sys.stderr,
        flush=True,
    )


class Site:
    """The growing site: what each page's URL needs, and how much of each exists."""

    def __init__(self):
        self.theme = ThemePageFactory(parent=build_site(), slug="migration")
        self.people = UserFactory.create_batch(50)
        self.organisations = OrganisationFactory.create_batch(5)
        self.tags = [Tag.objects.create(name=topic) for topic in bench_gaps.TOPICS]
        self.thread = Thread.objects.create(
            theme=self.theme,
            author=self.people[0],
            title="Local migration estimates",
            body="Where are the statistics by local authority?",
        )
        self.rng = random.Random(15)  # noqa: S311 (made-up data, not secrets)
        self.size = self.meetings = self.consultations = 0
        self.gap = None

    def grow(self, size, pages_up_to):
        more = size - self.size
        with phase("discussions", size):
            self.add_threads(more)
        with phase("replies", size):
            self.add_replies(more)
        with phase("data gaps", size):
            bench_gaps.add_gaps(
                self.theme, self.size, more, self.people, self.organisations, self.tags
            )
        self.gap = DataGap.objects.filter(support_count__gt=0).order_by("pk").first()
        with phase("statistics", size):
            self.add_statistics(more)
        with phase("meetings and consultations", size):
            meetings = min(size, pages_up_to) - self.meetings
            EventPageFactory.create_batch(
                meetings, parent=self.theme, start=timezone.now() + timedelta(days=8)
            )
            consultations = min(size, pages_up_to) - self.consultations
            ConsultationPageFactory.create_batch(consultations, parent=self.theme)
            self.meetings += meetings
            self.consultations += consultations
        self.size = size
        with phase("search index", size):
            indexing.rebuild()
        if connection.vendor == "postgresql":
            # As autovacuum would have by now: the planner needs the new rows' counts.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def add_threads(self, count):
        now = timezone.now()
        Thread.objects.bulk_create(
            (
                Thread(
                    theme=self.theme,
                    author=self.people[n % len(self.people)],
                    title=f"Question {self.size + n} about statistics",
                    body="Is there a series on this?",
                    body_html="<p>Is there a series on this?</p>",
                    created_at=now - timedelta(minutes=n),
                    last_activity_at=now - timedelta(minutes=n),
                )
                for n in range(count)
            ),
            batch_size=BATCH,
        )

    def add_replies(self, count):
        """Top-level replies to the one thread, as django-comments-xtd stores them,
        with their HTML rendered as saving would (forums/rendering.py)."""
        thread_type = ContentType.objects.get_for_model(Thread)
        now = timezone.now()
        for start in range(0, count, BATCH):
            comments = Comment.objects.bulk_create(
                Comment(
                    content_type=thread_type,
                    object_pk=str(self.thread.pk),
                    site_id=settings.SITE_ID,
                    user=self.rng.choice(self.people),
                    comment=REPLY,
                    submit_date=now,
                    is_public=True,
                )
                for _ in range(min(BATCH, count - start))
            )
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {XtdComment._meta.db_table} "  # noqa: S608 (ours)
                    '(comment_ptr_id, thread_id, parent_id, level, "order", '
                    "followup, nested_count) VALUES (%s, %s, %s, 0, 1, false, 0)",
                    [(c.pk, c.pk, c.pk) for c in comments],
                )
            rendering.store_reply_texts((c.pk, c.comment) for c in comments)
        Thread.objects.filter(pk=self.thread.pk).update(last_activity_at=now)

    def add_statistics(self, count):
        # bulk_create skips the pre-save signal that gives a new row its locale.
        english = Locale.get_default()
        Statistic.objects.bulk_create(
            (
                Statistic(
                    name=f"Survey of things {self.size + n}",
                    slug=f"survey-of-things-{self.size + n}",
                    description="Estimates of things, by region.",
                    producer=self.organisations[n % len(self.organisations)],
                    status=Statistic.Status.OFFICIAL,
                    cadence=Statistic.Cadence.QUARTERLY,
                    locale=english,
                )
                for n in range(count)
            ),
            batch_size=BATCH,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000, 100000]
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--pages-up-to",
        type=int,
        default=100,
        help="most meetings and most consultations (Wagtail pages, made one by one)",
    )
    args = parser.parse_args()

    with test_database() as vendor:
        site = Site()
        client = Client()
        results = {}
        print(f"database: {vendor}", flush=True)
        print(f"{'rows':>7} {'page':<14} {'queries':>7} {'median ms':>10}", flush=True)
        for size in sorted(args.sizes):
            site.grow(size, args.pages_up_to)
            for name, url in PAGES:
                queries, ms = measure(get_ok(client, url(site)), args.repeat)
                results[name, size] = (queries, ms)
                print(f"{size:>7} {name:<14} {queries:>7} {ms:>10.1f}", flush=True)
        sizes = sorted(args.sizes)
        print(f"\nqueries / median ms ({vendor}; meetings and consultations: at most "
              f"{args.pages_up_to})")  # fmt: skip
        print("| page | " + " | ".join(f"{size:,}" for size in sizes) + " |")
        print("|---|" + "---:|" * len(sizes))
        for name, _ in PAGES:
            cells = [
                f"{results[name, s][0]} / {results[name, s][1]:.0f}" for s in sizes
            ]
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
