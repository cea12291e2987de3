import json

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import DataExport, NotificationPreference, User
from themes import services
from themes.factories import ThemePageFactory
from themes.models import ThemeMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(theme_index):
    member = UserFactory(
        email="leaving@example.org", first_name="Lee", last_name="Ving", bio="Hello"
    )
    member.expertise.add("census")
    services.join_theme(member, ThemePageFactory(parent=theme_index, title="Migration"))
    NotificationPreference.objects.create(
        user=member, kind="producer_request_received", frequency="daily"
    )
    return member


def test_a_member_downloads_everything_they_gave_us(client, member):
    client.force_login(member)

    response = client.post(reverse("data_export"))
    assert response.status_code == 302

    export = DataExport.objects.get(user=member)
    assert export.is_ready
    assert mail.outbox[-1].subject == "Your copy of your statsforum data is ready"
    assert "http://127.0.0.1:8000/accounts/your-data/" in mail.outbox[-1].body
    download = client.get(reverse("download_data_export", args=[export.pk]))
    assert download["Content-Type"].startswith("application/json")
    assert "attachment;" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["account"]["email"] == "leaving@example.org"
    assert data["account"]["areas_of_expertise"] == ["census"]
    assert data["account"]["handle"] == "lee_ving"
    assert data["account"]["notification_preferences"][0]["frequency"] == "daily"
    assert data["themes"]["memberships"][0]["theme"] == "Migration"


def test_a_member_who_reads_welsh_is_sent_to_the_welsh_download_page(client, member):
    member.email_language = "cy"
    member.save()
    client.force_login(member)

    client.post(reverse("data_export"))

    assert "http://127.0.0.1:8000/cy/accounts/your-data/" in mail.outbox[-1].body


def test_nobody_else_can_download_a_members_data(client, member):
    client.force_login(member)
    client.post(reverse("data_export"))
    export = DataExport.objects.get(user=member)

    client.force_login(UserFactory())

    assert (
        client.get(reverse("download_data_export", args=[export.pk])).status_code == 404
    )


def test_deleting_and_keeping_posts_erases_personal_data_at_once(client, member):
    client.force_login(member)

    response = client.post(
        reverse("delete_account"),
        {"posts": "keep", "password": "a-good-test-password"},
    )

    assert response.status_code == 200
    assert "Your account has been deleted" in response.content.decode()
    shell = User.objects.get(pk=member.pk)
    assert shell.public_name == "A former member"
    assert (shell.first_name, shell.last_name, shell.bio) == ("", "", "")
    assert shell.email.endswith("@erased.invalid")
    assert not shell.is_active
    assert not shell.has_usable_password()
    assert not shell.expertise.exists()
    assert not EmailAddress.objects.filter(user=shell).exists()
    assert not ThemeMembership.objects.filter(user=shell).exists()
    assert not NotificationPreference.objects.filter(user=shell).exists()
    assert "_auth_user_id" not in client.session
    assert not client.login(
        email="leaving@example.org", password="a-good-test-password"
    )


def test_deleting_and_removing_posts_removes_the_account(client, member):
    client.force_login(member)

    client.post(
        reverse("delete_account"),
        {"posts": "remove", "password": "a-good-test-password"},
    )

    assert not User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"posts": "keep", "password": "wrong"}, "The password is not right."),
        ({"password": "a-good-test-password"}, "Choose what should happen"),
        ({"posts": "keep"}, "Enter your password."),
    ],
)
def test_deleting_needs_the_password_and_a_choice(client, member, data, message):
    client.force_login(member)

    response = client.post(reverse("delete_account"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    member.refresh_from_db()
    assert member.is_active
    assert member.first_name == "Lee"


def test_exporting_and_deleting_need_a_signed_in_member(client):
    for name in ["data_export", "delete_account"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
