import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in, sign_out

pytestmark = pytest.mark.browser


def test_members_register_the_meeting_fills_and_a_cancellation_promotes(
    page, meeting, mailoutbox
):
    UserFactory(email="first@example.org")
    UserFactory(email="second@example.org")

    page.goto("/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="Spring users meeting").click()
    assert_accessible(page)

    sign_in(page, "first@example.org")
    page.goto(meeting.url)
    page.get_by_role("button", name="Register for this meeting").click()
    assert_accessible(page)
    page.get_by_label("Access needs (optional)").fill("Captions, please")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.")).to_be_visible()
    expect(
        page.get_by_role("link", name="https://meet.example.org/statsforum")
    ).to_be_visible()
    sign_out(page)

    sign_in(page, "second@example.org")
    page.goto(meeting.url)
    page.get_by_role("button", name="Register for this meeting").click()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("you are on the waiting list")).to_be_visible()
    expect(page.get_by_text("meet.example.org")).to_have_count(0)
    sign_out(page)

    sign_in(page, "first@example.org")
    page.goto(meeting.url)
    page.get_by_role("button", name="Cancel your registration").click()
    expect(page.get_by_text("Your registration has been cancelled.")).to_be_visible()
    assert_accessible(page)

    promoted = mailoutbox[-1]
    assert promoted.to == ["second@example.org"]
    assert promoted.subject == "A place has come up: Spring users meeting"
