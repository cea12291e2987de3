"""A developer finds the open data API from the footer, reads how to use it and
what each address gives, and follows the documentation to the JSON itself."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_a_developer_reads_the_api_documentation_and_follows_it(page, everything):
    page.goto("/")
    page.get_by_role("link", name="Open data API").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data API")
    assert_accessible(page)

    page.get_by_role("link", name="The data-gap register").click()
    expect(page).to_have_url(re.compile("#data_gaps_list$"))
    section = page.locator("section", has=page.locator("#data_gaps_list"))
    expect(section.get_by_text("GET /api/v2/data-gaps/")).to_be_visible()
    expect(
        section.get_by_role("rowheader", name="what_it_would_inform")
    ).to_be_visible()

    page.get_by_role("link", name="/api/v2/", exact=True).click()
    listing = json.loads(page.locator("body").inner_text())
    assert listing["data_gaps"].endswith("/api/v2/data-gaps/")
    page.goto(listing["data_gaps"])
    assert "Public gap" in page.locator("body").inner_text()
