"""Editors manage organisations in the Wagtail admin (a snippet of accounts)."""

import pytest
from django.urls import reverse

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, two_factor=True))
    return client


def test_editors_can_add_an_organisation(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_accounts_organisation:add"),
        {
            "name": "Northern Ireland Statistics and Research Agency",
            "acronym": "NISRA",
            "website": "https://www.nisra.gov.uk",
            "kind": "producer",
        },
    )

    assert response.status_code == 302
    assert Organisation.objects.get(acronym="NISRA").kind == "producer"


def test_an_organisation_without_a_name_is_refused_and_keeps_what_was_typed(
    admin_client,
):
    response = admin_client.post(
        reverse("wagtailsnippets_accounts_organisation:add"),
        {"name": "", "acronym": "XYZ", "website": "not a url", "kind": "producer"},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "name" in form.errors
    assert "website" in form.errors
    assert 'value="XYZ"' in response.content.decode()
    assert not Organisation.objects.exists()


def test_the_organisation_list_is_in_the_admin(admin_client):
    OrganisationFactory(name="Welsh Government")

    response = admin_client.get(reverse("wagtailsnippets_accounts_organisation:list"))

    assert response.status_code == 200
    assert "Welsh Government" in response.content.decode()


def test_members_without_admin_access_cannot_reach_the_organisations(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailsnippets_accounts_organisation:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_old_admin_addresses_of_organisations_lead_to_their_new_place(
    admin_client,
):
    organisation = OrganisationFactory()

    response = admin_client.get(
        f"/admin/snippets/themes/organisation/edit/{organisation.pk}/?next=/admin/"
    )

    assert response.status_code == 301
    assert response.url == (
        f"/admin/snippets/accounts/organisation/edit/{organisation.pk}/?next=/admin/"
    )
