"""Members get a stable handle made from their name; erasure clears it."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from accounts import handles
from accounts.factories import UserFactory
from accounts.handles import MAX_LENGTH, stem, unique_handle
from accounts.services import delete_account

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Jane Smith", "jane_smith"),
        ("Zoë O'Brien-Tán", "zoe_obrien_tan"),
        ("李小龙", "member"),
        ("", "member"),
        ("  --Ab--  ", "ab"),
        ("x" * 100, "x" * 24),
    ],
)
def test_a_handle_is_made_from_the_name(name, handle):
    assert stem(name) == handle


def test_a_taken_handle_gets_a_number():
    taken = {"jane_smith", "jane_smith_2"}

    assert unique_handle("Jane Smith", taken.__contains__) == "jane_smith_3"
    assert (
        len(unique_handle("y" * 100, lambda h: h != "y" * 24 + "_99999")) <= MAX_LENGTH
    )


def test_members_get_handles_from_their_names_that_do_not_change():
    first = UserFactory(first_name="Jane", last_name="Smith")
    second = UserFactory(first_name="Jane", last_name="Smith")
    chosen = UserFactory(display_name="Stats Fan", first_name="A", last_name="B")

    first.first_name = "Janet"
    first.save()
    first.refresh_from_db()

    assert (first.handle, second.handle) == ("jane_smith", "jane_smith_2")
    assert chosen.handle == "stats_fan"


def test_the_profile_shows_the_handle(client):
    member = UserFactory(first_name="Jane", last_name="Smith")

    page = client.get(reverse("public_profile", args=[member.pk])).content.decode()

    assert "@jane_smith" in page


def test_erasing_an_account_clears_the_handle_for_someone_else():
    member = UserFactory(first_name="Jane", last_name="Smith")

    delete_account(member, keep_public_posts=True)
    member.refresh_from_db()

    assert member.handle is None
    assert UserFactory(first_name="Jane", last_name="Smith").handle == "jane_smith"


def test_two_members_of_one_name_joining_at_once_get_different_handles(monkeypatch):
    """The second saw the handle free just before the first took it."""
    first = UserFactory(first_name="Jane", last_name="Smith")
    real = handles.unique_handle
    guesses = iter(["jane_smith"])
    monkeypatch.setattr(
        handles,
        "unique_handle",
        lambda name, taken: next(guesses, None) or real(name, taken),
    )

    second = UserFactory(first_name="Jane", last_name="Smith")

    assert (first.handle, second.handle) == ("jane_smith", "jane_smith_2")


def test_a_taken_email_is_still_refused_whatever_the_handle():
    UserFactory(email="jane@example.org")

    with pytest.raises(IntegrityError):
        UserFactory(email="jane@example.org")
