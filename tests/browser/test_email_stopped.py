"""A member whose email bounced reads why on their account page and tries again,
at 320 and 1280 px."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.bounces import receive_bounce
from accounts.factories import UserFactory
from accounts.models import EmailSuppression
from tests.accounts.returned_mail import returned
from tests.accounts.test_outbox import tell
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in

pytestmark = pytest.mark.browser


def bounced(member):
    """The outbox emails the member; Gmail says the address does not exist."""
    tell(member)
    [message] = mail.outbox
    envelope = message.from_email
    token = envelope.partition("+")[2].partition("@")[0]
    receive_bounce(returned("gmail_permanent", envelope, member.email), token)


def test_a_member_reads_why_email_stopped_and_tries_again(page):
    member = UserFactory(email="member@example.org")
    bounced(member)
    sign_in(page, "member@example.org")

    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    note = page.get_by_role("region", name="Important")
    expect(
        note.get_by_role("heading", name="We have stopped emailing you")
    ).to_be_visible()
    expect(note).to_contain_text("email we sent to member@example.org could not be")
    expect(note.get_by_role("link", name="change your email address")).to_be_visible()
    note.get_by_text("What the receiving mail server said").click()
    expect(note).to_contain_text("The email account that you tried to reach does not")
    assert_accessible(page)

    note.get_by_role("button", name="Try sending email again").click()

    expect(
        page.get_by_text("We will email you at member@example.org again.")
    ).to_be_visible()
    expect(page.get_by_text("We have stopped emailing you")).to_have_count(0)
    assert_accessible(page)
    assert not EmailSuppression.objects.filter(user=member).exists()


def test_a_member_who_reported_us_as_spam_starts_email_again_from_preferences(page):
    member = UserFactory(email="member@example.org")
    EmailSuppression.objects.create(
        user=member, address="member@example.org", reason="complaint"
    )
    sign_in(page, "member@example.org")
    page.goto("/accounts/notifications/")

    note = page.get_by_role("region", name="Important")
    expect(note).to_contain_text("was reported as spam from your mailbox")
    assert_accessible(page)

    note.get_by_role("button", name="Start emailing me again").click()

    expect(
        page.get_by_role("heading", level=1, name="Email preferences")
    ).to_be_visible()
    expect(
        page.get_by_text("We will email you at member@example.org again.")
    ).to_be_visible()
    assert not EmailSuppression.objects.filter(user=member).exists()
