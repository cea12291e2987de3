"""The search's query count does not grow with the content or the results."""

import pytest

from accounts.factories import UserFactory
from forums import services as forums
from gaps.factories import DataGapFactory

pytestmark = pytest.mark.django_db

# Session, user and their permissions (3 + 2); themes (with Wagtail's view
# restrictions) and organisations for the filters (3); the count, a page of ids, and
# the page's documents with their themes, authors and organisations (3); the
# navigation's site, restrictions and pages (3).
SEARCH_QUERIES = 15


def add_content(theme, producer, n):
    for i in range(n):
        thread = forums.start_thread(
            UserFactory(),
            theme,
            title=f"Visa question {i}",
            body="Visa numbers?",
            kind="question",
            tell=False,
        )
        forums.post_reply(thread, producer, "Visa tables are monthly.", tell=False)
        DataGapFactory(theme=theme, title=f"Visa gap {i}")


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_search_takes_as_many_queries_for_3_results_as_for_60(
    client, migration, producer, ons, django_assert_max_num_queries, sort
):
    client.force_login(UserFactory())
    params = {"query": "visa", "sort": sort, "organisation": ""}
    add_content(migration, producer, 1)
    with django_assert_max_num_queries(SEARCH_QUERIES) as few:
        client.get("/search/", params)

    add_content(migration, producer, 19)
    with django_assert_max_num_queries(SEARCH_QUERIES) as many:
        response = client.get("/search/", params)

    assert response.context["results"].paginator.count == 60
    assert len(many) == len(few)


def test_a_filtered_search_by_organisation_stays_in_budget(
    client, migration, producer, ons, django_assert_max_num_queries
):
    add_content(migration, producer, 15)

    with django_assert_max_num_queries(SEARCH_QUERIES):
        response = client.get("/search/", {"query": "visa", "organisation": ons.pk})

    assert response.context["results"].paginator.count == 15
