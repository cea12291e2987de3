"""A failed sign-in costs the same for an account that exists and one that does not.

Both authentication backends run (Django's ModelBackend, then allauth's): each runs
the password hasher once whether or not the address has an account, so the answer
takes as long either way. Counted here, never timed: bench/sign_in_timing.py times it.
"""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    runs = 0

    def encode(self, password, salt):
        CountingHasher.runs += 1
        return super().encode(password, salt)


@pytest.fixture
def hasher_runs(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]

    def runs_for(client, login):
        before = CountingHasher.runs
        response = client.post(
            reverse("account_login"), {"login": login, "password": "wrong-password"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
        return CountingHasher.runs - before

    return runs_for


def test_a_failed_sign_in_hashes_as_often_for_an_unknown_address_as_a_known_one(
    client, hasher_runs
):
    UserFactory(email="known@example.org", password="the-right-password")
    UserFactory(email="unusable@example.org", password=None)
    UserFactory(email="gone@example.org", is_active=False)

    runs = {
        login: hasher_runs(client, login)
        for login in [
            "known@example.org",
            "KNOWN@example.org",
            "nobody@example.org",
            "unusable@example.org",
            "gone@example.org",
        ]
    }

    # Once in each backend, for every kind of address.
    assert set(runs.values()) == {2}, runs
