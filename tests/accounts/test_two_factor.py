import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def unprotected_editor():
    editor = UserFactory(email="editor@example.org", password="editor-passphrase")
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def test_an_editor_without_two_factor_is_sent_to_set_it_up(client, unprotected_editor):
    client.force_login(unprotected_editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_an_editor_with_two_factor_reaches_the_admin(client):
    editor = UserFactory(two_factor=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_waiver_applies_only_to_the_listed_accounts(
    client, unprotected_editor, settings
):
    settings.STATSFORUM_MFA_WAIVED_EMAILS = ["editor@example.org"]
    client.force_login(unprotected_editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_member_without_admin_rights_is_not_asked_for_two_factor(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailadmin_home"))

    assert response.url.startswith(reverse("account_login"))


def test_signing_in_with_two_factor_asks_for_the_code(client):
    editor = UserFactory(
        email="totp@example.org", password="pass-phrase-2026", two_factor=True
    )

    response = client.post(
        reverse("account_login"),
        {"login": "totp@example.org", "password": "pass-phrase-2026"},
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": totp_code(editor.totp_secret)})
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_wagtails_own_sign_in_form_cannot_skip_two_factor(client):
    UserFactory(email="totp@example.org", password="pass-phrase-2026", two_factor=True)

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "totp@example.org", "password": "pass-phrase-2026"},
    )

    assert response.status_code in (301, 302)
    assert response.url == reverse("account_login") + "?next=/admin/"
    assert "_auth_user_id" not in client.session
