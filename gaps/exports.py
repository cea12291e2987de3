"""The register's downloads, CSV and JSON: one record per gap, the same keys in
JSON and (as headers) CSV, streamed a chunk of rows at a time."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from core.csv import csv_response
from gaps.models import Status, TaggedDataGap
from gaps.serializers import DataGapSerializer

# Rows the downloads fetch (and prefetch topics for) at a time.
EXPORT_CHUNK = 500
# Each record's keys, in JSON, and the CSV headers they become.
COLUMNS = {
    "id": "id",
    "url": "url",
    "title": "title",
    "theme": "theme",
    "status": "status",
    "what_is_missing": "what is missing",
    "geography": "geography",
    "breakdown": "breakdown",
    "frequency_or_timeliness": "frequency or timeliness",
    "what_it_would_inform": "what it would inform",
    "sector": "sector",
    "topics": "topics",
    "people_who_need_it": "people who need it",
    "owner_organisation": "owner organisation",
    "target_date": "target date",
    "raised": "raised",
    "last_moved": "last moved",
    "duplicate_of": "duplicate of",
}
SECTORS = dict(User.Sector.choices)
# What the downloads read of each gap, besides its theme, owner and duplicate.
RECORD_FIELDS = [
    "id",
    "title",
    "status",
    "measure",
    "geography",
    "breakdown",
    "frequency",
    "purpose",
    "sector",
    "support_count",
    "target_date",
    "created_at",
    "last_moved_at",
    "duplicate_of_id",
]


def gap_rows(gaps):
    """The plain rows `DataGapSerializer` reads, without their topics."""
    return gaps.values(
        *RECORD_FIELDS,
        theme_slug=F("theme__slug"),
        theme_title=F("theme__title"),
        owner_name=F("owner_organisation__name"),
        duplicate_theme_slug=F("duplicate_of__theme__slug"),
    )


def with_topics(rows):
    """The rows, each given its `topics`, in one query."""
    topics = topics_of(row["id"] for row in rows)
    for row in rows:
        row["topics"] = topics.get(row["id"], [])
    return rows


def gap_records(register):
    """The gaps as plain records, a chunk at a time: no member's name or email."""
    rows = gap_rows(register.gaps()).iterator(chunk_size=EXPORT_CHUNK)
    # Topics fetched per chunk; one reverse() per theme (gap_urls).
    serializer = DataGapSerializer(context={"gap_url": gap_urls(register.site_url)})
    for chunk in chunks(rows, EXPORT_CHUNK):
        for row in with_topics(chunk):
            yield serializer.to_representation(row)


def chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def topics_of(gap_ids):
    """{gap id: [topic names]} for one chunk of gaps, in one query."""
    topics = {}
    for gap_id, name in TaggedDataGap.objects.filter(
        content_object_id__in=list(gap_ids)
    ).values_list("content_object_id", "tag__name"):
        topics.setdefault(gap_id, []).append(name)
    return topics


# Any number will do: the address is split around it (see gap_urls).
PLACEHOLDER_PK = 987654321


def gap_urls(site_url):
    """gap_url(theme_slug, pk), the gap's full URL: one reverse() per theme, not per
    gap, which took a tenth of a long download."""
    parts = {}

    def gap_url(theme_slug, pk):
        if theme_slug not in parts:
            path = reverse(
                "gaps:gap", kwargs={"theme_slug": theme_slug, "pk": PLACEHOLDER_PK}
            )
            # The number comes after the theme in the address: split at the last.
            parts[theme_slug] = path.rpartition(str(PLACEHOLDER_PK))
        before, _, after = parts[theme_slug]
        return f"{site_url}{before}{pk}{after}"

    return gap_url


def csv_download(register):
    labels = english_labels()
    return csv_response(
        register.filename("csv"),
        COLUMNS.values(),
        (csv_row(record, labels) for record in gap_records(register)),
    )


def english_labels():
    """The statuses' and sectors' labels in English: open data reads the same in
    every language of the site, as its column names do."""
    with translation.override(None):
        return {
            "status": {status.value: str(status.label) for status in Status},
            "sector": {key: str(label) for key, label in SECTORS.items()},
        }


def csv_row(record, labels):
    """A record as a spreadsheet row: labels rather than codes, topics in one cell."""
    record = {
        **record,
        "status": labels["status"][record["status"]],
        "sector": labels["sector"].get(record["sector"], record["sector"]),
        "topics": "; ".join(record["topics"]),
    }
    return [record[key] for key in COLUMNS]


def json_download(register):
    return StreamingHttpResponse(
        json_array(gap_records(register)),
        content_type="application/json",
    )


def json_array(records):
    """A JSON array written one record at a time."""
    yield "["
    separator = "\n"
    for record in records:
        yield separator + json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


DOWNLOADS = {"csv": csv_download, "json": json_download}
