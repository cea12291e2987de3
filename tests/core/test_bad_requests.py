"""Input no browser sends gets a clear page or a clear error, never a 500."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from forums.models import Thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "/themes/housing/discussions/?topic=a%00b",
        "/data-gaps/similar/?theme=%00",
        "/search/?query=x&%00=1",
        "/admin/workflows/tasks/add/a%00/b/",
        "/themes/housing%00/",
    ],
)
def test_a_nul_in_the_address_is_a_bad_request_page(client, housing, address):
    response = client.get(address)

    assert response.status_code == 400
    assert "Sorry, the address is not valid" in response.content.decode()


def test_a_host_the_site_does_not_serve_is_a_bad_request_page(client, housing):
    response = client.get(housing.url, HTTP_HOST="forged.example.com")

    assert response.status_code == 400
    assert "Sorry, the address is not valid" in response.content.decode()
    assert "forged.example.com" not in response.content.decode()


def test_a_topic_too_long_to_store_is_an_error_next_to_the_field(client, housing):
    client.force_login(UserFactory())
    typed = "census, " + "x" * 101

    response = client.post(
        reverse("forums:new_thread", kwargs={"theme_slug": housing.slug}),
        {
            "kind": "question",
            "title": "Overcrowding",
            "body": "Where are the figures?",
            "topics": typed,
            "action": "post",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Each one must be 100 characters or fewer" in page
    assert "x" * 101 in page  # what was typed is kept
    assert not Thread.objects.exists()


def test_an_area_of_expertise_too_long_to_store_is_an_error(client):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        reverse("edit_profile"),
        {
            "first_name": "Ada",
            "last_name": "Byron",
            "sector": "",
            "expertise": "y" * 101,
        },
    )

    assert response.status_code == 200
    assert "Each one must be 100 characters or fewer" in response.content.decode()
    member.refresh_from_db()
    assert not member.expertise.exists()
