"""A member sets the time of their digests on their email preferences page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from accounts.models import User
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)


def assert_accessible_at_both_widths(page):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)


def test_a_member_moves_their_digest_to_the_evening_after_a_mistyped_time(
    page, housing
):
    member = UserFactory(email="member@example.org")
    sign_in(page, "member@example.org")
    page.goto("/accounts/notifications/")
    field = page.get_by_label("What time should your digests come?")
    expect(field).to_have_value("07:00")
    assert_accessible_at_both_widths(page)

    field.fill("25:99")
    page.get_by_role("button", name="Save your preferences").click()

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    error = page.locator("#id_digest_time-error")
    expect(error).to_contain_text("Enter a time as hours and minutes")
    assert_accessible_at_both_widths(page)
    assert User.objects.get(pk=member.pk).digest_time == dt.time(7, 0)

    page.get_by_label("What time should your digests come?").fill("18:30")
    page.get_by_role("button", name="Save your preferences").click()

    expect(page.get_by_text("Your email preferences have been saved.")).to_be_visible()
    expect(page.get_by_label("What time should your digests come?")).to_have_value(
        "18:30"
    )
    assert_accessible_at_both_widths(page)
    assert User.objects.get(pk=member.pk).digest_time == dt.time(18, 30)
