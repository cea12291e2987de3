"""Members raise and support data gaps; producers answer them in public."""

import csv
import io
import json
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from gaps import services
from gaps.models import DataGap
from tests.browser.conftest import assert_accessible, settle
from tests.browser.test_account_journeys import sign_in
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def housing(theme_index):
    return ThemePageFactory(
        parent=theme_index, title="Housing and planning", slug="housing"
    )


@pytest.fixture
def producer(housing, editor):
    producer = UserFactory(email="producer@example.org")
    theme_services.grant_role(
        housing, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    return producer


def raise_gap(theme, title, author=None):
    return services.raise_gap(
        author or UserFactory(),
        theme,
        title=title,
        measure="Counts for each local authority.",
        purpose="Local housing strategies.",
    )


def test_a_member_raises_a_gap_after_an_error_and_supports_a_similar_one(page, housing):
    existing = raise_gap(housing, "Overcrowding by local authority")
    UserFactory(email="laura@example.org", sector="government_analyst")

    sign_in(page, "laura@example.org")
    page.goto("/themes/housing/data-gaps/")
    assert_accessible(page)
    page.get_by_role("button", name="Raise a data gap").click()
    page.get_by_label("Title").fill("Second homes by parish")
    page.get_by_label("What statistics are missing?").fill("Second homes counts.")
    page.get_by_role("button", name="Raise the data gap").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Second homes by parish")
    assert_accessible(page)
    page.get_by_label("What decision or work would they inform?").fill(
        "Rural housing pressure."
    )
    page.get_by_role("button", name="Raise the data gap").click()
    expect(
        page.get_by_role("heading", level=1, name="Second homes by parish")
    ).to_be_visible()
    assert_accessible(page)

    page.goto("/themes/housing/data-gaps/new/")
    page.get_by_label("Title").press_sequentially("Overcrowding", delay=20)
    suggestion = page.locator("#similar-gaps").get_by_role(
        "link", name="Overcrowding by local authority"
    )
    expect(suggestion).to_be_visible()
    assert_accessible(page)
    page.goto(existing.get_absolute_url())
    page.get_by_label("How would you use them? (optional)").fill("Council planning.")
    page.get_by_role("button", name="I need this too").click()
    expect(page.get_by_text("2 people need this").first).to_be_visible()
    expect(page.locator(".sf-reply", has_text="Council planning.")).to_be_visible()
    assert_accessible(page)


def test_a_producer_answers_and_merges_a_duplicate_and_people_are_told(
    page, housing, producer, mailoutbox
):
    author = UserFactory(email="author@example.org")
    original = raise_gap(housing, "Damp and mould by tenure", author=author)
    duplicate = raise_gap(housing, "Mould in rented homes")
    services.support(duplicate, UserFactory(email="fan@example.org"))

    sign_in(page, "producer@example.org")
    page.goto(original.get_absolute_url())
    page.get_by_role("radio", name="Acknowledged").check()
    page.get_by_role("button", name="Change the status").click()
    expect(page.get_by_text("Write a note saying why").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("radio", name="Acknowledged").check()
    page.get_by_label("Public note").fill("We will look at this with the survey team.")
    page.get_by_role("button", name="Change the status").click()
    expect(page.get_by_text("Status changed to Acknowledged.")).to_be_visible()
    expect(
        page.get_by_text("We will look at this with the survey team.")
    ).to_be_visible()
    assert_accessible(page)
    [told] = [m for m in mailoutbox if m.to == ["author@example.org"]]
    assert "We will look at this with the survey team." in told.body

    page.goto(duplicate.get_absolute_url())
    page.get_by_role("radio", name="Duplicate").check()
    page.get_by_label("Duplicate of").select_option(
        label="Damp and mould by tenure (acknowledged)"
    )
    page.get_by_label("Public note").fill("The same need as the tenure gap.")
    page.get_by_role("button", name="Change the status").click()
    expect(page.get_by_text("Status changed to Duplicate.")).to_be_visible()
    settle(page)
    original.refresh_from_db()
    assert original.support_count == 2  # The duplicate's author and its supporter.
    page.goto(original.get_absolute_url())
    expect(page.get_by_text("3 people need this").first).to_be_visible()


def test_the_open_data_downloads_match_the_filtered_register(page, housing, producer):
    for title in ["Rents by ward", "Evictions by month"]:
        raise_gap(housing, title)
    planned = raise_gap(housing, "Homelessness by age")
    for status in ["acknowledged", "planned"]:
        services.change_status(planned, producer, status=status, note="Next year.")

    page.goto("/data-gaps/")
    page.get_by_label("Status").select_option(label="Planned")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Homelessness by age")).to_be_visible()
    expect(page.get_by_role("link", name="Rents by ward")).to_have_count(0)
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    rows = list(
        csv.DictReader(io.StringIO(download.value.path().read_text("utf-8-sig")))
    )
    json_url = page.get_by_role("link", name="Download as JSON").get_attribute("href")
    records = json.loads(page.request.get(urljoin(page.url, json_url)).text())

    assert [row["title"] for row in rows] == ["Homelessness by age"]
    assert [record["title"] for record in records] == ["Homelessness by age"]
    settle(page)
    assert DataGap.objects.count() == 3
