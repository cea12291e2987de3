"""The data-gap register: a theme's and every theme's, as a page, CSV, JSON and Atom.

One implementation serves both addresses. The downloads and the feed take the same
filters as the page, and the downloads stream a chunk of rows at a time.
"""

import json
from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, QuerySet
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.http import urlencode
from taggit.models import Tag

from accounts.models import Organisation, User
from core.csv import csv_response
from gaps.feeds import GapUpdatesFeed
from gaps.models import DataGap, Status, TaggedDataGap
from themes.models import ThemePage

GAPS_PER_PAGE = 20
# Rows the downloads fetch (and prefetch topics for) at a time.
EXPORT_CHUNK = 500
OPEN = "open"
SORTS = {
    "updated": ["-last_moved_at", "-pk"],
    "supported": ["-support_count", "-last_moved_at", "-pk"],
    "newest": ["-created_at", "-pk"],
}
DEFAULT_SORT = "updated"


class RegisterFilters(forms.Form):
    """The register's filters. A value that is not one of the options is ignored."""

    status = forms.ChoiceField(label="Status", required=False)
    organisation = forms.ChoiceField(label="Owned by", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)
    tag = forms.ChoiceField(label="Topic", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("updated", "Recently updated"),
            ("supported", "Most supported"),
            ("newest", "Newest"),
        ],
    )

    def __init__(self, *args, organisations, tags, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", "Any status"),
            (OPEN, "Open (not yet closed)"),
            *Status.choices,
        ]
        # Organisations have no slug: the address carries the organisation's number.
        self.fields["organisation"].choices = [
            ("", "Any organisation"),
            *((str(pk), name) for pk, name in organisations),
        ]
        self.fields["tag"].choices = [("", "Any topic"), *tags]
        if themes is None:
            del self.fields["theme"]
        else:
            self.fields["theme"].choices = [("", "All themes"), *themes]
        for form_field in self.fields.values():
            form_field.widget.attrs["class"] = "govuk-!-width-full"

    def chosen(self):
        """The valid, non-empty filters: a bad value drops out, it is not an error."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


@dataclass
class Register:
    """One register (a theme's, or every theme's) with the filters asked for."""

    theme: ThemePage | None
    scope: QuerySet
    choices: dict
    # The address this request came to ("https://example.org"), for full URLs.
    site_url: str
    filters: dict = field(default_factory=dict)

    def gaps(self):
        """The gaps that pass the filters, in the order asked for."""
        gaps = self.scope
        status = self.filters.get("status")
        if status == OPEN:
            gaps = gaps.open()
        elif status:
            gaps = gaps.filter(status=status)
        if "organisation" in self.filters:
            gaps = gaps.filter(owner_organisation_id=int(self.filters["organisation"]))
        if "theme" in self.filters:
            gaps = gaps.filter(theme__slug=self.filters["theme"])
        if "tag" in self.filters:
            gaps = gaps.filter(topics__slug=self.filters["tag"])
        return gaps.order_by(*SORTS[self.sort])

    @property
    def sort(self):
        return self.filters.get("sort", DEFAULT_SORT)

    @property
    def is_filtered(self):
        return any(name != "sort" for name in self.filters)

    def form(self):
        """The filter form for the page, showing the filters in force."""
        return RegisterFilters(
            initial={"sort": self.sort, **self.filters}, **self.choices
        )

    def query(self, **extra):
        """The filters as a query string, for links that should keep them."""
        query = urlencode({**self.filters, **extra})
        return f"?{query}" if query else ""

    def page_url(self):
        if self.theme:
            return reverse("gaps:register", kwargs={"theme_slug": self.theme.slug})
        return reverse("gaps:all")

    def feed_url(self):
        if self.theme:
            return reverse("gaps:register_feed", kwargs={"theme_slug": self.theme.slug})
        return reverse("gaps:all_feed")

    def filename(self, extension):
        prefix = f"{self.theme.slug}-" if self.theme else ""
        return f"{prefix}data-gaps.{extension}"


def find_register(request, theme_slug=None):
    """The register at this address, filtered by the request's query string."""
    themes = ThemePage.objects.live().public()
    if theme_slug is None:
        theme = None
        scope = DataGap.objects.visible().filter(theme__in=themes)
    else:
        theme = get_object_or_404(themes, slug=theme_slug)
        scope = DataGap.objects.visible().filter(theme=theme)
    choices = filter_choices(scope, themes if theme is None else None)
    register = Register(
        theme=theme,
        scope=scope,
        choices=choices,
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    register.filters = RegisterFilters(request.GET, **choices).chosen()
    return register


def filter_choices(scope, themes):
    """The options worth offering: only what the register's gaps use."""
    organisations = Organisation.objects.filter(
        Exists(scope.filter(owner_organisation=OuterRef("pk")))
    ).values_list("pk", "name")
    tagged = TaggedDataGap.objects.filter(
        tag=OuterRef("pk"), content_object__in=scope.values("pk")
    )
    tags = (
        Tag.objects.filter(Exists(tagged)).order_by("name").values_list("slug", "name")
    )
    choices = {"organisations": list(organisations), "tags": list(tags)}
    if themes is not None:
        choices["themes"] = list(themes.order_by("title").values_list("slug", "title"))
    return choices


def register(request, theme_slug=None):
    found = find_register(request, theme_slug)
    download = DOWNLOADS.get(request.GET.get("format"))
    if download:
        return download(found)
    gaps = Paginator(
        found.gaps()
        .select_related("theme", "owner_organisation")
        .prefetch_related("topics"),
        GAPS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "gaps/register.html",
        {
            "page": found.theme,
            "theme": found.theme,
            "register": found,
            "gaps": gaps,
            "form": found.form(),
            "csv_url": found.query(format="csv"),
            "json_url": found.query(format="json"),
            "feed_url": found.feed_url() + found.query(),
        },
    )


# The downloads: one record per gap, the same keys in JSON and (as headers) CSV.
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
feed = GapUpdatesFeed(find_register)

urlpatterns = [
    path("themes/<slug:theme_slug>/data-gaps/", register, name="register"),
    path("themes/<slug:theme_slug>/data-gaps/feed/", feed, name="register_feed"),
    path("data-gaps/", register, name="all"),
    path("data-gaps/feed/", feed, name="all_feed"),
]
