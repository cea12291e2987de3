import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.org",
    "password1": "analytical-engine-1843",
    "password2": "analytical-engine-1843",
}


def confirmation_link(message):
    return re.search(
        r"http://testserver(/accounts/confirm-email/[^\s]+/)", message.body
    )[1]


def test_signing_up_sends_a_link_that_verifies_the_address_and_signs_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="ada@example.org")
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("statsforum: ")

    client.post(confirmation_link(mail.outbox[0]))

    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("dashboard")).status_code == 200


def test_an_unverified_member_cannot_sign_in_until_they_confirm(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(
        reverse("account_login"),
        {"login": "ada@example.org", "password": SIGNUP["password1"]},
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter an email address in the right form"),
        ("email", "", "Enter your email address."),
        ("first_name", "", "Enter your first name."),
        ("password1", "password", "This password is too common."),
        ("password1", "12345678901", "This password is entirely numeric."),
    ],
)
def test_bad_sign_up_details_are_explained_and_what_was_typed_is_kept(
    client, field, value, message
):
    data = {**SIGNUP, field: value}
    if field == "password1":
        data["password2"] = value

    response = client.post(reverse("account_signup"), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert message in html
    assert 'class="govuk-error-summary"' in html
    assert f'value="{data["last_name"]}"' in html
    assert not User.objects.exists()
    assert not mail.outbox


def test_signing_up_with_an_address_that_has_an_account_reveals_nothing(client):
    UserFactory(email="ada@example.org", first_name="Existing")

    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="ada@example.org").count() == 1
    assert User.objects.get(email="ada@example.org").first_name == "Existing"
    assert len(mail.outbox) == 1
    assert "already" in mail.outbox[0].body.lower()


def test_a_tampered_confirmation_link_is_refused(client):
    client.post(reverse("account_signup"), SIGNUP)
    link = confirmation_link(mail.outbox[0])

    response = client.post(link.replace(link[-6:-1], "xxxxx"))

    assert response.status_code == 404
    assert not EmailAddress.objects.get(email="ada@example.org").verified


def test_an_expired_confirmation_link_is_refused(client, settings):
    client.post(reverse("account_signup"), SIGNUP)
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 0

    response = client.post(confirmation_link(mail.outbox[0]))

    assert response.status_code == 404
    assert not EmailAddress.objects.get(email="ada@example.org").verified


def test_wrong_passwords_and_unknown_accounts_get_the_same_answer(client):
    UserFactory(email="known@example.org")

    known = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": "wrong"}
    )
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong"}
    )

    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_failed_sign_ins_are_limited_to_ten_per_account_in_five_minutes(client):
    UserFactory(email="target@example.org", password="the-right-password")
    for _ in range(10):
        client.post(
            reverse("account_login"),
            {"login": "target@example.org", "password": "wrong-password"},
        )

    response = client.post(
        reverse("account_login"),
        {"login": "target@example.org", "password": "the-right-password"},
    )

    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_can_be_reset_from_the_emailed_link(client):
    UserFactory(email="forgetful@example.org")

    client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"})
    link = re.search(
        r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body
    )[1]
    form_url = client.get(link).url
    client.post(
        form_url,
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )

    assert client.login(
        email="forgetful@example.org", password="a-brand-new-passphrase"
    )


def test_resetting_an_unknown_address_looks_the_same_as_a_known_one(client):
    response = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
