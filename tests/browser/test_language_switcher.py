"""A visitor on the home page chooses Cymraeg in the language switcher, reads the
same page in Welsh at its /cy/ address, and switches back to English."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_a_visitor_switches_the_home_page_to_welsh_and_back(page, home_page):
    page.goto("/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en-GB")
    switcher = page.get_by_role("navigation", name="Language switcher")
    expect(switcher.get_by_text("English")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Newid yr iaith i'r Gymraeg").click()

    expect(page).to_have_url(re.compile(r"/cy/$"))
    expect(html).to_have_attribute("lang", "cy")
    expect(
        page.get_by_text("Defnyddwyr a chynhyrchwyr ystadegau swyddogol y DU")
    ).to_be_visible()
    menu = page.get_by_role("navigation", name="Dewislen")
    expect(menu.get_by_role("link", name="Themâu")).to_have_attribute(
        "href", "/cy/themes/"
    )
    welsh_switcher = page.get_by_role("navigation", name="Newid iaith")
    expect(welsh_switcher.get_by_text("Cymraeg")).to_have_attribute(
        "aria-current", "true"
    )
    assert_accessible(page)

    welsh_switcher.get_by_role("link", name="Change the language to English").click()

    expect(html).to_have_attribute("lang", "en-GB")
    expect(
        page.get_by_text("Users and producers of UK official statistics")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"[^y]/$"))
    assert_accessible(page)
