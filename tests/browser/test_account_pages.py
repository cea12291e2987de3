"""Every allauth page a member can reach is GOV.UK markup without axe violations."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser

SIGNED_OUT_PAGES = [
    ("/accounts/login/", "Sign in"),
    ("/accounts/signup/", "Create an account"),
    ("/accounts/password/reset/", "Reset your password"),
    ("/accounts/confirm-email/not-a-real-key/", "This link does not work"),
]
SIGNED_IN_PAGES = [
    ("/my/", "Your account"),
    ("/accounts/email/", "Your email addresses"),
    ("/accounts/password/change/", "Change your password"),
    ("/accounts/2fa/", "Two-Factor Authentication"),
    # Setting up an authenticator asks for the password again first.
    ("/accounts/2fa/totp/activate/", "Confirm it is you"),
    ("/accounts/notifications/", "Email preferences"),
    ("/accounts/your-data/", "Download your data"),
    ("/accounts/delete/", "Delete your account"),
    ("/accounts/logout/", "Sign out"),
]


def test_the_signed_out_account_pages_are_accessible(page, home_page):
    for path, heading in SIGNED_OUT_PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)


def test_the_signed_in_account_pages_are_accessible(page, home_page):
    UserFactory(email="member@example.org")
    sign_in(page, "member@example.org")

    for path, heading in SIGNED_IN_PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)


def test_a_bad_password_change_is_explained_next_to_the_field(page, home_page):
    UserFactory(email="member@example.org")
    sign_in(page, "member@example.org")
    page.goto("/accounts/password/change/")

    page.get_by_label("Current password").fill("not-my-password")
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Confirm your new password").fill("short")
    page.get_by_role("button", name="Change password").click()

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_oldpassword-error")).to_be_visible()
    assert_accessible(page)


def test_a_member_setting_up_an_authenticator_sees_its_qr_code(page, home_page):
    UserFactory(email="member@example.org")
    sign_in(page, "member@example.org")
    page.goto("/accounts/2fa/totp/activate/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()

    qr_code = page.locator("img.sf-qr-code")
    expect(qr_code).to_be_visible()
    # The code is a data: image: a policy that refused it would leave it blank.
    assert qr_code.get_attribute("src").startswith("data:image/svg+xml")
    assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")
    assert_accessible(page)
