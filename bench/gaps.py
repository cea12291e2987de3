"""Queries and times of the data-gap register as a theme grows to 1,000, 10,000 and
100,000 gaps: the theme's register, every theme's (page 1 and a deep page), a
filtered register, its Atom feed and the CSV and JSON downloads; and the peak
memory of the CSV download, which streams."""

import argparse
import tracemalloc
from contextlib import contextmanager
from datetime import timedelta

from common import build_site, get_ok, measure, test_database
from django.db import connection
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from accounts.factories import OrganisationFactory, UserFactory
from core.translation import IN_LANGUAGES
from gaps.models import DataGap, GapSupport, GapUpdate, Status, TaggedDataGap
from themes.factories import ThemePageFactory

BATCH = 5000
TOPICS = [f"topic {n}" for n in range(40)]
# One gap in ten has supporters and one in three has moved on from "raised".
SUPPORTED_EVERY = 10
SUPPORTERS = 3
MOVED_EVERY = 3
MOVED_TO = [Status.ACKNOWLEDGED, Status.PLANNED, Status.IN_PROGRESS, Status.MET]


@contextmanager
def dates_as_given():
    """Let bulk_create keep the dates we give: the gaps span years, not seconds."""
    fields = [DataGap._meta.get_field(name) for name in ("created_at", "last_moved_at")]
    for date_field in fields:
        date_field.auto_now_add = False
    try:
        yield
    finally:
        for date_field in fields:
            date_field.auto_now_add = True


def add_gaps(theme, first, count, people, organisations, tags):
    """`count` gaps numbered from `first`, in batches, with topics and timelines."""
    for start in range(first, first + count, BATCH):
        numbers = range(start, min(start + BATCH, first + count))
        gaps = [new_gap(theme, n, people, organisations) for n in numbers]
        with dates_as_given():
            DataGap.objects.bulk_create(gaps)
        TaggedDataGap.objects.bulk_create(
            TaggedDataGap(content_object=gap, tag=tags[(n * k) % len(tags)])
            for n, gap in zip(numbers, gaps, strict=True)
            for k in (1, 7)
        )
        GapUpdate.objects.bulk_create(timeline(gaps))
        GapSupport.objects.bulk_create(
            GapSupport(gap=gap, user=people[(gap.pk + k) % len(people)])
            for gap in gaps
            if gap.support_count
            for k in range(SUPPORTERS)
        )


def new_gap(theme, n, people, organisations):
    moved = n % MOVED_EVERY == 0
    raised = timezone.now() - timedelta(hours=n)
    return DataGap(
        theme=theme,
        author=people[n % len(people)],
        title=f"Gap {n}: local estimates",
        measure="Net migration by local authority and age.",
        purpose="Planning school places.",
        geography="Local authority",
        status=MOVED_TO[n % len(MOVED_TO)] if moved else Status.RAISED,
        owner_organisation=organisations[n % len(organisations)] if moved else None,
        support_count=SUPPORTERS if n % SUPPORTED_EVERY == 0 else 0,
        created_at=raised,
        last_moved_at=raised + timedelta(minutes=30) if moved else raised,
    )


PRODUCER_LABEL = "Office for National Statistics, Statistics producer"


def timeline(gaps):
    for gap in gaps:
        yield GapUpdate(gap=gap, to_status=Status.RAISED, note="Raised by a member.")
        if gap.status != Status.RAISED:
            yield GapUpdate(
                gap=gap,
                author_labels={IN_LANGUAGES: {"en-gb": PRODUCER_LABEL}},
                from_status=Status.RAISED,
                to_status=gap.status,
                note="We have looked at this.",
            )


def download(client, url):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return sum(len(chunk) for chunk in response.streaming_content)

    return action


def peak_memory(action):
    """(bytes written, peak MB allocated) while the download streams."""
    tracemalloc.start()
    try:
        written = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return written, peak / 1024 / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with test_database() as vendor:
        theme_index = build_site()
        theme = ThemePageFactory(parent=theme_index, slug="migration")
        other = ThemePageFactory(parent=theme_index, slug="crime")
        people = UserFactory.create_batch(50)
        organisations = OrganisationFactory.create_batch(5)
        tags = [Tag.objects.create(name=topic) for topic in TOPICS]
        # A second theme, so the site-wide register has more than one.
        add_gaps(other, 0, 50, people, organisations, tags)
        client = Client()
        register = "/themes/migration/data-gaps/"
        filtered = (
            f"/data-gaps/?status=open&tag={tags[7].slug}&sort=supported"
            f"&organisation={organisations[0].pk}"
        )
        print(f"database: {vendor}")
        print(f"{'gaps':>7} {'measure':<16} {'queries':>7} {'median ms':>10}")
        done = 0
        for size in sorted(args.sizes):
            add_gaps(theme, 50 + done, size - done, people, organisations, tags)
            done = size
            if connection.vendor == "postgresql":
                # As autovacuum would have by now: without statistics on the new
                # rows the planner guesses, and the numbers measure the guess.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            deep = f"/data-gaps/?page={size // 20 // 2}"
            for name, action in [
                ("theme register", get_ok(client, register)),
                ("site register", get_ok(client, "/data-gaps/")),
                ("site deep page", get_ok(client, deep)),
                ("filtered", get_ok(client, filtered)),
                ("feed", get_ok(client, "/data-gaps/feed/")),
                ("CSV download", download(client, register + "?format=csv")),
                ("JSON download", download(client, register + "?format=json")),
            ]:
                queries, ms = measure(action, args.repeat)
                print(f"{size:>7} {name:<16} {queries:>7} {ms:>10.1f}")
            written, peak = peak_memory(download(client, register + "?format=csv"))
            print(
                f"{size:>7} CSV peak memory {peak:>6.1f} MB for "
                f"{written / 1024 / 1024:.1f} MB written"
            )


if __name__ == "__main__":
    main()
