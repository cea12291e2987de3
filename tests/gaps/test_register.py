import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from gaps import exports, feeds, services
from gaps.exports import COLUMNS
from gaps.factories import DataGapFactory
from gaps.models import DataGap
from gaps.views.register import GAPS_PER_PAGE
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def emails_queued_not_sent(settings):
    """The register only reads: telling people of changes is tested with triage."""
    backend = "django_tasks.backends.dummy.DummyBackend"
    settings.TASKS = {"default": {"BACKEND": backend}}


@pytest.fixture
def crime(theme_index):
    return ThemePageFactory(parent=theme_index, title="Crime", slug="crime")


@pytest.fixture
def producer(ons_producer, crime, editor, ons):
    """A producer for ONS in Migration and in Crime."""
    theme_services.grant_role(
        crime,
        ons_producer,
        Role.PRODUCER,
        granted_by=editor,
        organisation=ons,
        tell=False,
    )
    return ons_producer


def raise_gap(theme, title="Local estimates", topics=(), author=None, **details):
    return services.raise_gap(
        author or UserFactory(),
        theme,
        title=title,
        measure="Net migration by local authority.",
        purpose="Planning school places.",
        topics=list(topics),
        **details,
    )


def move(gap, producer, status, note="We are looking at this.", **ownership):
    return services.change_status(gap, producer, status=status, note=note, **ownership)


def register_url(theme=None):
    if theme is None:
        return reverse("gaps:all")
    return reverse("gaps:register", kwargs={"theme_slug": theme.slug})


def listed(client, url, **query):
    """The titles of the gaps on the page, in order."""
    response = client.get(url, query)
    assert response.status_code == 200
    return [gap.title for gap in response.context["gaps"]]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def parse_feed(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own feed)


def json_records(response):
    return json.loads(b"".join(response.streaming_content))


def test_a_themes_register_shows_each_gaps_status_owner_need_and_last_move(
    client, migration, producer, ons
):
    gap = raise_gap(migration, title="Emigration by age", topics=["small areas"])
    services.support(gap, UserFactory())
    gap = move(gap, producer, "under_assessment", owner_organisation=ons)

    response = client.get(register_url(migration))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{gap.get_absolute_url()}"' in html
    assert "Under assessment</strong>" in html
    assert "Owned by Office for National Statistics" in html
    assert "2 people need this" in html
    assert f'<time datetime="{timezone.localtime(gap.last_moved_at):%Y-%m-%d}' in html
    assert "small areas</a>" in html
    assert "Migration</a>" in html  # The breadcrumbs lead back to the theme.
    new_gap = reverse("gaps:new_gap", kwargs={"theme_slug": "migration"})
    assert f'href="{new_gap}"' in html


def test_one_person_needs_a_gap_nobody_has_supported(client, migration):
    raise_gap(migration)

    html = client.get(register_url(migration)).content.decode()

    assert "1 person needs this" in html
    assert "No owner yet" in html


def test_the_theme_register_holds_only_that_themes_gaps(client, migration, crime):
    raise_gap(migration, title="Ours")
    raise_gap(crime, title="Theirs")

    assert listed(client, register_url(migration)) == ["Ours"]
    assert sorted(listed(client, register_url())) == ["Ours", "Theirs"]


def test_an_unknown_or_unpublished_theme_has_no_register(client, migration):
    raise_gap(migration)
    migration.unpublish()

    for url in [
        register_url(migration),
        reverse("gaps:register", kwargs={"theme_slug": "no-such-theme"}),
        reverse("gaps:register_feed", kwargs={"theme_slug": "migration"}),
    ]:
        assert client.get(url).status_code == 404, url


def test_every_themes_register_leaves_out_unpublished_themes(client, migration, crime):
    raise_gap(migration, title="Shown")
    raise_gap(crime, title="Hidden")
    crime.unpublish()

    assert listed(client, register_url()) == ["Shown"]
    csv_titles = [
        row["title"] for row in csv_rows(client.get("/data-gaps/?format=csv"))
    ]
    assert csv_titles == ["Shown"]
    feed = parse_feed(client.get(reverse("gaps:all_feed")))
    assert "Hidden" not in ET.tostring(feed, encoding="unicode")
    html = client.get(register_url()).content.decode()
    assert '<option value="crime"' not in html


def test_the_register_filters_by_status_and_by_open(client, migration, producer):
    raised = raise_gap(migration, title="Raised")
    assessed = move(
        raise_gap(migration, title="Assessed"), producer, "under_assessment"
    )
    move(raise_gap(migration, title="Met"), producer, "met")

    url = register_url(migration)
    assert listed(client, url, status="under_assessment") == ["Assessed"]
    assert sorted(listed(client, url, status="open")) == ["Assessed", "Raised"]
    assert listed(client, register_url(), status="met") == ["Met"]
    assert {raised.pk, assessed.pk} == set(
        DataGap.objects.open().values_list("pk", flat=True)
    )


def test_the_register_filters_by_owning_organisation(client, migration, producer, ons):
    other = OrganisationFactory(name="Home Office")
    move(
        raise_gap(migration, title="ONS's"),
        producer,
        "under_assessment",
        owner_organisation=ons,
    )
    move(
        raise_gap(migration, title="Home Office's"),
        producer,
        "under_assessment",
        owner_organisation=other,
    )
    raise_gap(migration, title="Nobody's")

    assert listed(client, register_url(migration), organisation=ons.pk) == ["ONS's"]
    assert listed(client, register_url(), organisation=other.pk) == ["Home Office's"]


def test_the_site_wide_register_filters_by_theme(client, migration, crime):
    raise_gap(migration, title="Ours")
    raise_gap(crime, title="Theirs")

    assert listed(client, register_url(), theme="crime") == ["Theirs"]


def test_the_register_filters_by_topic(client, migration, crime):
    raise_gap(migration, title="Housing", topics=["housing", "small areas"])
    raise_gap(migration, title="Health", topics=["health"])
    raise_gap(crime, title="Crime housing", topics=["housing"])

    assert listed(client, register_url(migration), tag="housing") == ["Housing"]
    assert sorted(listed(client, register_url(), tag="housing")) == [
        "Crime housing",
        "Housing",
    ]


def test_the_register_sorts_by_last_move_newest_or_most_supported(client, migration):
    now = timezone.now()
    for title, raised_days_ago, moved_days_ago, supporters in [
        ("Old but busy", 30, 1, 0),
        ("Newest", 1, 5, 1),
        ("Most needed", 20, 10, 3),
    ]:
        gap = raise_gap(migration, title=title)
        for _ in range(supporters):
            services.support(gap, UserFactory())
        DataGap.objects.filter(pk=gap.pk).update(
            created_at=now - timedelta(days=raised_days_ago),
            last_moved_at=now - timedelta(days=moved_days_ago),
        )
    url = register_url(migration)

    assert listed(client, url) == ["Old but busy", "Newest", "Most needed"]
    assert listed(client, url, sort="updated") == listed(client, url)
    assert listed(client, url, sort="newest") == [
        "Newest",
        "Most needed",
        "Old but busy",
    ]
    assert listed(client, url, sort="supported") == [
        "Most needed",
        "Newest",
        "Old but busy",
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"organisation": "not-a-number"},
        {"organisation": "999999"},
        {"theme": "no-such-theme"},
        {"tag": "<script>alert(1)</script>"},
        {"sort": "random"},
        {"page": "last-but-one"},
        {"format": "xlsx"},
    ],
)
def test_bad_filter_values_are_ignored(client, migration, query):
    raise_gap(migration, title="Still shown")

    response = client.get(register_url(), query)

    assert response.status_code == 200
    assert [gap.title for gap in response.context["gaps"]] == ["Still shown"]
    assert "govuk-error-message" not in response.content.decode()


def test_the_filter_form_keeps_the_chosen_values(client, migration, producer, ons):
    move(
        raise_gap(migration, topics=["housing"]),
        producer,
        "under_assessment",
        owner_organisation=ons,
    )

    html = client.get(
        register_url(),
        {
            "status": "under_assessment",
            "organisation": ons.pk,
            "theme": "migration",
            "tag": "housing",
            "sort": "newest",
        },
    ).content.decode()

    assert '<form method="get"' in html
    for name in ["status", "organisation", "theme", "tag", "sort"]:
        assert f'<label class="govuk-label govuk-label--s" for="id_{name}">' in html
    for value in ["under_assessment", ons.pk, "migration", "housing", "newest"]:
        assert f'<option value="{value}" selected>' in html
    assert "Apply filters</button>" in html


def test_the_theme_filter_is_only_on_the_site_wide_register(client, migration, crime):
    raise_gap(migration, title="Ours")

    response = client.get(register_url(migration), {"theme": "crime"})

    assert 'name="theme"' not in response.content.decode()
    assert [gap.title for gap in response.context["gaps"]] == ["Ours"]


def test_pages_of_twenty_keep_the_filters_in_their_links(client, migration):
    DataGapFactory.create_batch(GAPS_PER_PAGE + 5, theme=migration, topics=["housing"])
    DataGapFactory(theme=migration, title="Unrelated")

    first = client.get(register_url(migration), {"tag": "housing", "sort": "newest"})
    second = client.get(
        register_url(migration), {"tag": "housing", "sort": "newest", "page": 2}
    )

    assert len(first.context["gaps"]) == GAPS_PER_PAGE
    assert len(second.context["gaps"]) == 5
    assert 'href="?tag=housing&amp;sort=newest&amp;page=2"' in first.content.decode()
    assert "Unrelated" not in [gap.title for gap in second.context["gaps"]]


def test_an_empty_theme_register_says_how_to_raise_a_gap(client, migration):
    html = client.get(register_url(migration)).content.decode()

    assert "Nobody has raised a data gap in Migration yet." in html
    new_gap = reverse("gaps:new_gap", kwargs={"theme_slug": "migration"})
    assert f'<a class="govuk-link" href="{new_gap}">raise a data gap</a>' in html


def test_a_register_with_nothing_matching_says_so(client, migration, producer):
    raise_gap(migration)

    html = client.get(register_url(), {"status": "met"}).content.decode()

    assert "No data gaps match these filters." in html
    assert f'href="{register_url()}">Clear the filters</a>' in html


def test_the_download_and_feed_links_keep_the_filters(client, migration):
    raise_gap(migration, topics=["housing"])

    html = client.get(
        register_url(migration), {"tag": "housing", "status": "bogus"}
    ).content.decode()

    assert 'href="?tag=housing&amp;format=csv"' in html
    assert 'href="?tag=housing&amp;format=json"' in html
    feed = reverse("gaps:register_feed", kwargs={"theme_slug": "migration"})
    assert f'href="{feed}?tag=housing"' in html


def test_the_csv_holds_the_filtered_pages_gaps(client, migration, crime, producer, ons):
    original = raise_gap(migration, title="Original", topics=["housing", "age"])
    move(original, producer, "under_assessment", owner_organisation=ons)
    duplicate = raise_gap(migration, title="Again", topics=["housing"])
    move(duplicate, producer, "duplicate", note="Same need.", duplicate_of=original)
    raise_gap(migration, title="Untagged")
    raise_gap(crime, title="Elsewhere", topics=["housing"])
    query = {"tag": "housing", "theme": "migration", "sort": "newest"}

    page = client.get(register_url(), query).context["gaps"]
    response = client.get(register_url(), {**query, "format": "csv"})
    rows = csv_rows(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="data-gaps.csv"' in response["Content-Disposition"]
    assert list(rows[0]) == list(COLUMNS.values())
    assert [int(row["id"]) for row in rows] == [gap.pk for gap in page]
    first, second = rows
    assert first["title"] == "Again" and first["status"] == "Duplicate"
    assert first["duplicate of"] == "http://testserver" + original.get_absolute_url()
    assert second["url"] == "http://testserver" + original.get_absolute_url()
    assert second["topics"] == "age; housing"
    assert second["owner organisation"] == "Office for National Statistics"
    assert second["people who need it"] == "2"  # Its author, and the duplicate's.
    assert second["what is missing"] == "Net migration by local authority."
    assert (
        second["raised"] == DataGap.objects.get(pk=original.pk).created_at.isoformat()
    )


def test_a_themes_csv_is_named_after_the_theme(client, migration):
    response = client.get(register_url(migration), {"format": "csv"})

    assert 'filename="migration-data-gaps.csv"' in response["Content-Disposition"]


def test_the_json_holds_the_filtered_pages_gaps(client, migration, producer, ons):
    assessed = raise_gap(migration, title="Assessed", geography="Ward")
    move(
        assessed,
        producer,
        "under_assessment",
        owner_organisation=ons,
        target_date=timezone.localdate(),
    )
    raise_gap(migration, title="Raised")
    query = {"status": "under_assessment"}

    page = client.get(register_url(migration), query).context["gaps"]
    response = client.get(register_url(migration), {**query, "format": "json"})
    records = json_records(response)

    assert response["Content-Type"] == "application/json"
    assert [record["id"] for record in records] == [gap.pk for gap in page]
    [record] = records
    assert list(record) == list(COLUMNS)
    assert record["status"] == "under_assessment"
    assert record["geography"] == "Ward"
    assert record["target_date"] == timezone.localdate().isoformat()
    assert record["owner_organisation"] == "Office for National Statistics"
    assert record["duplicate_of"] is None
    assert record["people_who_need_it"] == 1


def test_a_download_longer_than_a_chunk_misses_no_gap_nor_topic(
    client, migration, monkeypatch
):
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 2)
    gaps = [
        DataGapFactory(theme=migration, title=f"Gap {n}", topics=[f"t{n}"])
        for n in range(5)
    ]

    records = json_records(client.get(register_url(migration), {"format": "json"}))

    assert [(r["title"], r["topics"]) for r in records] == [
        (gap.title, [f"t{n}"]) for n, gap in reversed(list(enumerate(gaps)))
    ]


def test_an_empty_json_download_is_an_empty_array(client, migration):
    assert json_records(client.get(register_url(migration), {"format": "json"})) == []


def test_the_csv_escapes_cells_a_spreadsheet_would_run(client, migration):
    raise_gap(
        migration,
        title='=HYPERLINK("http://evil.example","Click")',
        topics=["-2+3"],
        geography="@SUM(A1)",
    )

    [row] = csv_rows(client.get(register_url(migration), {"format": "csv"}))

    assert row["title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["topics"] == "'-2+3"
    assert row["geography"] == "'@SUM(A1)"


def test_the_downloads_name_no_member(client, migration, producer):
    author = UserFactory(first_name="Aurelia", last_name="Quench")
    gap = raise_gap(migration, author=author)
    supporter = UserFactory(first_name="Bartholomew", last_name="Zest")
    services.support(gap, supporter, use_case="For my ward.", show_name=True)
    move(gap, producer, "acknowledged")
    people = [author, supporter, producer]

    for download in ["csv", "json"]:
        body = b"".join(
            client.get(register_url(), {"format": download}).streaming_content
        ).decode()
        for person in people:
            for detail in [person.email, person.first_name, person.last_name]:
                assert detail not in body, (download, detail)


def test_the_atom_feed_holds_the_status_changes_and_their_notes(
    client, migration, crime, producer
):
    gap = raise_gap(migration, title="Emigration by age")
    assessed = move(
        gap, producer, "under_assessment", note="In next year's <b>plan</b>."
    )
    move(raise_gap(crime, title="Other theme's"), producer, "met", note="Done.")

    response = client.get(
        reverse("gaps:register_feed", kwargs={"theme_slug": "migration"})
    )
    feed = parse_feed(response)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.find(f"{ATOM}title").text == "statsforum: data gaps in Migration"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "Emigration by age: Under assessment",
        "Emigration by age: Raised",
    ]
    latest = entries[0]
    assert "In next year&#x27;s &lt;b&gt;plan&lt;/b&gt;." in (
        latest.find(f"{ATOM}summary").text
    )
    assert latest.find(f"{ATOM}author/{ATOM}name").text == (
        "Office for National Statistics, Statistics producer"
    )
    update = assessed.updates.latest("pk")
    link = latest.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{gap.get_absolute_url()}#update-{update.pk}"
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == len(ids)


def test_the_feed_holds_the_newest_entries_whichever_gaps_they_belong_to(
    client, migration, producer, monkeypatch
):
    monkeypatch.setattr(feeds, "FEED_LENGTH", 3)
    first, second = raise_gap(migration, title="A"), raise_gap(migration, title="B")
    move(first, producer, "acknowledged")
    raise_gap(migration, title="C")
    move(second, producer, "acknowledged")

    feed = parse_feed(client.get(reverse("gaps:all_feed")))

    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [
        "B: Acknowledged",
        "C: Raised",
        "A: Acknowledged",
    ]


def test_the_site_wide_feed_covers_every_theme_and_takes_the_filters(
    client, migration, crime, producer
):
    move(raise_gap(migration, title="Assessed here"), producer, "under_assessment")
    move(raise_gap(crime, title="Met there"), producer, "met", note="Published.")

    everything = parse_feed(client.get(reverse("gaps:all_feed")))
    met = parse_feed(client.get(reverse("gaps:all_feed"), {"status": "met"}))

    assert everything.find(f"{ATOM}title").text == "statsforum: data gaps"
    assert len(everything.findall(f"{ATOM}entry")) == 4
    assert [e.find(f"{ATOM}title").text for e in met.findall(f"{ATOM}entry")] == [
        "Met there: Met",
        "Met there: Raised",
    ]
    assert "Published." in met.find(f"{ATOM}entry/{ATOM}summary").text


def test_the_service_navigation_links_to_the_register(client, migration):
    html = client.get(register_url()).content.decode()

    assert 'href="/data-gaps/" aria-current="page">' in html


def count_queries(client, url):
    """Queries to answer a request, streamed bodies included."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


def grow_register(migration, crime, producer, ons, gaps):
    """Gaps in both themes, each with topics, supporters and timeline entries."""
    supporters = UserFactory.create_batch(3)
    for n in range(gaps):
        gap = raise_gap(
            migration if n % 2 else crime,
            title=f"Gap {n}",
            topics=["housing", f"topic {n}"],
        )
        for supporter in supporters[: n % 4]:
            services.support(gap, supporter)
        move(gap, producer, "under_assessment", owner_organisation=ons)
        if n % 3 == 0:
            move(gap, producer, "in_progress")


def test_the_registers_and_downloads_stay_within_budget(
    client, migration, crime, producer, ons, django_assert_max_num_queries
):
    urls = [
        register_url(migration),
        register_url(),
        register_url() + "?status=open&tag=housing&sort=supported",
        register_url(migration) + "?format=csv",
        register_url() + "?format=json",
        reverse("gaps:all_feed"),
    ]
    grow_register(migration, crime, producer, ons, 3)
    for url in urls:  # Warm the caches (sites, content types) first.
        count_queries(client, url)
    small = [count_queries(client, url) for url in urls]

    grow_register(migration, crime, producer, ons, 37)
    with django_assert_max_num_queries(12):
        client.get(register_url())
    large = [count_queries(client, url) for url in urls]

    assert large == small
    # The theme's register also finds the pages above the theme, for breadcrumbs.
    assert max(large) <= 13


def test_the_api_and_the_downloads_give_the_same_records(
    client, migration, crime, producer, ons
):
    """One serialiser (gaps.serializers) feeds the JSON and CSV downloads and the
    API's /api/v2/data-gaps/: the same records, keys and filters."""
    assessed = raise_gap(migration, title="Assessed", topics=["housing", "census"])
    move(assessed, producer, "under_assessment", owner_organisation=ons)
    raise_gap(crime, title="Elsewhere", geography="Ward")
    duplicate = raise_gap(migration, title="Again")
    move(duplicate, producer, "duplicate", duplicate_of=assessed)
    for query in ({}, {"status": "open"}, {"theme": "migration", "sort": "newest"}):
        download = json_records(client.get("/data-gaps/", {**query, "format": "json"}))
        api = client.get("/api/v2/data-gaps/", query).json()["results"]
        assert api == download
        assert all(list(record) == list(COLUMNS) for record in api)
    one = client.get(f"/api/v2/data-gaps/{assessed.pk}/").json()
    assert one == next(r for r in download if r["id"] == assessed.pk)
    assert set(exports.DataGapSerializer().fields) == set(COLUMNS)
