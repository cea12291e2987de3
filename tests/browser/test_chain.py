"""The chain both ways, and asking about a statistic, in a browser: a member raises
a data gap from a discussion and follows the links there and back; a visitor asks
about a statistic, signs in, comes back to the form and sees whom it went to."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from connections.models import ActionItem, GapThread
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.models import DataGap
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in_staff
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def housing(theme_index):
    return ThemePageFactory(
        parent=theme_index, title="Housing and planning", slug="housing"
    )


@pytest.fixture
def ehs(housing):
    statistic = StatisticFactory(
        name="English Housing Survey",
        producer=OrganisationFactory(name="Ministry of Housing", acronym="MHCLG"),
        themes=[housing],
    )
    StatisticContactFactory(
        statistic=statistic,
        name="Hannah Okafor",
        user=UserFactory(first_name="Hannah", last_name="Okafor"),
    )
    return statistic


def sign_in_here(page, email):
    """Sign in on the page the site sent us to, and go where it sends us next."""
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("a-good-test-password")
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_a_member_raises_a_gap_from_a_discussion_and_follows_the_chain_back(
    page, housing, ehs
):
    thread = ThreadFactory(theme=housing, title="Damp in rented homes")
    thread.statistics.add(ehs)
    UserFactory(email="rae@example.org", sector="voluntary")

    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Sign in").first.click()
    sign_in_here(page, "rae@example.org")
    page.goto(thread.get_absolute_url())
    expect(page.get_by_role("link", name="English Housing Survey")).to_be_visible()
    page.get_by_role("link", name="Raise a data gap from this discussion").click()
    expect(page.get_by_text("Raised from the discussion")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title").fill("Damp by tenure")
    page.get_by_label("What statistics are missing?").fill("Damp homes by tenure.")
    page.get_by_label("What decision or work would they inform?").fill("Inspections.")
    page.get_by_role("button", name="Raise the data gap").click()

    expect(page.get_by_role("heading", level=1, name="Damp by tenure")).to_be_visible()
    expect(page.get_by_role("link", name="English Housing Survey")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Damp in rented homes").click()
    expect(
        page.get_by_role("heading", level=1, name="Damp in rented homes")
    ).to_be_visible()
    expect(
        page.get_by_role("heading", name="What came of this discussion")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Damp by tenure").click()
    expect(page.get_by_role("heading", level=1, name="Damp by tenure")).to_be_visible()
    gap = DataGap.objects.get()
    assert GapThread.objects.filter(data_gap=gap, thread=thread).exists()


def test_a_visitor_asks_about_a_statistic_after_signing_in(page, housing, ehs):
    UserFactory(email="ash@example.org")

    page.goto(ehs.get_absolute_url())
    page.get_by_role("link", name="Ask about this statistic").click()
    sign_in_here(page, "ash@example.org")
    expect(
        page.get_by_role("heading", level=1, name="Ask about this statistic")
    ).to_be_visible()
    page.get_by_role("button", name="Ask the question").click()
    expect(page.get_by_text("Enter your question in a line.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your question in a line").fill("Local estimates next year?")
    page.get_by_label("Your question", exact=True).fill("Councils need them.")
    page.get_by_role("button", name="Ask the question").click()

    expect(
        page.get_by_role("heading", level=1, name="Local estimates next year?")
    ).to_be_visible()
    expect(page.get_by_text("Sent to Hannah Okafor")).to_be_visible()
    expect(
        page.get_by_text("Waiting for a producer's reply for 0 days")
    ).to_be_visible()
    assert_accessible(page)
    assert list(Thread.objects.get().statistics.all()) == [ehs]


def test_a_chair_records_what_became_of_an_action_and_the_discussion_shows_it(
    page, housing, editor
):
    chair = appoint(housing, Role.CHAIR, editor, display_name="Priya Shah")
    thread = ThreadFactory(theme=housing, title="Damp in rented homes")
    minutes = MinutesPageFactory(
        parent=EventPageFactory(parent=housing, title="Housing users meeting")
    )
    ActionItem.objects.create(
        page=minutes,
        description="Publish damp by tenure",
        owner="ONS",
        due_date=timezone.localdate() - timedelta(days=3),
        thread=thread,
    )

    sign_in_staff(page, chair)  # chairs have two-factor authentication
    page.goto(minutes.url)
    page.get_by_role(
        "link", name="Update the status of “Publish damp by tenure”"
    ).click()
    expect(
        page.get_by_role("heading", level=1, name="Update the action's status")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Done").check()
    page.get_by_label("What has happened").fill("Table 4 of the May release.")
    page.get_by_role("button", name="Save the status").click()

    expect(page.get_by_text("The action's status is updated.")).to_be_visible()
    expect(page.locator("#actions ~ table")).to_contain_text("Done")
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("Table 4 of the May release.")).to_be_visible()
    expect(page.get_by_text("Updated by Priya Shah on")).to_be_visible()
    assert_accessible(page)
