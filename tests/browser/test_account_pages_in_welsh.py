"""allauth's pages in Welsh under /cy/: a member who forgot their password resets it
from the email's link without meeting a word of English, and the pages where a member
manages how they sign in are Welsh and pass axe."""

import re

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import PASSWORD

pytestmark = pytest.mark.browser

NEW_PASSWORD = "llanfair-pwllgwyngyll-1868"


def heading(page, name):
    return page.get_by_role("heading", level=1, name=name)


def test_a_member_resets_their_password_in_welsh(page, home_page, mailoutbox):
    UserFactory(email="aelod@example.org", email_language="cy")

    page.goto("/cy/accounts/login/")
    page.get_by_role("link", name="Wedi anghofio eich cyfrinair?").click()
    expect(page).to_have_url(re.compile(r"/cy/accounts/password/reset/$"))
    expect(heading(page, "Ailosod eich cyfrinair")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Anfon y ddolen").click()
    expect(page.get_by_role("heading", name="Mae problem wedi codi")).to_be_visible()
    expect(page.locator("#id_email-error")).to_contain_text(
        "Rhowch eich cyfeiriad e-bost."
    )
    assert_accessible(page)
    page.get_by_label("Cyfeiriad e-bost").fill("aelod@example.org")
    page.get_by_role("button", name="Anfon y ddolen").click()

    expect(heading(page, "Gwiriwch eich e-bost")).to_be_visible()
    assert_accessible(page)
    link = re.search(
        r"https?://\S+/accounts/password/reset/key/\S+/", mailoutbox[-1].body
    )
    assert "/cy/accounts/" in link[0]

    page.goto(link[0])
    expect(heading(page, "Dewiswch gyfrinair newydd")).to_be_visible()
    page.get_by_label("Cyfrinair newydd", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Cadarnhewch eich cyfrinair newydd").fill("rhywbeth arall")
    page.get_by_role("button", name="Newid cyfrinair").click()
    expect(page.get_by_role("heading", name="Mae problem wedi codi")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Cyfrinair newydd", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Cadarnhewch eich cyfrinair newydd").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Newid cyfrinair").click()

    expect(heading(page, "Mae eich cyfrinair wedi'i newid")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mewngofnodi").last.click()
    page.get_by_label("Cyfeiriad e-bost").fill("aelod@example.org")
    page.get_by_label("Cyfrinair").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Mewngofnodi", exact=True).click()
    expect(heading(page, "Eich cyfrif")).to_be_visible()


WELSH_SIGNED_IN_PAGES = [
    ("/cy/accounts/reauthenticate/code/", "Cadarnhewch mai chi sydd yno"),
    ("/cy/accounts/email/", "Eich cyfeiriadau e-bost"),
    ("/cy/accounts/password/change/", "Newid eich cyfrinair"),
    ("/cy/accounts/2fa/totp/deactivate/", "Tynnu eich ap dilysu?"),
    ("/cy/accounts/2fa/recovery-codes/generate/", "Creu codau adfer newydd?"),
    ("/cy/accounts/2fa/webauthn/", "Eich allweddi mynediad"),
    ("/cy/accounts/2fa/webauthn/add/", "Ychwanegu allwedd mynediad"),
]


def test_the_pages_that_manage_signing_in_are_welsh_and_accessible(page, home_page):
    from accounts.factories import totp_code

    member = UserFactory(email="aelod@example.org", two_factor=True)
    page.goto("/cy/accounts/login/")
    page.get_by_label("Cyfeiriad e-bost").fill(member.email)
    page.get_by_label("Cyfrinair").fill(PASSWORD)
    page.get_by_role("button", name="Mewngofnodi", exact=True).click()
    page.get_by_label("Cod").fill(totp_code(member.totp_secret))
    page.locator("form[action$='/2fa/authenticate/'] button[type=submit]").first.click()
    expect(heading(page, "Eich cyfrif")).to_be_visible()
    # Changing how one signs in asks for the password again first.
    page.goto("/cy/accounts/reauthenticate/")
    expect(heading(page, "Cadarnhewch mai chi sydd yno")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Cyfrinair").fill(PASSWORD)
    page.get_by_role("button", name="Parhau").click()

    for path, name in WELSH_SIGNED_IN_PAGES:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        expect(heading(page, name)).to_be_visible()
        assert_accessible(page)
