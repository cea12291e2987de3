import pytest
from django.db import connection

from home.views import RESULTS_PER_PAGE
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def test_search_without_a_query_shows_only_the_form(client, home_page):
    response = client.get("/search/")

    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="query"' in response.content.decode()


def test_search_finds_a_theme_by_words_in_its_introduction(client, theme_index):
    ThemePageFactory(
        parent=theme_index,
        title="Travel and tourism",
        summary="Journeys and visits.",
        introduction=[{"type": "paragraph", "value": "<p>Passenger surveys.</p>"}],
    )
    ThemePageFactory(parent=theme_index, title="Crime and justice")

    response = client.get("/search/", {"query": "passenger"})
    html = response.content.decode()

    assert [r.title for r in response.context["results"]] == ["Travel and tourism"]
    assert "1 result for ‘passenger’" in html
    assert "Journeys and visits." in html
    assert "Theme page" in html


def test_search_leaves_out_drafts(client, theme_index):
    ThemePageFactory(parent=theme_index, title="Secret plans", live=False)

    response = client.get("/search/", {"query": "secret"})

    assert list(response.context["results"]) == []
    assert "0 results for ‘secret’" in response.content.decode()
    assert "Try other words" in response.content.decode()


def test_search_results_are_paginated_and_keep_the_query(client, theme_index):
    for n in range(RESULTS_PER_PAGE + 2):
        ThemePageFactory(parent=theme_index, title=f"Harbour statistics {n}")

    first = client.get("/search/", {"query": "harbour"})
    second = client.get("/search/", {"query": "harbour", "page": 2})

    assert len(first.context["results"]) == RESULTS_PER_PAGE
    assert len(second.context["results"]) == 2
    assert "?query=harbour&amp;page=2" in first.content.decode()


def test_a_very_long_query_is_cut_short_not_refused(client, home_page):
    response = client.get("/search/", {"query": "x" * 5000})

    assert response.status_code == 200
    assert len(response.context["query"]) == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's full-text search does not stem"
)
def test_search_on_postgresql_matches_other_forms_of_a_word(client, theme_index):
    ThemePageFactory(parent=theme_index, title="Travel", summary="Passenger surveys.")

    response = client.get("/search/", {"query": "survey"})

    assert [r.title for r in response.context["results"]] == ["Travel"]
