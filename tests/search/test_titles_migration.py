"""Replies' and responses' documents stored with the English "Reply to " or
"Response to " keep only what they answer, and are found by it as before; and back
again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from search.models import SearchDocument
from tests.search.conftest import titles

# Transactional: SQLite cannot change its schema inside the test's transaction.
pytestmark = [pytest.mark.data_migration, pytest.mark.django_db(transaction=True)]

BEFORE = [("search", "0003_statistics_are_found")]
STORED = {
    "reply": "Reply to Visa statistics by nationality",
    "response": "Response to Visa consultation",
    "discussion": "Reply to the census",  # a thread's own title: kept as it is
}


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def test_stored_titles_lose_the_english_words_and_results_say_them(client):
    from search.indexing import search_vector, uses_vectors

    try:
        migrate(BEFORE)
        for n, (kind, title) in enumerate(STORED.items()):
            SearchDocument.objects.create(
                source=kind if kind != "discussion" else "thread",
                object_id=n + 1,
                kind=kind,
                title=title,
                body="visa",
                url=f"/{n}/",
                is_public=True,
                date=timezone.now(),
            )
        if uses_vectors():
            SearchDocument.objects.update(search_vector=search_vector())
    finally:
        migrate()

    stored = dict(
        SearchDocument.objects.filter(kind__in=STORED).values_list("kind", "title")
    )
    assert stored == {
        "reply": "Visa statistics by nationality",
        "response": "Visa consultation",
        "discussion": "Reply to the census",
    }
    # Found by what it answers, and named as before (a response has no theme; a
    # reply's document is shown only under a live theme).
    found = titles(client.get("/search/", {"query": "visa"}))
    assert found == ["Response to Visa consultation"]

    migrate([("search", "0003_statistics_are_found")])
    try:
        stored = dict(
            SearchDocument.objects.filter(kind__in=STORED).values_list("kind", "title")
        )
        assert stored["reply"] == "Reply to Visa statistics by nationality"
        assert stored["response"] == "Response to Visa consultation"
    finally:
        migrate()
