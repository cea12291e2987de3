"""The API's documentation page in Welsh; the API itself answers in English, its
field names and values the same for every program."""

import pytest

from tests.in_welsh import in_welsh, page_in_welsh

pytestmark = pytest.mark.django_db


def test_the_documentation_page_is_in_welsh(client):
    html = page_in_welsh(client, "/api/")

    for welsh in [
        "API data agored",
        "Ei ddefnyddio",
        "Cyfeiriadau",
        "Paramedr",
        "Ystyr",
    ]:
        assert welsh in html, welsh
    # (The footer's link to this page is the footer's to translate.)
    for english in [
        '<h1 class="govuk-heading-xl">Open data API</h1>',
        "Using it",
        "Everything a visitor can read",
        "Discussions and questions",
    ]:
        assert english not in html, english
    # The addresses and field names stay as programs use them.
    assert "GET /api/v2/data-gaps/" in html


def test_the_api_answers_in_english_whatever_the_language(client):
    response = in_welsh(client.get, "/api/v2/data-gaps/")

    assert response.status_code == 200
    assert set(response.json()) == {"count", "next", "previous", "results"}
