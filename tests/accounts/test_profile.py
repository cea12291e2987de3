import pytest
from django.urls import reverse

from accounts.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "display_name": "Ada L",
    "organisation": "",
    "organisation_name": "Difference Engine Society",
    "sector": "academic",
    "expertise": "census, small-area data",
    "bio": "I use population estimates.",
}


def test_a_member_keeps_a_profile_that_others_can_read(client):
    member = UserFactory(email="ada@example.org")
    client.force_login(member)

    response = client.post(reverse("edit_profile"), PROFILE)
    assert response.status_code == 302

    public = client.get(member.get_absolute_url()).content.decode()
    assert "Ada L" in public
    assert "Difference Engine Society" in public
    assert "Academic or researcher" in public
    assert "small-area data" in public
    assert "I use population estimates." in public
    assert "ada@example.org" not in public


def test_choosing_and_typing_an_organisation_is_refused_and_keeps_the_input(client):
    member = UserFactory()
    client.force_login(member)
    ons = OrganisationFactory(name="Office for National Statistics")

    response = client.post(reverse("edit_profile"), {**PROFILE, "organisation": ons.pk})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose an organisation from the list or type its name, not both." in html
    assert 'value="Difference Engine Society"' in html
    member.refresh_from_db()
    assert member.organisation is None
    assert member.display_name == ""


def test_a_bio_longer_than_1000_characters_is_refused(client):
    client.force_login(UserFactory())

    response = client.post(reverse("edit_profile"), {**PROFILE, "bio": "x" * 1001})

    assert "at most 1000 characters" in response.content.decode()


def test_an_unverified_member_must_confirm_their_email_first(client):
    client.force_login(UserFactory(verified=False))

    response = client.get(reverse("edit_profile"))

    assert response.status_code == 200
    assert "you need to confirm your email address" in response.content.decode()
    assert "Save your profile" not in response.content.decode()


def test_the_profile_of_a_deleted_account_is_gone(client):
    member = UserFactory(is_active=False)

    assert client.get(member.get_absolute_url()).status_code == 404
