"""With the database unavailable a request fails fast with a styled 503."""

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory
from django.urls import reverse

from core import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every connection attempt fails, as psycopg's pool does when the server is
    stopped (PoolTimeout, which Django raises as OperationalError)."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("couldn't get a connection after 3.00 sec")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)


def browser():
    return Client(raise_request_exception=False)


def test_a_page_is_a_503_with_retry_after_when_the_database_is_down(
    home_page, database_down
):
    response = browser().get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER)
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "govuk-heading-l" in html


def test_signing_in_is_a_503_when_the_database_is_down(database_down):
    response = browser().post(
        reverse("account_login"),
        {"login": "member@example.org", "password": "a-good-test-password"},
    )

    assert response.status_code == 503


def test_an_interface_error_is_a_503_too():
    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 503


def test_any_other_error_is_still_the_500_page():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
