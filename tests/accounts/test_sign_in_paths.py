"""Every URL that can sign a user in, and how each is guarded.

The list is read from the URL configuration (tests/accounts/sign_in_doors.py): a
new URL whose code can sign someone in fails the first test until it has a row
here and tests below that show its rate limit, its refusal of unverified accounts
and its second factor for staff, or show that it signs no one in.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory, totp_code
from tests.accounts.sign_in_doors import sign_in_urls

pytestmark = pytest.mark.django_db

PASSWORD = "pass-phrase-2026"

SIGN_IN_URLS = {
    # Email and password: allauth's rate limits, verification, then the code.
    "account_login",
    # The second step of a sign-in paused by allauth: the code, itself limited.
    "mfa_authenticate",
    # ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION: signs in the browser that signed up
    # (or signed in unverified), and asks staff for the code before it does.
    "account_confirm_email",
    # Signing up: with verification mandatory it signs no one in.
    "account_signup",
    # The reset link: ACCOUNT_LOGIN_ON_PASSWORD_RESET is off, so it signs no one in.
    "account_reset_password_from_key",
    # Would sign in with a reset code or an email code, both off: sign no one in.
    "account_reset_password",
    "account_email_verification_sent",
    # Sign-in by emailed code is off: with nothing pending it sends you to sign in.
    "account_confirm_login_code",
    # Wagtail's admin password reset (Django's): off, a 404.
    "wagtailadmin_password_reset_confirm",
    # The return from an OpenID Connect provider: state, nonce and PKCE checked, an
    # account linked only by a verified email, staff asked for the code unless the
    # provider proved a second factor (tests/accounts/test_sign_in_with_a_provider.py).
    "openid_connect_callback",
    # Finishing a provider sign-in that gave no usable email: the new address must
    # be confirmed first, so it signs no one in (same file).
    "socialaccount_signup",
}


def signed_in(client):
    return "_auth_user_id" in client.session


def sign_in(client, email, password=PASSWORD, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": password})


def emailed_link(pattern):
    return re.search(rf"http://testserver({pattern})", mail.outbox[-1].body)[1]


@pytest.fixture
def staff():
    """An editor with an authenticator app."""
    editor = UserFactory(email="staff@example.org", password=PASSWORD, two_factor=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def test_every_url_that_can_sign_someone_in_is_listed_here():
    assert sign_in_urls() == SIGN_IN_URLS


def test_the_walk_finds_a_door_django_or_wagtail_would_open():
    from django.contrib.auth import views as auth_views
    from wagtail import views as wagtail_views

    from tests.accounts.sign_in_doors import can_sign_in

    assert can_sign_in(auth_views.LoginView.as_view())
    assert not can_sign_in(wagtail_views.authenticate_with_password)


# Doors that were Django's LoginView: they send people to allauth, keeping `next`.


@pytest.mark.parametrize("door", ["/_util/login/", "/admin/login/"])
def test_the_old_sign_in_forms_send_people_to_allauth_keeping_where_they_were_going(
    client, door
):
    UserFactory(email="member@example.org", password=PASSWORD)

    response = client.post(
        f"{door}?next=/private/",
        {"username": "member@example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/private/"
    assert not signed_in(client)


def test_wagtails_front_end_sign_in_no_longer_accepts_a_password_after_27_wrong_ones(
    client,
):
    UserFactory(email="target@example.org", password=PASSWORD)
    for _ in range(27):
        client.post(
            "/_util/login/", {"username": "target@example.org", "password": "x"}
        )

    client.post(
        "/_util/login/", {"username": "target@example.org", "password": PASSWORD}
    )

    assert not signed_in(client)


def test_wagtails_front_end_sign_in_no_longer_lets_an_unverified_account_in(client):
    UserFactory(email="new@example.org", password=PASSWORD, verified=False)

    client.post("/_util/login/", {"username": "new@example.org", "password": PASSWORD})

    assert not signed_in(client)
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_producer_cannot_reach_the_admin_through_wagtails_sign_in_without_the_code(
    client, staff
):
    client.post("/_util/login/", {"username": staff.email, "password": PASSWORD})

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_private_pages_send_visitors_to_allauth_to_sign_in(settings):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "account_login"


def test_a_private_page_asks_visitors_to_sign_in_through_allauth(client, home_page):
    PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(home_page.url)

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/"


def test_a_page_password_grants_the_page_and_signs_no_one_in(client, home_page):
    restriction = PageViewRestriction.objects.create(
        page=home_page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="page-secret",
    )
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, home_page.pk]
    )

    response = client.post(url, {"password": "page-secret", "return_url": "/"})

    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert not signed_in(client)


# account_login: the one form that takes a password.


def test_signing_in_is_limited_to_ten_failures_per_account(client):
    UserFactory(email="target@example.org", password=PASSWORD)
    for _ in range(10):
        sign_in(client, "target@example.org", "wrong-password")

    response = sign_in(client, "target@example.org")

    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)


def test_signing_in_refuses_an_unverified_account(client):
    UserFactory(email="new@example.org", password=PASSWORD, verified=False)

    response = sign_in(client, "new@example.org")

    assert response.url == reverse("account_email_verification_sent")
    assert not signed_in(client)


def test_signing_in_asks_staff_for_the_code_before_signing_them_in(client, staff):
    response = sign_in(client, staff.email, next_url="/admin/")

    assert response.url == reverse("mfa_authenticate")
    assert not signed_in(client)


# mfa_authenticate: the second step.


def test_the_code_step_is_limited_to_ten_wrong_codes(client, staff):
    sign_in(client, staff.email)
    for _ in range(10):
        client.post(reverse("mfa_authenticate"), {"code": "000000"})

    client.post(reverse("mfa_authenticate"), {"code": totp_code(staff.totp_secret)})

    assert not signed_in(client)


def test_the_code_step_signs_no_one_in_without_a_password_first(client, staff):
    response = client.post(
        reverse("mfa_authenticate"), {"code": totp_code(staff.totp_secret)}
    )

    assert response.url == reverse("account_login")
    assert not signed_in(client)


def test_an_unverified_account_never_reaches_the_code_step(client, staff):
    staff.emailaddress_set.update(verified=False)

    response = sign_in(client, staff.email)

    assert response.url == reverse("account_email_verification_sent")
    assert client.get(reverse("mfa_authenticate")).url == reverse("account_login")
    assert not signed_in(client)


# account_confirm_email: ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION.


def test_a_confirmation_link_signs_in_only_the_browser_that_signed_up(client):
    client.post(
        reverse("account_signup"),
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "email": "ada@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    link = emailed_link(r"/accounts/confirm-email/[^\s]+/")

    other_browser = Client()
    other_browser.post(link)

    # (The browser that signed up is signed in: test_signup_and_sign_in.py.)
    assert not signed_in(other_browser)


def test_a_confirmation_link_asks_staff_for_the_code_before_signing_them_in(
    client, staff
):
    staff.emailaddress_set.update(verified=False)
    sign_in(client, staff.email)

    response = client.post(emailed_link(r"/accounts/confirm-email/[^\s]+/"))

    assert response.url == reverse("mfa_authenticate")
    assert not signed_in(client)


def test_confirmation_links_are_limited_to_twenty_a_minute(client):
    for _ in range(20):
        assert client.post("/accounts/confirm-email/guess/").status_code == 404

    assert client.post("/accounts/confirm-email/guess/").status_code == 429


# account_signup, account_reset_password, account_email_verification_sent.


def test_signing_up_signs_no_one_in_and_is_limited_to_twenty_a_minute(client, staff):
    answers = [
        client.post(
            reverse("account_signup"),
            {
                "first_name": "Eve",
                "last_name": "Mallory",
                "email": staff.email,
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        ).status_code
        for _ in range(21)
    ]

    assert answers[:20] == [302] * 20
    assert answers[20] == 429
    assert not signed_in(client)


def test_asking_for_a_reset_signs_no_one_in_and_is_limited(client, staff):
    answers = [
        client.post(
            reverse("account_reset_password"), {"email": staff.email}
        ).status_code
        for _ in range(6)
    ]

    assert 429 in answers
    assert not signed_in(client)


def test_the_verification_sent_page_signs_no_one_in(client):
    UserFactory(email="new@example.org", password=PASSWORD, verified=False)
    sign_in(client, "new@example.org")

    assert client.get(reverse("account_email_verification_sent")).status_code == 200
    assert not signed_in(client)


# account_reset_password_from_key: the emailed reset link.


def test_a_reset_link_sets_the_password_but_signs_no_one_in(client, staff):
    client.post(reverse("account_reset_password"), {"email": staff.email})
    form_url = client.get(emailed_link(r"/accounts/password/reset/key/\S+/")).url

    client.post(
        form_url, {"password1": "a-brand-new-phrase", "password2": "a-brand-new-phrase"}
    )

    assert not signed_in(client)
    staff.refresh_from_db()
    assert staff.check_password("a-brand-new-phrase")


def test_reset_links_are_limited_to_twenty_a_minute(client):
    answers = [
        client.post("/accounts/password/reset/key/1-guess/").status_code
        for _ in range(21)
    ]

    assert answers[20] == 429


# account_confirm_login_code and Wagtail's admin password reset: switched off.


def test_confirming_a_login_code_signs_no_one_in_when_none_was_asked_for(client):
    response = client.post(reverse("account_confirm_login_code"), {"code": "ABCDEF"})

    assert response.status_code == 302
    assert not signed_in(client)


def test_wagtails_admin_password_reset_is_switched_off(client, staff):
    confirm = reverse(
        "wagtailadmin_password_reset_confirm", args=["MQ", "set-password"]
    )

    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 404
    assert (
        client.post(confirm, {"new_password1": "x", "new_password2": "x"}).status_code
        == 404
    )
    assert not signed_in(client)
