"""The API's documentation page in Welsh; the API itself answers in English, its
field names and values the same for every program.

The page keeps one address (/api/, in English), so it is drawn here with Welsh
active, as it would be for a Welsh address."""

import html

import pytest
from django.test import RequestFactory
from django.utils import translation

from api.documentation import documentation
from tests.in_welsh import in_welsh

pytestmark = pytest.mark.django_db


def test_the_documentation_page_is_in_welsh(home_page):
    with translation.override("cy"):
        page = html.unescape(
            documentation(RequestFactory().get("/api/")).content.decode()
        )

    for welsh in [
        "API data agored",
        "Ei ddefnyddio",
        "Cyfeiriadau",
        "Paramedr",
        "Ystyr",
        "Trafodaethau a chwestiynau",
    ]:
        assert welsh in page, welsh
    # (The footer's link to this page is the footer's to translate.)
    for english in [
        '<h1 class="govuk-heading-xl">Open data API</h1>',
        "Using it",
        "Everything a visitor can read",
        "Discussions and questions",
    ]:
        assert english not in page, english
    # The addresses and field names stay as programs use them.
    assert "GET /api/v2/data-gaps/" in page


def test_the_api_answers_in_english_whatever_the_language(client):
    response = in_welsh(client.get, "/api/v2/data-gaps/")

    assert response.status_code == 200
    assert set(response.json()) == {"count", "next", "previous", "results"}
