"""Chairs schedule meetings and draft minutes in the Wagtail admin; editors approve."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from events import services
from events.factories import EventPageFactory
from events.models import EventPage
from tests.browser.conftest import assert_accessible, settle
from tests.browser.test_account_journeys import (  # noqa
    approve_as_editor,
    sign_in_staff,
    sign_out,
)
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def chair(migration, editor):
    chair = UserFactory(email="chair@example.org", two_factor=True)
    theme_services.grant_role(
        migration, chair, Role.CHAIR, granted_by=editor, tell=False
    )
    return chair


def test_a_chair_schedules_a_meeting_then_moves_it_and_registrants_are_told(
    page, migration, chair, mailoutbox
):
    sign_in_staff(page, chair)
    page.goto(f"/admin/pages/add/events/eventpage/{migration.pk}/")
    page.get_by_role("textbox", name="Title*").fill("Migration users' meeting")
    page.keyboard.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("migration-users-meeting")
    page.get_by_role("textbox", name="Summary*").fill(
        "ONS on revisions to migration estimates."
    )
    page.get_by_role("textbox", name="Start*").fill("2027-03-02 10:00")
    page.get_by_role("textbox", name="End*").fill("2027-03-02 09:00")
    page.get_by_role("combobox", name="Format*").select_option(label="Online")
    page.get_by_role("textbox", name="Joining link").fill(
        "https://meet.example.org/migration"
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The meeting must end after it starts.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("textbox", name="End*").fill("2027-03-02 12:00")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(
        page.get_by_text("Page 'Migration users' meeting' created and published.")
    ).to_be_visible()
    settle(page)
    meeting = EventPage.objects.get(title="Migration users' meeting")
    assert meeting.live
    services.register(meeting, UserFactory(email="ann@example.org"), tell_them=False)

    page.goto(meeting.url)
    expect(page.get_by_text("Tuesday 2 March 2027, 10:00 to 12:00")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/admin/pages/{meeting.pk}/edit/")
    page.get_by_role("textbox", name="Start*").fill("2027-03-09 10:00")
    page.get_by_role("textbox", name="End*").fill("2027-03-09 12:00")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()

    settle(page)
    [notice] = [m for m in mailoutbox if m.to == ["ann@example.org"]]
    assert notice.subject == "Changed: Migration users' meeting"
    assert "Tuesday 9 March 2027, 10:00 to 12:00" in notice.body
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_a_chair_drafts_minutes_an_editor_approves_and_registrants_are_told(
    page, migration, chair, editor, minutes_approval, mailoutbox
):
    meeting = EventPageFactory(
        parent=migration, title="Spring users meeting", slug="spring"
    )
    services.register(meeting, UserFactory(email="ann@example.org"), tell_them=False)

    sign_in_staff(page, chair)
    page.goto(f"/admin/pages/add/events/minutespage/{meeting.pk}/")
    page.get_by_role("textbox", name="Title*").fill("Minutes of the spring meeting")
    page.keyboard.press("Tab")  # Leaving the title fills in the slug.
    expect(page.locator("#id_slug")).to_have_value("minutes-of-the-spring-meeting")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("'Minutes of the spring meeting' created")).to_be_visible()

    # A chair may only submit minutes, and that needs what a draft may leave out.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    page.get_by_role("button", name="Submit to Minutes approval").click()
    expect(page.locator("#panel-child-content-summary-section")).to_contain_text(
        "This field is required."
    )
    assert_accessible(page)
    page.locator("#panel-child-content-summary-section").get_by_role("textbox").fill(
        "ONS explained the revisions; members asked for local figures."
    )
    page.get_by_role("button", name="Add attendee").click()
    page.get_by_role("textbox", name="Name*").fill("Ann Lee")
    page.get_by_role("textbox", name="Organisation").first.fill("ONS")
    page.get_by_role("button", name="Add action").click()
    page.get_by_role("textbox", name="Action*").fill("Publish local estimates")
    page.get_by_role("textbox", name="Owner*").fill("Ann Lee")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Minutes approval").click()
    expect(page.get_by_text("has been submitted")).to_be_visible()
    assert [m for m in mailoutbox if m.subject.startswith("Minutes")] == []

    approve_as_editor(page, editor, "Minutes of the spring meeting")
    expect(
        page.get_by_text("Page 'Minutes of the spring meeting' has been updated.")
    ).to_be_visible()

    [told] = [m for m in mailoutbox if m.to == ["ann@example.org"]]
    assert told.subject == "Minutes published: Spring users meeting"
    page.goto(meeting.url)
    page.get_by_role("link", name="Minutes of the spring meeting").click()
    expect(page.get_by_text("Ann Lee, ONS")).to_be_visible()
    assert_accessible(page)
    page.goto(migration.url)
    expect(page.get_by_text("Publish local estimates")).to_be_visible()
    assert_accessible(page)
