"""Get involved, walked as a visitor and as a member (at 320 and 1280 px), and a
member choosing its weekly email."""

import feedparser
import pytest
from playwright.sync_api import expect

from accounts import notifications
from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from events import services as events
from events.factories import EventPageFactory
from forums import services as forums
from forums.factories import ThreadFactory
from gaps import services as gaps
from gaps.factories import DataGapFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in
from themes.services import join_theme

pytestmark = pytest.mark.browser


@pytest.fixture
def opportunities(migration, housing, ons):
    """One of each kind in Migration, and a consultation in Housing."""
    return {
        "consultation": ConsultationPageFactory(
            parent=migration, title="Monthly or quarterly?", contact_organisation=ons
        ),
        "housing": ConsultationPageFactory(
            parent=housing, title="Rents statistics review", contact_organisation=ons
        ),
        "meeting": EventPageFactory(
            parent=migration, title="Spring users meeting", capacity=30
        ),
        "gap": DataGapFactory(theme=migration, title="Visas by age"),
        "question": ThreadFactory(
            theme=migration, title="Where are visa tables?", kind="question"
        ),
    }


def test_a_visitor_finds_ways_to_take_part_and_follows_one(page, opportunities):
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Get involved"
    ).click()

    expect(page.get_by_role("heading", level=1, name="Get involved")).to_be_visible()
    for heading in [
        "Consultations open now",
        "Meetings with places left",
        "Data gaps to add your evidence to",
        "Questions waiting for an answer",
    ]:
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.get_by_text("30 places left")).to_be_visible()
    expect(page.get_by_text("Sign in", exact=True).last).to_be_visible()
    assert_accessible(page)

    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    response = page.request.get(feed.get_attribute("href"))
    titles = {entry.title for entry in feedparser.parse(response.body()).entries}
    assert "Question: Where are visa tables?" in titles

    page.get_by_role("link", name="Where are visa tables?").click()
    expect(
        page.get_by_role("heading", level=1, name="Where are visa tables?")
    ).to_be_visible()


def test_a_member_sees_their_themes_first_and_what_they_took_part_in(
    page, opportunities, housing
):
    member = UserFactory(email="member@example.org")
    join_theme(member, housing)
    ResponseFactory(consultation=opportunities["consultation"], user=member)
    events.register(opportunities["meeting"], member, tell_them=False)
    gaps.support(opportunities["gap"], member)
    forums.post_reply(opportunities["question"], member, "Table 2.", tell=False)
    sign_in(page, "member@example.org")

    page.goto("/get-involved/")

    expect(
        page.get_by_text("What is happening in the themes you joined comes first.")
    ).to_be_visible()
    consultations = page.locator("#consultations + p + ul li")
    expect(consultations.first).to_contain_text("Rents statistics review")
    expect(consultations.nth(1)).to_contain_text("Monthly or quarterly?")
    expect(consultations.nth(1)).to_contain_text("Responded")
    for mark in ["Registered", "Supported", "Replied"]:
        expect(page.locator(".govuk-tag", has_text=mark)).to_be_visible()
    assert_accessible(page)


def test_a_member_chooses_the_weekly_email_from_get_involved(page, home_page):
    member = UserFactory(email="member@example.org")
    sign_in(page, "member@example.org")
    page.goto("/get-involved/")
    expect(page.get_by_text("There is nothing open to take part in")).to_be_visible()

    page.get_by_role("link", name="Get a weekly email of new opportunities").click()

    expect(
        page.get_by_role("heading", level=1, name="Email preferences")
    ).to_be_visible()
    choice = page.get_by_role("group", name="New ways to take part")
    expect(choice.get_by_label("Off")).to_be_checked()
    choice.get_by_label("Weekly, on Mondays").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save your preferences").click()

    expect(page.get_by_text("Your email preferences have been saved.")).to_be_visible()
    expect(
        page.get_by_role("group", name="New ways to take part").get_by_label(
            "Weekly, on Mondays"
        )
    ).to_be_checked()
    kind = notifications.get_kind("opportunities")
    assert notifications.frequency_for(member, kind) == "weekly"
