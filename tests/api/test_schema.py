"""The OpenAPI schema, and a property-based run of it (schemathesis) against the
site in process: every operation, with generated parameters, answers as the schema
says (no server error, a documented status, a body of the documented shape)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db

# Enough to meet every parameter's edge cases; the run stays well under a minute.
EXAMPLES = 12


@pytest.fixture
def connection_kept():
    """Requests straight to the WSGI application keep the test's connection and
    its transaction, as Django's test client does: closing "old" connections at
    each request would drop it (PostgreSQL then refuses a new one mid-test)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Hostile input, like the walker (tests/test_hostile_input.py), so CI runs it on
# PostgreSQL, the stricter database, and not again on SQLite.
@pytest.mark.walker
def test_every_operation_answers_as_the_schema_says(everything, connection_kept):
    """Each operation with generated parameters, over the site's own WSGI
    application, with a public theme's worth of content to read."""
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 16
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def answers_as_documented(case):
            case.call_and_validate()

        answers_as_documented()


def test_the_schema_is_at_a_stable_address_and_covers_our_lists(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    assert set(paths) == {
        "/api/v2/",
        "/api/v2/threads/",
        "/api/v2/threads/{id}/",
        "/api/v2/threads/{thread_pk}/replies/",
        "/api/v2/data-gaps/",
        "/api/v2/data-gaps/{id}/",
        "/api/v2/meetings/",
        "/api/v2/meetings/{id}/",
        "/api/v2/consultations/",
        "/api/v2/consultations/{id}/",
        "/api/v2/consultations/{consultation_pk}/responses/",
        "/api/v2/organisations/",
        "/api/v2/organisations/{id}/",
        "/api/v2/contacts/",
        "/api/v2/statistics/",
        "/api/v2/statistics/{id}/",
    }
    assert all(set(methods) == {"get"} for methods in paths.values())


def test_the_documentation_page_lists_every_address_and_the_pages_api(client):
    response = client.get("/api/")
    assert response.status_code == 200
    page = response.content.decode()
    for path in [
        "/api/v2/threads/{id}/",
        "/api/v2/data-gaps/",
        "/api/v2/contacts/",
        "/api/v2/statistics/",
        "/api/v2/statistics/{id}/",
    ]:
        assert f"GET {path}" in page
    assert "/api/v2/pages/" in page
    assert "what_it_would_inform" in page
    # Drawn on the server: no script of its own, nothing from elsewhere.
    assert "swagger" not in page.lower()
    assert 'src="http' not in page
