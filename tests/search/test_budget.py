"""The search's query count, and its index's, do not grow with the content or the
results."""

import pytest
from django.db import connection
from django.db.models.deletion import Collector
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from events.factories import EventPageFactory
from forums import services as forums
from gaps.factories import DataGapFactory
from search import documents, indexing
from search.models import SearchDocument, Source

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
    # What every page keeps in the cache (the footer's pages) is kept from the first.
    client.get("/search/", params)
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


def reply_documents():
    return list(
        SearchDocument.objects.filter(source=Source.REPLY)
        .order_by("object_id")
        .values(*DOCUMENT_FIELDS)
    )


DOCUMENT_FIELDS = ["object_id", "kind", "theme", "title", "body", "url", "date"] + [
    "author",
    "who",
    "role",
    "organisation",
    "is_public",
]


def test_reindexing_a_theme_takes_as_many_queries_for_20_threads_as_for_2(
    migration, producer
):
    """A theme is reindexed when its title, address or visibility changes, and by
    `rebuild_search_index`: its queries grow with the batches written, never with
    the threads (100,000 threads took a query each, several times over)."""
    add_content(migration, producer, 2)
    with CaptureQueriesContext(connection) as few:
        indexing.index_theme_content(migration)

    add_content(migration, producer, 18)
    with CaptureQueriesContext(connection) as many:
        indexing.index_theme_content(migration)

    assert SearchDocument.objects.filter(source=Source.REPLY).count() == 20
    assert len(many) == len(few)


def test_reindexing_a_theme_gives_each_reply_the_document_it_gets_alone(
    migration, producer, member, visa_thread, monkeypatch
):
    """The theme's replies, read in one pass, are each on the page of the thread
    they would be on when indexed one by one, with their author's badge."""
    monkeypatch.setattr(documents, "REPLIES_PER_PAGE", 2)
    other = forums.start_thread(
        member,
        migration,
        title="Asylum figures",
        body="Where?",
        kind="discussion",
        tell=False,
    )
    for thread in (visa_thread, other):
        first = forums.post_reply(thread, member, "Monthly tables.", tell=False)
        forums.post_reply(thread, producer, "Quarterly too.", tell=False)
        forums.post_reply(thread, member, "Thanks.", parent_id=first.pk, tell=False)
        gone = forums.post_reply(thread, member, "Oops.", tell=False)
        forums.delete_reply(thread, gone, member)
        forums.post_reply(thread, producer, "Also by region.", tell=False)
    one_by_one = reply_documents()

    SearchDocument.objects.filter(source=Source.REPLY).delete()
    indexing.index_theme_content(migration)

    assert reply_documents() == one_by_one
    assert {document["url"].split("#")[0][-7:] for document in one_by_one} >= {
        "?page=2"
    }
    assert {document["role"] for document in one_by_one} == {"", "producer"}


def test_a_deleted_pages_document_goes_and_other_rows_keep_djangos_fast_delete(
    migration,
):
    meeting = EventPageFactory(parent=migration, title="Autumn users meeting")
    assert SearchDocument.objects.filter(source=Source.PAGE, object_id=meeting.pk)

    meeting.delete()

    assert not SearchDocument.objects.filter(source=Source.PAGE, object_id=meeting.pk)
    # No receiver for every model's deletions: the index's rows are deleted in one
    # statement, not read first.
    assert Collector("default").can_fast_delete(SearchDocument.objects.all())
