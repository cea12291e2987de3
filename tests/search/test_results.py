"""One search over everything: each kind found, in one ranked list, each result
with its kind, theme, date, author and badge, and a snippet with the words marked."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from consultations.factories import ConsultationPageFactory, ResponseFactory
from core.signals import tell_content_changed
from events.factories import EventPageFactory, MinutesPageFactory
from forums import services as forums
from forums.models import Thread
from gaps.factories import DataGapFactory
from home.factories import StandardPageFactory
from search.models import SearchDocument
from tests.search.conftest import titles
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def test_a_thread_a_reply_and_a_gap_are_found_in_one_list(
    client, visa_thread, producer, migration
):
    forums.post_reply(visa_thread, producer, "The visa tables are published monthly.")
    DataGapFactory(theme=migration, title="Visa refusals by reason")

    response = client.get("/search/", {"query": "visa"})

    assert sorted(titles(response)) == [
        "Reply to Visa statistics by nationality",
        "Visa refusals by reason",
        "Visa statistics by nationality",
    ]
    html = response.content.decode()
    assert "3 results for ‘visa’" in html
    assert "Question" in html and "Reply" in html and "Data gap" in html
    assert "Migration" in html


def test_a_producers_reply_shows_the_badge_and_is_found_by_organisation(
    client, visa_thread, producer, member, ons
):
    forums.post_reply(visa_thread, producer, "Visa figures come out in May.")
    forums.post_reply(visa_thread, member, "Thanks, visa people.")

    response = client.get("/search/", {"q": "visa", "organisation": ons.pk})

    results = list(response.context["results"])
    assert [result.author for result in results] == [producer]
    html = response.content.decode()
    assert "Producer, ONS" in html
    assert producer.public_name in html


def test_pages_of_every_kind_are_found(client, home_page, migration):
    meeting = EventPageFactory(parent=migration, title="Harbour meeting")
    MinutesPageFactory(
        parent=meeting, summary="<p>We talked about harbour arrivals.</p>"
    )
    ConsultationPageFactory(parent=migration, title="Harbour consultation")
    StandardPageFactory(parent=home_page, title="Harbour guide")

    response = client.get("/search/", {"query": "harbour"})

    kinds = {
        result.title: result.get_kind_display()
        for result in response.context["results"]
    }
    assert kinds == {
        "Harbour meeting": "Meeting",
        "Minutes": "Minutes",
        "Harbour consultation": "Consultation",
        "Harbour guide": "Page",
    }


def test_a_published_response_is_found_once_the_consultation_closed(client, migration):
    closed = ConsultationPageFactory(
        parent=migration,
        title="Frequency",
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=30),
    )
    ResponseFactory(
        consultation=closed,
        answers={
            "impact": "We would lose the lighthouse signal.",
            "how-often": "Every week",
        },
    )

    response = client.get("/search/", {"query": "lighthouse"})

    assert titles(response) == ["Response to Frequency"]
    assert "Consultation response" in response.content.decode()


def test_the_snippet_is_plain_text_with_the_words_marked(client, migration, member):
    forums.start_thread(
        member,
        migration,
        title="Tables",
        body="Is <b>this</b> the **cohort** table? <script>alert(1)</script>",
        kind="discussion",
        tell=False,
    )

    response = client.get("/search/", {"query": "cohort"})
    html = response.content.decode()

    assert "<mark>cohort</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "data-block-key" not in html
    assert "<b>this</b>" not in html


def test_a_theme_snippet_has_no_raw_rich_text(client, theme_index):
    ThemePageFactory(
        parent=theme_index,
        title="Travel",
        introduction=[
            {
                "type": "paragraph",
                "value": '<p data-block-key="x1">Ferry passengers.</p>',
            }
        ],
    )

    html = client.get("/search/", {"query": "ferry"}).content.decode()

    assert "data-block-key" not in html
    assert "<mark>Ferry</mark> passengers." in html


def test_the_filters_narrow_the_list(client, visa_thread, migration, health, member):
    DataGapFactory(theme=migration, title="Visa waiting times")
    forums.start_thread(
        member,
        health,
        title="Visa health checks",
        body="Any data?",
        kind="discussion",
        tell=False,
    )

    by_kind = client.get("/search/", {"query": "visa", "kind": "data_gap"})
    by_theme = client.get("/search/", {"query": "visa", "theme": "health"})

    assert titles(by_kind) == ["Visa waiting times"]
    assert titles(by_theme) == ["Visa health checks"]


def test_the_date_filter_and_newest_first(client, migration, member):
    old = forums.start_thread(
        member,
        migration,
        title="Census 2011",
        body="old census",
        kind="discussion",
        tell=False,
    )
    new = forums.start_thread(
        member,
        migration,
        title="Census 2021",
        body="new census",
        kind="discussion",
        tell=False,
    )

    Thread.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    tell_content_changed(Thread, [old.pk])

    newest = client.get("/search/", {"query": "census", "sort": "newest"})
    recent = client.get(
        "/search/",
        {
            "query": "census",
            "date_from": (timezone.localdate() - timedelta(days=30)).isoformat(),
        },
    )
    before = client.get(
        "/search/",
        {
            "query": "census",
            "date_to": (timezone.localdate() - timedelta(days=300)).isoformat(),
        },
    )

    assert titles(newest) == ["Census 2021", "Census 2011"]
    assert titles(recent) == [new.title]
    assert titles(before) == [old.title]


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "spaceship"},
        {"theme": "no-such-theme"},
        {"organisation": "abc"},
        {"organisation": "99999999999999999999"},
        {"date_from": "31/02/2026"},
        {"date_to": "99999-01-01"},
        {"date_from": "0001-01-01"},
        {"date_to": "9999-12-31"},
        {"sort": "random"},
        {"page": "-1"},
        {"page": "x"},
    ],
)
def test_a_bad_filter_is_explained_or_ignored_never_a_500(client, visa_thread, bad):
    response = client.get("/search/", {"query": "visa", **bad})

    assert response.status_code == 200
    assert titles(response) == ["Visa statistics by nationality"]


def test_a_bad_date_says_what_to_type(client, visa_thread):
    html = client.get(
        "/search/", {"query": "visa", "date_from": "yesterday"}
    ).content.decode()

    assert "Enter the date as year-month-day, like 2026-03-31." in html


def test_dates_the_wrong_way_round_are_explained(client, visa_thread):
    html = client.get(
        "/search/",
        {"query": "visa", "date_from": "2026-05-01", "date_to": "2026-01-01"},
    ).content.decode()

    assert "The end date must be on or after the start date." in html


@pytest.mark.parametrize(
    "query",
    [
        "visa\x00",
        "\x00\x00",
        "visa & | ! ( ) : * <->",
        '"visa',
        "-visa",
        "visa OR",
        "' OR 1=1 --",
        "%_%",
        "😀 visa",
        "\\",
        "a" * 5000,
        "visa " * 300,
    ],
)
def test_hostile_queries_get_an_answer_not_an_error(client, visa_thread, query):
    response = client.get("/search/", {"query": query})

    assert response.status_code in {200, 400}
    if response.status_code == 200:
        assert len(response.context["query"]) <= 200


def test_the_query_may_come_as_q(client, visa_thread):
    response = client.get("/search/", {"q": "visa"})

    assert titles(response) == ["Visa statistics by nationality"]
    assert 'value="visa"' in response.content.decode()


@pytest.mark.skipif(not ON_POSTGRESQL, reason="SQLite matches words as typed")
def test_on_postgresql_answers_finds_answer(client, visa_thread, producer):
    forums.post_reply(visa_thread, producer, "Here is the answer from the team.")

    response = client.get("/search/", {"query": "answers"})

    assert titles(response) == ["Reply to Visa statistics by nationality"]
    assert "<mark>answer</mark>" in response.content.decode()


@pytest.mark.skipif(not ON_POSTGRESQL, reason="SQLite ranks title matches first only")
def test_on_postgresql_a_word_in_the_title_ranks_first(client, migration, member):
    forums.start_thread(
        member,
        migration,
        title="Other",
        body="Refugees and refugees",
        kind="discussion",
        tell=False,
    )
    forums.start_thread(
        member,
        migration,
        title="Refugees",
        body="Numbers",
        kind="discussion",
        tell=False,
    )

    assert titles(client.get("/search/", {"query": "refugees"})) == [
        "Refugees",
        "Other",
    ]


@pytest.mark.skipif(ON_POSTGRESQL, reason="PostgreSQL stems")
def test_on_sqlite_a_word_matches_as_typed_title_first(client, migration, member):
    forums.start_thread(
        member,
        migration,
        title="Other",
        body="About refugees",
        kind="discussion",
        tell=False,
    )
    forums.start_thread(
        member,
        migration,
        title="Refugees",
        body="Numbers",
        kind="discussion",
        tell=False,
    )

    assert titles(client.get("/search/", {"query": "refugees"})) == [
        "Refugees",
        "Other",
    ]
    assert titles(client.get("/search/", {"query": "refugee"})) == ["Refugees", "Other"]
    assert SearchDocument.objects.filter(search_vector__isnull=False).count() == 0


def test_past_the_cap_the_newest_matches_are_ranked_and_the_count_says_more(
    client, visa_thread, monkeypatch
):
    from search import query

    monkeypatch.setattr(query, "MAX_RESULTS", 2)
    for n in range(3):
        DataGapFactory(theme=visa_thread.theme, title=f"Visa gap {n}")

    response = client.get("/search/", {"query": "visa"})

    assert response.context["results"].paginator.count == 2
    assert "More than 2 results for ‘visa’" in response.content.decode()
    assert "These are the most relevant of the 2 newest." in response.content.decode()


def test_filters_without_words_list_the_newest_first(client, visa_thread, migration):
    DataGapFactory(theme=migration, title="Older gap")
    DataGapFactory(theme=migration, title="Newer gap")

    response = client.get("/search/", {"kind": "data_gap"})

    assert titles(response) == ["Newer gap", "Older gap"]
    assert "2 results" in response.content.decode()
