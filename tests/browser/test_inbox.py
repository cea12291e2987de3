"""A member reads their notifications on the site, at 320 and 1280 px."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from accounts.models import Notification
from forums.factories import ThreadFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in

pytestmark = pytest.mark.browser


def told_of(member, thread):
    return Notification.objects.create(
        user=member,
        kind="new_thread",
        theme=thread.theme,
        event_key=f"thread:{thread.pk}",
        template="new_thread",
        context={
            "thread_title": thread.title,
            "thread_url": thread.get_full_url(),
            "theme_title": thread.theme.title,
        },
        status=Notification.Status.SENT,
    )


def test_a_member_opens_one_notification_then_marks_the_rest_read(page, housing):
    member = UserFactory(email="member@example.org")
    told_of(member, ThreadFactory(theme=housing, title="Rents by ward"))
    told_of(member, ThreadFactory(theme=housing, title="Empty homes"))
    sign_in(page, "member@example.org")

    navigation = page.get_by_role("navigation", name="Menu")
    navigation.get_by_role("link", name="Notifications 2 unread").click()

    expect(page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()
    expect(page.get_by_text("Unread", exact=True)).to_have_count(2)
    expect(page.get_by_text("New threads · Housing").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="New in Housing: Rents by ward").click()

    expect(page.get_by_role("heading", level=1, name="Rents by ward")).to_be_visible()
    navigation.get_by_role("link", name="Notifications 1 unread").click()
    expect(page.get_by_text("Unread", exact=True)).to_have_count(1)

    page.get_by_role("button", name="Mark all as read").click()

    expect(page.get_by_text("Marked 1 notification as read.")).to_be_visible()
    expect(page.get_by_text("Unread", exact=True)).to_have_count(0)
    expect(
        navigation.get_by_role("link", name="Notifications", exact=True)
    ).to_be_visible()
    expect(page.get_by_role("button", name="Mark all as read")).to_have_count(0)
    assert_accessible(page)
    assert not Notification.objects.filter(user=member, read_at=None).exists()
