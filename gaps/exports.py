"""The register's downloads, CSV and JSON: one record per gap, the same keys in
JSON and (as headers) CSV, streamed a chunk of rows at a time."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F
from django.http import StreamingHttpResponse
from django.urls import reverse

from accounts.models import User
from core.csv import csv_response
from gaps.models import Status, TaggedDataGap

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


def gap_records(register):
    """The gaps as plain records, a chunk at a time: no member's name or email."""
    rows = (
        register.gaps()
        .values(
            *RECORD_FIELDS,
            theme_slug=F("theme__slug"),
            theme_title=F("theme__title"),
            owner_name=F("owner_organisation__name"),
            duplicate_theme_slug=F("duplicate_of__theme__slug"),
        )
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    # Plain rows rather than models, and topics fetched per chunk: a model and a
    # taggit queryset for every gap made a 100,000-row download several times slower.
    gap_url = gap_urls(register.site_url)
    for chunk in chunks(rows, EXPORT_CHUNK):
        topics = topics_of(row["id"] for row in chunk)
        for row in chunk:
            yield gap_record(row, topics.get(row["id"], []), gap_url)


def gap_record(row, topics, gap_url):
    duplicate_of = row["duplicate_of_id"] and gap_url(
        row["duplicate_theme_slug"], row["duplicate_of_id"]
    )
    return {
        "id": row["id"],
        "url": gap_url(row["theme_slug"], row["id"]),
        "title": row["title"],
        "theme": row["theme_title"],
        "status": row["status"],
        "what_is_missing": row["measure"],
        "geography": row["geography"],
        "breakdown": row["breakdown"],
        "frequency_or_timeliness": row["frequency"],
        "what_it_would_inform": row["purpose"],
        "sector": row["sector"],
        "topics": sorted(topics),
        "people_who_need_it": row["support_count"] + 1,
        "owner_organisation": row["owner_name"],
        "target_date": row["target_date"],
        "raised": row["created_at"].isoformat(),
        "last_moved": row["last_moved_at"].isoformat(),
        "duplicate_of": duplicate_of or None,
    }


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
    return csv_response(
        register.filename("csv"),
        COLUMNS.values(),
        (csv_row(record) for record in gap_records(register)),
    )


def csv_row(record):
    """A record as a spreadsheet row: labels rather than codes, topics in one cell."""
    record = {
        **record,
        "status": Status(record["status"]).label,
        "sector": SECTORS.get(record["sector"], record["sector"]),
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
