"""The search page in Welsh: its filters, the count of results and each result's
kind; what members wrote is found and shown as they wrote it."""

import pytest

from forums import services as forums
from gaps.factories import DataGapFactory
from tests.in_welsh import page_in_welsh

pytestmark = pytest.mark.django_db


def test_the_search_page_is_in_welsh(client, migration):
    DataGapFactory(theme=migration, title="Visa refusals by reason")

    html = page_in_welsh(client, "/search/", {"query": "visa"})

    for welsh in [
        "Canlyniadau chwilio am ‘visa’",
        "1 canlyniad ar gyfer ‘visa’",
        "Bwlch data",
        "Rhoi'r hidlyddion ar waith",
        "Perthnasedd",
        "Visa refusals by reason",
    ]:
        assert welsh in html, welsh
    for english in ["Search results for", "1 result for", "Apply filters", "Relevance"]:
        assert english not in html, english


def test_a_search_that_finds_nothing_says_so_in_welsh(client, migration):
    html = page_in_welsh(client, "/search/", {"query": "nothing-like-this"})

    assert "0 canlyniad" in html
    assert "Rhowch gynnig ar eiriau eraill" in html
    assert "Try other words" not in html


def test_a_reply_found_is_named_in_welsh_by_the_thread_it_answers(
    client, visa_thread, producer
):
    forums.post_reply(visa_thread, producer, "The karaoke tables are monthly.")

    html = page_in_welsh(client, "/search/", {"query": "karaoke"})

    assert "Ateb i Visa statistics by nationality" in html
    assert "Reply to" not in html
