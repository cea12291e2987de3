"""A member whose address we stopped emailing is told so on their account pages,
and may try again (a bounce) or start again (a complaint); editors see the
stopped addresses in the admin and lift a bounce's, never a complaint's."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import DeliveryReport, EmailSuppression
from accounts.services import collect_personal_data, delete_account
from tests.accounts.test_outbox import tell

pytestmark = pytest.mark.django_db

STOPPED = "We have stopped emailing you"


def stopped(user, reason="bounce", **fields):
    return EmailSuppression.objects.create(
        user=user,
        address=user.email.lower(),
        reason=reason,
        created_at=dt.datetime(2026, 12, 5, 9, 14, tzinfo=dt.UTC),
        diagnostic=fields.pop("diagnostic", "550 5.1.1 User unknown"),
        **fields,
    )


@pytest.fixture
def member(client):
    member = UserFactory(email="Sam@Example.org")
    client.force_login(member)
    return member


@pytest.mark.parametrize("page", ["dashboard", "notification_preferences"])
def test_the_account_pages_say_what_bounced_when_and_what_to_do(client, member, page):
    stopped(member)

    html = client.get(reverse(page)).content.decode()

    assert STOPPED in html
    assert "On 5 December 2026, email we sent to sam@example.org could not be" in html
    assert "550 5.1.1 User unknown" in html
    assert reverse("account_email") in html
    assert "Try sending email again" in html
    assert "They are still in" in html


def test_a_complaint_is_explained_and_only_resumed_by_choice(client, member):
    stopped(member, "complaint", diagnostic="")

    html = client.get(reverse("dashboard")).content.decode()

    assert "was reported as spam from your mailbox" in html
    assert "Start emailing me again" in html
    assert "Try sending email again" not in html


def test_no_note_when_the_stopped_address_is_no_longer_theirs(client, member):
    EmailSuppression.objects.create(
        user=member, address="old@example.org", reason="bounce"
    )
    EmailSuppression.objects.create(
        user=UserFactory(), address="sam@example.org", reason="bounce"
    )

    assert STOPPED not in client.get(reverse("dashboard")).content.decode()


def test_trying_again_lifts_a_bounce_and_email_is_sent_again(client, member):
    stopped(member)

    response = client.post(reverse("resume_email"), follow=True)

    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    html = response.content.decode()
    assert "We will email you at Sam@Example.org again." in html
    assert STOPPED not in html
    tell(member)
    assert [m.to for m in mail.outbox] == [["Sam@Example.org"]]


def test_starting_again_from_the_preferences_page_returns_there(client, member):
    stopped(member, "complaint")

    response = client.post(reverse("resume_email"), {"from": "preferences"})

    assert response.url == reverse("notification_preferences")
    assert not EmailSuppression.objects.exists()


def test_resuming_with_nothing_stopped_changes_nothing(client, member):
    other = stopped(UserFactory())

    response = client.post(reverse("resume_email"), {"from": "https://evil.example/"})

    assert response.url == reverse("dashboard")
    assert EmailSuppression.objects.get() == other


def test_resuming_is_a_signed_in_post(client, member):
    stopped(member)
    assert client.get(reverse("resume_email")).status_code == 405
    client.logout()

    response = client.post(reverse("resume_email"))

    assert "/accounts/login/" in response.url
    assert EmailSuppression.objects.exists()


def test_changing_ones_address_clears_what_stopped_the_old_one(client, member):
    stopped(member)
    EmailAddress.objects.create(user=member, email="sam@new.example", verified=True)

    client.post(
        reverse("account_email"), {"action_primary": "", "email": "sam@new.example"}
    )

    member.refresh_from_db()
    assert member.email == "sam@new.example"
    assert not EmailSuppression.objects.exists()
    assert STOPPED not in client.get(reverse("dashboard")).content.decode()


def test_the_data_export_holds_stopped_addresses_and_reports(member):
    stopped(member)
    DeliveryReport.objects.create(
        user=member, address="sam@example.org", kind="permanent", diagnostic="5.1.1"
    )

    data = collect_personal_data(member)["account"]["email_delivery"]

    [address] = data["stopped_addresses"]
    assert address["address"] == "sam@example.org"
    assert address["reason"] == "Bounced"
    assert address["since"].startswith("2026-12-05")
    assert data["reports"][0]["kind"] == "Permanent failure"


def test_erasure_removes_them(member):
    stopped(member)
    DeliveryReport.objects.create(
        user=member, address="sam@example.org", kind="temporary"
    )

    delete_account(member, keep_public_posts=True)

    assert not EmailSuppression.objects.exists()
    assert not DeliveryReport.objects.exists()


def test_an_editor_sees_the_stopped_addresses_and_lifts_a_bounce(client, editor):
    bounced = stopped(UserFactory(email="gone@example.org"))
    stopped(UserFactory(email="full@example.org"))
    client.force_login(editor)

    listing = client.get(reverse("email_suppressions:index")).content.decode()
    assert "gone@example.org" in listing
    assert reverse("email_suppressions:delete", args=[bounced.pk]) in listing
    found = client.get(reverse("email_suppressions:index"), {"q": "gone@"})
    assert "gone@example.org" in found.content.decode()
    assert "full@example.org" not in found.content.decode()
    inspect = client.get(reverse("email_suppressions:inspect", args=[bounced.pk]))
    assert "550 5.1.1 User unknown" in inspect.content.decode()

    client.post(reverse("email_suppressions:delete", args=[bounced.pk]))

    assert [s.address for s in EmailSuppression.objects.all()] == ["full@example.org"]


def test_nobody_lifts_a_complaint_in_the_admin(client, editor):
    complaint = stopped(UserFactory(), "complaint")
    client.force_login(editor)

    listing = client.get(reverse("email_suppressions:index")).content.decode()
    url = reverse("email_suppressions:delete", args=[complaint.pk])

    assert url not in listing
    # Wagtail sends a person without the right back to the admin's dashboard.
    assert client.get(url).url == reverse("wagtailadmin_home")
    assert client.post(url).url == reverse("wagtailadmin_home")
    assert EmailSuppression.objects.exists()


def test_editors_neither_add_nor_edit_a_suppression(client, editor):
    bounced = stopped(UserFactory())
    client.force_login(editor)

    home = reverse("wagtailadmin_home")
    assert client.get(reverse("email_suppressions:add")).url == home
    edit = client.get(reverse("email_suppressions:edit", args=[bounced.pk]))
    assert edit.url == home


def test_members_without_the_right_do_not_see_the_stopped_addresses(client):
    client.force_login(UserFactory(two_factor=True))

    response = client.get(reverse("email_suppressions:index"))

    assert response.status_code in (302, 403)
