"""A journalist searches everything, narrows it down with the filters, reads a
producer's answer, and gets told what to try when nothing matches."""

import re

import pytest
from playwright.sync_api import expect

from accounts.factories import OrganisationFactory, UserFactory
from forums import services as forums
from gaps.factories import DataGapFactory
from tests.browser.conftest import assert_accessible
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)


def assert_accessible_at_both_widths(page):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)


@pytest.fixture
def visa_content(theme_index, editor):
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    migration = ThemePageFactory(
        parent=theme_index, title="Migration", slug="migration"
    )
    ThemePageFactory(parent=theme_index, title="Health", slug="health")
    producer = appoint(migration, Role.PRODUCER, editor, ons, first_name="Priya")
    thread = forums.start_thread(
        UserFactory(first_name="Jo"),
        migration,
        title="Visa statistics by nationality",
        body="Where are the quarterly visa figures?",
        kind="question",
        tell=False,
    )
    forums.post_reply(thread, producer, "The visa tables come out every May.")
    DataGapFactory(theme=migration, title="Visa refusals by reason")
    return ons


def test_a_journalist_finds_what_ons_said_about_visas(page, home_page, visa_content):
    page.goto("/search/")
    assert_accessible_at_both_widths(page)

    page.get_by_label("Search themes and pages").fill("visa")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(
        page.get_by_role("heading", name=re.compile("3 results for ‘visa’"))
    ).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("visa", re.I))
    assert_accessible_at_both_widths(page)

    page.get_by_label("Answered by").select_option(
        label="Office for National Statistics"
    )
    page.get_by_role("button", name="Apply filters").click()
    expect(
        page.get_by_role("heading", name=re.compile("1 result for ‘visa’"))
    ).to_be_visible()
    expect(page.get_by_text("Producer, ONS")).to_be_visible()
    assert_accessible_at_both_widths(page)

    page.get_by_role("link", name="Reply to Visa statistics by nationality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Visa statistics by nationality"
    )


def test_filters_that_match_nothing_say_what_to_try(page, home_page, visa_content):
    page.goto("/search/?query=visa&kind=meeting&date_from=yesterday")

    expect(
        page.get_by_text("Try other words, or fewer of them, or fewer filters.")
    ).to_be_visible()
    expect(page.get_by_text("Enter the date as year-month-day")).to_be_visible()
    assert_accessible_at_both_widths(page)

    page.get_by_role("link", name="Clear filters").click()
    expect(
        page.get_by_role("heading", name=re.compile("3 results for ‘visa’"))
    ).to_be_visible()
