"""A visitor reads the site's pages in Welsh: the home page, a translated theme, and
a page not yet translated, shown in English with a notice."""

import re

import pytest
from playwright.sync_api import expect

from demo.content import welsh as demo_welsh
from demo.welsh import translate_page
from home.factories import StandardPageFactory
from tests.browser.conftest import assert_accessible
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def welsh_site(home_page, theme_index, welsh):
    health = ThemePageFactory(
        parent=theme_index,
        title="Health and social care",
        slug=demo_welsh.THEME_SLUG,
        summary="Statistics on the NHS.",
    )
    ThemePageFactory(parent=theme_index, title="Migration", slug="migration")
    StandardPageFactory(parent=home_page, title="Cookies", slug="cookies")
    translate_page(home_page, welsh, demo_welsh.HOME)
    translate_page(theme_index, welsh, demo_welsh.THEME_INDEX)
    translate_page(health, welsh, demo_welsh.THEME)
    return health


def test_a_visitor_reads_the_home_page_and_a_theme_in_welsh(page, welsh_site):
    page.goto("/cy/")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_welsh.HOME["title"])
    assert_accessible(page)

    page.get_by_role("link", name=demo_welsh.THEME["title"]).first.click()
    expect(page).to_have_url(re.compile(f"/cy/themes/{demo_welsh.THEME_SLUG}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_welsh.THEME["title"])
    expect(page.get_by_text(demo_welsh.THEME["summary"])).to_be_visible()
    assert_accessible(page)


def test_a_page_not_yet_in_welsh_says_so_and_is_marked_english(page, welsh_site):
    page.goto("/cy/cookies/")

    notice = page.locator("#not-yet-translated-title").locator("../..")
    expect(notice).to_be_visible()
    expect(page.locator("main [lang='en-GB'] h1")).to_have_text("Cookies")
    assert_accessible(page)
    notice.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"[^y]/cookies/$"))
