import re

import pytest
from playwright.sync_api import expect

from accounts.factories import OrganisationFactory
from home.factories import StandardPageFactory
from tests.browser.conftest import assert_accessible
from themes.factories import ThemeContactFactory, ThemePageFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def migration(theme_index):
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    theme = ThemePageFactory(
        parent=theme_index,
        title="Migration",
        summary="How many people move to and from the UK, and why.",
        introduction=[
            {"type": "heading", "value": "What this theme covers"},
            {
                "type": "paragraph",
                "value": "<p>Long-term international migration estimates.</p>",
            },
            {
                "type": "details",
                "value": {"summary": "Who can join?", "content": "<p>Anyone.</p>"},
            },
        ],
    )
    theme.organisations.set([ons])
    theme.save()
    ThemeContactFactory(
        theme=theme,
        name="Amara Nwosu",
        role="Head of migration statistics",
        organisation=ons,
        responsible_for="Long-term international migration, UK",
    )
    ThemePageFactory(parent=theme_index, title="Crime and justice")
    return theme


def test_a_visitor_finds_a_theme_from_the_home_page(page, home_page, migration):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(home_page.title)
    assert_accessible(page)

    page.get_by_role("button", name="Find your theme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Themes")
    expect(page.get_by_role("link", name="Themes", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Migration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Migration")
    expect(page.get_by_text("Amara Nwosu")).to_be_visible()
    expect(page.get_by_text("Long-term international migration, UK")).to_be_visible()
    page.get_by_text("Who can join?").click()
    expect(page.get_by_text("Anyone.")).to_be_visible()
    assert_accessible(page)


def test_a_keyboard_user_can_skip_to_the_content(page, home_page, migration):
    page.goto(migration.url)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile("#main-content$"))
    expect(page.locator("#main-content")).to_be_focused()


def test_a_visitor_reads_a_standard_page(page, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Code of conduct",
        slug="code-of-conduct",
        show_in_menus=True,
        body=[
            {"type": "heading", "value": "Be respectful"},
            {"type": "paragraph", "value": "<p>Disagree with ideas, not people.</p>"},
            {"type": "warning_text", "value": "Do not share personal data."},
        ],
    )
    page.goto("/")

    page.get_by_role("contentinfo").get_by_role("link", name="Code of conduct").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Code of conduct")
    expect(page.get_by_text("Disagree with ideas, not people.")).to_be_visible()
    assert_accessible(page)


def test_a_visitor_searches_and_follows_a_result(page, home_page, migration):
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    assert_accessible(page)

    page.get_by_label("Search themes and pages").fill("migration")
    page.get_by_role("button", name="Search").click()

    results_heading = page.get_by_role("heading", name=re.compile("for ‘migration’"))
    expect(results_heading).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Migration", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Migration")


def test_a_search_with_no_results_says_what_to_try(page, home_page, migration):
    page.goto("/search/?query=zzzzqqq")

    expect(page.get_by_text("Try other words, or fewer of them.")).to_be_visible()
    expect(page.get_by_label("Search themes and pages")).to_have_value("zzzzqqq")
    assert_accessible(page)


def test_a_missing_page_is_explained(page, home_page):
    response = page.goto("/themes/no-such-theme/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)
