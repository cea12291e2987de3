import json
import re

import pytest
from playwright.sync_api import expect

from accounts.factories import OrganisationFactory, UserFactory, totp_code
from accounts.models import User
from tests.browser.conftest import assert_accessible
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-good-test-password"


@pytest.fixture
def migration(theme_index):
    return ThemePageFactory(
        parent=theme_index,
        title="Migration",
        slug="migration",
        summary="People moving.",
    )


def sign_in(page, email, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def sign_in_staff(page, user):
    """Sign in with a password and an authenticator code, as admin users must."""
    sign_in(page, user.email)
    code = totp_code(user.totp_secret)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()


def sign_out(page):
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()


def approve_as_editor(page, editor, title):
    """Sign out whoever submitted the page titled `title`, and approve and publish
    it as the editor, from the admin's dashboard."""
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()
    sign_in_staff(page, editor)
    page.goto("/admin/")
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish").click()


def test_a_newcomer_signs_up_verifies_joins_a_theme_and_edits_their_profile(
    page, migration, mailoutbox
):
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="Create an account").click()
    assert_accessible(page)

    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Email address").fill("ada-at-example.org")
    page.get_by_label("Create a password").fill("analytical-engine-1843")
    page.get_by_label("Confirm your password").fill("analytical-engine-1843")
    page.get_by_role("button", name="Create your account").click()

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_email-error")).to_contain_text("Enter an email address")
    expect(page.get_by_label("First name")).to_have_value("Ada")
    assert_accessible(page)
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Create a password").fill("analytical-engine-1843")
    page.get_by_label("Confirm your password").fill("analytical-engine-1843")
    page.get_by_role("button", name="Create your account").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body)[0]
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    assert_accessible(page)

    page.goto(migration.url)
    page.get_by_role("button", name="Join Migration").click()
    expect(page.get_by_text("You have joined Migration.")).to_be_visible()
    expect(page.get_by_text("You are a member")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("link", name="Migration")).to_be_visible()
    page.get_by_role("link", name="Profile", exact=True).click()
    page.get_by_label("Display name").fill("Ada L")
    page.get_by_label("Academic or researcher").check()
    page.get_by_label("About you").fill("I use population estimates.")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="See your public profile").click()
    expect(page.get_by_role("heading", name="Ada L")).to_be_visible()
    expect(page.get_by_text("ada@example.org")).to_have_count(0)
    assert_accessible(page)


def test_a_producer_asks_to_be_recognised_and_an_editor_approves_in_the_admin(
    page, migration, editor, mailoutbox
):
    OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    UserFactory(email="priya@example.org", first_name="Priya", last_name="Shah")

    sign_in(page, "priya@example.org")
    page.goto(migration.url)
    page.get_by_role("link", name=re.compile("Ask to be recognised")).click()
    page.get_by_role("button", name="Send your request").click()
    expect(page.locator("#id_organisation-error")).to_contain_text(
        "Choose your organisation."
    )
    assert_accessible(page)
    page.get_by_label("Which organisation").select_option(
        label="Office for National Statistics (ONS)"
    )
    page.get_by_label("Your job title").fill("Statistician, International Migration")
    page.get_by_role("button", name="Send your request").click()
    expect(page.get_by_text("Waiting for a decision")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, "editor@example.org")
    expect(
        page.get_by_role("heading", name="Two-Factor Authentication")
    ).to_be_visible()
    assert_accessible(page)
    code = totp_code(editor.totp_secret)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()

    page.goto("/admin/producer_requests/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_label("Approve").check()
    page.get_by_role("textbox", name="Note to the member").fill("Welcome aboard.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Approved").first).to_be_visible()
    assert mailoutbox[-1].to == ["priya@example.org"]
    assert "Welcome aboard." in mailoutbox[-1].body
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "priya@example.org")
    expect(page.get_by_text("Statistics producer, Migration")).to_be_visible()
    expect(page.get_by_text("Approved")).to_be_visible()
    assert_accessible(page)


def test_a_member_downloads_their_data_then_deletes_their_account(page, migration):
    UserFactory(email="leaving@example.org", first_name="Lee", last_name="Ving")
    sign_in(page, "leaving@example.org")

    page.get_by_role("link", name="Download your data").click()
    page.get_by_role("button", name="Request a copy of your data").click()
    expect(page.get_by_text("We are putting your data together.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download your data from")).click()
    data = json.loads(download.value.path().read_text())
    assert data["account"]["email"] == "leaving@example.org"

    page.get_by_role("link", name="Delete your account").click()
    page.get_by_role("button", name="Delete your account").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_posts-error")).to_contain_text("Choose what should happen")
    assert_accessible(page)
    page.get_by_label("Keep my posts").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete your account").click()

    expect(
        page.get_by_role("heading", name="Your account has been deleted")
    ).to_be_visible()
    assert_accessible(page)
    assert not User.objects.filter(email="leaving@example.org").exists()
    sign_in(page, "leaving@example.org")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
