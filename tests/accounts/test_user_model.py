import pytest
from django.db import IntegrityError
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import User

pytestmark = pytest.mark.django_db


def test_people_sign_in_with_their_email_address(client):
    UserFactory(email="analyst@example.org", password="a-long-password")

    assert client.login(email="analyst@example.org", password="a-long-password")
    assert not client.login(email="analyst@example.org", password="wrong-password")


def test_email_addresses_are_unique_whatever_their_case():
    User.objects.create_user("Analyst@EXAMPLE.org", "a-long-password")

    with pytest.raises(IntegrityError):
        User.objects.create_user("analyst@example.org", "a-long-password")


def test_a_user_needs_an_email_address():
    with pytest.raises(ValueError, match="email address is required"):
        User.objects.create_user("", "a-long-password")


def test_a_user_is_shown_by_name_or_else_by_email():
    assert str(UserFactory.build(first_name="Ada", last_name="Byron")) == "Ada Byron"
    assert str(User(email="x@example.org")) == "x@example.org"


def test_an_administrator_can_add_a_user_in_the_wagtail_admin(client):
    client.force_login(UserFactory(is_superuser=True, two_factor=True))

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.editor@example.org",
            "first_name": "New",
            "last_name": "Editor",
            "password1": "a-strong-passphrase-2026",
            "password2": "a-strong-passphrase-2026",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="new.editor@example.org").check_password(
        "a-strong-passphrase-2026"
    )


def test_the_admin_refuses_a_duplicate_email_and_keeps_what_was_typed(client):
    client.force_login(UserFactory(is_superuser=True, two_factor=True))
    UserFactory(email="taken@example.org")

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "taken@example.org",
            "first_name": "Second",
            "last_name": "Person",
            "password1": "a-strong-passphrase-2026",
            "password2": "a-strong-passphrase-2026",
        },
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'value="Second"' in response.content.decode()
    assert User.objects.filter(email="taken@example.org").count() == 1
