import re

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from forums import services
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in, sign_in_staff
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.browser

HOSTILE = '<script>window.pwned = true</script><img src=x onerror="window.pwned=true">'


def test_a_member_starts_a_thread_and_members_reply_two_levels_deep(page, migration):
    UserFactory(email="asker@example.org", first_name="Asha")
    UserFactory(email="answerer@example.org", first_name="Ben")
    sign_in(page, "asker@example.org")

    page.goto(migration.url)
    page.get_by_role("link", name="start one").click()
    page.get_by_label("Title").fill("When do the 2025 estimates come out?")
    page.get_by_role("button", name="Post").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(
        "When do the 2025 estimates come out?"
    )
    assert_accessible(page)

    page.get_by_label("A question for the producers").check()
    page.get_by_label("Your message").fill("Is there a **date** yet?\n\n" + HOSTILE)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("region", name="Preview").locator("strong")).to_have_text(
        "date"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Post").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "When do the 2025 estimates come out?"
    )
    assert page.evaluate("() => window.pwned") is None
    page.get_by_label("Your reply", exact=True).fill("I would like to know too.")
    page.get_by_role("button", name="Post your reply").last.click()
    expect(page.get_by_text("I would like to know too.")).to_be_visible()
    assert_accessible(page)
    sign_out_link = page.get_by_role("link", name="Sign out")
    sign_out_link.click()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "answerer@example.org")
    page.goto(migration.url + "discussions/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("When do the 2025 estimates")).click()
    page.get_by_text("Reply to this").first.click()
    page.locator("textarea[id^=reply-to-]").first.fill(
        "Thursday, says the release calendar."
    )
    page.get_by_role("button", name="Post your reply").first.click()

    nested = page.locator(".sf-reply--nested")
    expect(nested).to_contain_text("Thursday, says the release calendar.")
    page.get_by_role("button", name="Like this reply (0)").click()
    expect(page.get_by_role("button", name="Liked this reply (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="2 replies")).to_be_visible()
    assert_accessible(page)


def test_a_producer_answers_and_the_follower_is_emailed_the_full_text(
    page, migration, ons_producer, mailoutbox
):
    asker = UserFactory(email="asker@example.org")
    thread = services.start_thread(
        asker,
        migration,
        title="Is there a release date?",
        body="When?",
        kind="question",
    )
    mailoutbox.clear()

    sign_in(page, "priya@example.org")
    page.goto(thread.get_absolute_url())
    page.get_by_label("Your reply", exact=True).fill("The *release calendar* lists it.")
    page.get_by_role("button", name="Post your reply").last.click()
    expect(page.get_by_text("Producer, ONS")).to_be_visible()
    [email] = [m for m in mailoutbox if m.to == ["asker@example.org"]]
    assert "The *release calendar* lists it." in email.body

    page.get_by_role("link", name="Edit your reply").click()
    assert_accessible(page)
    page.get_by_label("Your reply").fill("The *release calendar* lists it: Thursday.")
    page.get_by_role("button", name="Save your reply").click()
    expect(page.get_by_text("lists it: Thursday.")).to_be_visible()
    expect(page.get_by_text("edited", exact=False).first).to_be_visible()

    page.get_by_role("button", name=re.compile("Mark as the answer")).click()
    expect(
        page.get_by_text("You have marked the answer to this question.")
    ).to_be_visible()
    expect(page.locator(".sf-answered")).to_contain_text(
        "Office for National Statistics"
    )
    assert_accessible(page)
    assert (
        mailoutbox[-1].subject
        == "Your question has an answer: Is there a release date?"
    )


def test_a_member_reports_a_reply_and_the_chair_hides_it_in_the_admin(
    page, migration, editor
):
    chair = UserFactory(email="chair@example.org", two_factor=True)
    theme_services.grant_role(
        migration, chair, Role.CHAIR, granted_by=editor, tell=False
    )
    UserFactory(email="reporter@example.org")
    thread = services.start_thread(
        UserFactory(),
        migration,
        title="Survey results",
        body="Thoughts?",
        kind="discussion",
    )
    services.post_reply(thread, UserFactory(), "Something offensive")

    sign_in(page, "reporter@example.org")
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Report this reply").click()
    page.get_by_role("button", name="Send your report").click()
    expect(page.locator("#id_reason-error")).to_contain_text("Choose why")
    assert_accessible(page)
    page.get_by_label("It is abusive or offensive").check()
    page.get_by_label("What is wrong").fill("It insults another member.")
    page.get_by_role("button", name="Send your report").click()
    expect(page.get_by_text("Thank you for your report.")).to_be_visible()
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()

    sign_in_staff(page, chair)
    page.goto("/admin/moderation/")
    expect(page.get_by_text("It insults another member.")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Hide")).click()
    expect(page.get_by_text("The reply is hidden from members.")).to_be_visible()

    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("Hidden by a moderator")).to_be_visible()
