"""A producer decides on a new member's held gaps; a chair suspends a member."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services
from gaps.models import DataGap
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in, sign_out
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.browser


def give_role(theme, email, role, editor):
    person = UserFactory(email=email)
    theme_services.grant_role(theme, person, role, granted_by=editor, tell=False)
    return person


def test_a_producer_approves_one_held_gap_and_rejects_another(
    page, housing, newcomer, editor
):
    give_role(housing, "producer@example.org", Role.PRODUCER, editor)
    fields = {"measure": "Counts by ward.", "purpose": "Housing strategy."}
    real = services.raise_gap(newcomer, housing, title="Overcrowding", **fields)
    spam = services.raise_gap(newcomer, housing, title="Cheap pills", **fields)

    sign_in(page, "producer@example.org")
    page.goto(real.get_absolute_url())
    expect(page.get_by_text("waiting for a producer or chair")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Approve this data gap for the register").click()
    expect(page.get_by_text("on the register for everyone to see")).to_be_visible()
    assert_accessible(page)

    page.goto(spam.get_absolute_url())
    page.get_by_role("link", name="Reject this data gap").click()
    expect(page.get_by_role("heading", name="Reject this data gap?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, reject and delete it").click()
    expect(page.get_by_text("You rejected the data gap “Cheap pills”")).to_be_visible()
    expect(page.get_by_role("link", name="Overcrowding")).to_be_visible()
    assert_accessible(page)

    assert list(DataGap.objects.values_list("title", "is_public")) == [
        ("Overcrowding", True)
    ]


def test_a_chair_suspends_a_member_who_is_then_refused_a_reply(page, housing, editor):
    give_role(housing, "chair@example.org", Role.CHAIR, editor)
    member = UserFactory(email="member@example.org")
    thread = ThreadFactory(theme=housing, title="Rents by ward")
    forum_services.post_reply(thread, member, "Buy my course")

    sign_in(page, "chair@example.org")
    page.goto(thread.get_absolute_url())
    assert_accessible(page)
    page.get_by_role(
        "button", name="Suspend the author for a week in this theme"
    ).click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, "member@example.org")
    page.goto(thread.get_absolute_url())
    reply_box = page.get_by_role("textbox", name="Your reply", exact=True)
    reply_box.fill("Let me back in")
    page.get_by_role("button", name="Post your reply").last.click()
    expect(
        page.get_by_text("suspended you from taking part in Housing")
    ).to_be_visible()
    expect(reply_box).to_have_value("Let me back in")
    assert_accessible(page)
