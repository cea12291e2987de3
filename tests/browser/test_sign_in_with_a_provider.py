"""Signing in through an OpenID Connect provider, and passkeys as a second factor,
in Chromium."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import PASSWORD, sign_in, sign_in_staff

pytestmark = pytest.mark.browser


@pytest.fixture
def other_hosts(running_identity_provider):
    return {urlsplit(running_identity_provider.url).netloc}


def test_a_newcomer_signs_in_through_their_identity_provider(page, identity_provider):
    identity_provider.add_person(
        "grace",
        email="grace@example.org",
        email_verified=True,
        given_name="Grace",
        family_name="Hopper",
    )

    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with Test identity provider").click()
    # The provider's own page: who to sign in as.
    page.get_by_placeholder("sub").fill("grace")
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    assert User.objects.get().email == "grace@example.org"
    assert_accessible(page)


def test_a_sign_in_that_comes_back_without_its_state_is_refused_politely(
    page, identity_provider
):
    page.goto("/accounts/oidc/idp/login/callback/?code=stolen&state=forged")

    expect(
        page.get_by_role("heading", level=1, name="You have not been signed in")
    ).to_be_visible()
    assert_accessible(page)


def add_virtual_authenticator(page):
    """Chromium's virtual authenticator (DevTools): a passkey device that answers
    every WebAuthn request as a person touching it would."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_an_editor_adds_a_passkey_and_uses_it_as_their_second_factor(page, editor):
    editor.set_password(PASSWORD)
    editor.save()
    add_virtual_authenticator(page)
    sign_in_staff(page, editor)

    page.goto("/accounts/2fa/")
    assert_accessible(page)
    page.get_by_role("button", name="Add a passkey").click()
    # allauth asks for the password again before a second factor is added.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Work laptop")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Passkey added.")).to_be_visible()
    assert Authenticator.objects.filter(
        user=editor, type=Authenticator.Type.WEBAUTHN
    ).exists()

    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, editor.email)
    assert_accessible(page)
    page.get_by_role("button", name="Use a security key").click()

    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    # The passkey was this session's second factor: the admin asks for nothing more.
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1, name="statsforum")).to_be_visible()
