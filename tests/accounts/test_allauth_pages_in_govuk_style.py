"""allauth's pages that kept its own templates now use ours (GOV.UK markup, our words):
confirming it is you, renaming and deleting a passkey, and the accounts a member signs
in with."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from accounts.factories import UserFactory, totp_code
from tests.accounts.identity_provider import PROVIDER_ID, use_provider

pytestmark = pytest.mark.django_db

PASSWORD = "a-good-test-password"


def confirmed(client, user):
    """Signed in, and confirmed it is them just now (as allauth asks before changes)."""
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def passkey():
    member = UserFactory(two_factor=True)
    return Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Work laptop", "credential": {}},
    )


@pytest.fixture
def provider(settings):
    app = {
        "provider_id": PROVIDER_ID,
        "name": "Test identity provider",
        "client_id": "statsforum",
        "secret": "client-secret",
        "settings": {
            "server_url": "http://127.0.0.1:9/",
            "sign_in_origins": ["http://127.0.0.1:9"],
        },
    }
    use_provider(settings, app)


def connect(user, uid="member-at-provider"):
    return SocialAccount.objects.create(
        user=user, provider=PROVIDER_ID, uid=uid, extra_data={}
    )


def test_confirming_it_is_you_is_a_govuk_page_not_allauths_confirm_access(client):
    client.force_login(UserFactory())

    page = client.get(reverse("account_reauthenticate")).content.decode()

    assert '<h1 class="govuk-heading-l">Confirm it is you</h1>' in page
    assert 'class="govuk-input' in page
    assert "Confirm Access" not in page


def test_a_wrong_password_is_refused_with_a_govuk_error_summary(client):
    client.force_login(UserFactory())

    response = client.post(reverse("account_reauthenticate"), {"password": "wrong"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "<title>Error: Confirm it is you" in page


def test_the_other_ways_to_confirm_are_in_our_words(client):
    client.force_login(UserFactory(two_factor=True))

    page = client.get(reverse("account_reauthenticate")).content.decode()

    assert "Use a code from your authenticator app or a recovery code" in page
    assert "Use authenticator app or code" not in page


def test_confirming_with_a_code_is_our_page_too(client):
    client.force_login(UserFactory(two_factor=True))

    page = client.get(reverse("mfa_reauthenticate")).content.decode()

    assert '<h1 class="govuk-heading-l">Confirm it is you</h1>' in page
    assert "Code from your authenticator app, or a recovery code" in page


def test_renaming_a_passkey_is_a_govuk_page(client, passkey):
    confirmed(client, passkey.user)

    page = client.get(
        reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk})
    ).content.decode()

    assert '<h1 class="govuk-heading-l">Rename your passkey</h1>' in page
    assert 'value="Work laptop"' in page
    assert "Edit Security Key" not in page


def test_a_member_renames_their_passkey(client, passkey):
    confirmed(client, passkey.user)

    response = client.post(
        reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk}), {"name": "Phone"}
    )

    assert response.url == reverse("mfa_list_webauthn")
    passkey.refresh_from_db()
    assert passkey.wrap().name == "Phone"


def test_a_passkey_without_a_name_is_refused(client, passkey):
    confirmed(client, passkey.user)

    response = client.post(
        reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk}), {"name": ""}
    )

    assert response.status_code == 200
    assert "Enter a name for your passkey." in response.content.decode()
    passkey.refresh_from_db()
    assert passkey.wrap().name == "Work laptop"


def test_nobody_renames_another_members_passkey(client, passkey):
    confirmed(client, UserFactory())

    response = client.post(
        reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk}), {"name": "Mine"}
    )

    assert response.status_code == 404
    passkey.refresh_from_db()
    assert passkey.wrap().name == "Work laptop"


def test_deleting_a_passkey_asks_on_a_govuk_page(client, passkey):
    confirmed(client, passkey.user)

    page = client.get(
        reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk})
    ).content.decode()

    assert '<h1 class="govuk-heading-l">Delete this passkey?</h1>' in page
    assert "<strong>Work laptop</strong>" in page
    assert "govuk-button--warning" in page
    assert "Remove Security Key" not in page


def test_a_member_deletes_their_passkey(client, passkey):
    confirmed(client, passkey.user)

    response = client.post(reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk}))

    assert response.url == reverse("mfa_list_webauthn")
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


def test_nobody_deletes_another_members_passkey(client, passkey):
    confirmed(client, UserFactory())

    response = client.post(reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk}))

    assert response.status_code == 404
    assert Authenticator.objects.filter(pk=passkey.pk).exists()


def test_the_accounts_a_member_signs_in_with_is_a_govuk_page(client, provider):
    member = UserFactory()
    connect(member)
    confirmed(client, member)

    page = client.get(reverse("socialaccount_connections")).content.decode()

    assert '<h1 class="govuk-heading-l">Accounts you sign in with</h1>' in page
    assert 'class="govuk-radios__input"' in page
    assert "Test identity provider" in page
    assert "Account Connections" not in page


def test_a_member_with_a_password_removes_a_connected_account(client, provider):
    member = UserFactory()
    account = connect(member)
    confirmed(client, member)

    response = client.post(
        reverse("socialaccount_connections"), {"account": account.pk}
    )

    assert response.status_code == 302
    assert not SocialAccount.objects.filter(pk=account.pk).exists()


def test_the_only_way_to_sign_in_cannot_be_removed(client, provider):
    # No password: the member confirms it is them with their authenticator app.
    member = UserFactory(two_factor=True)
    member.set_unusable_password()
    member.save()
    account = connect(member)
    client.force_login(member)
    response = client.post(
        reverse("mfa_reauthenticate"), {"code": totp_code(member.totp_secret)}
    )
    assert response.status_code == 302

    response = client.post(
        reverse("socialaccount_connections"), {"account": account.pk}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "it is your only way to sign in" in page
    assert SocialAccount.objects.filter(pk=account.pk).exists()


def test_a_member_with_no_confirmed_address_keeps_their_only_account(client, provider):
    member = UserFactory()
    account = connect(member)
    confirmed(client, member)
    EmailAddress.objects.filter(user=member).update(verified=False)

    response = client.post(
        reverse("socialaccount_connections"), {"account": account.pk}
    )

    assert "no confirmed email address" in response.content.decode()
    assert SocialAccount.objects.filter(pk=account.pk).exists()


def at_the_code_step(client, url="/accounts/login/"):
    member = UserFactory(two_factor=True)
    response = client.post(url, {"login": member.email, "password": PASSWORD})
    assert response.url.endswith("/accounts/2fa/authenticate/")
    return member, response.url


def test_the_second_step_of_signing_in_is_a_govuk_page(client):
    _member, url = at_the_code_step(client)

    page = client.get(url).content.decode()

    assert '<h1 class="govuk-heading-l">Two-Factor Authentication</h1>' in page
    assert 'class="govuk-input' in page
    assert 'id="mfa_webauthn_authenticate"' in page
    assert "Please enter an authenticator code" not in page


def test_the_second_step_signs_in_with_the_code(client):
    member, url = at_the_code_step(client)

    response = client.post(url, {"code": totp_code(member.totp_secret)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_wrong_code_is_refused_with_a_govuk_error_summary(client):
    _member, url = at_the_code_step(client)

    response = client.post(url, {"code": "000000"})

    page = response.content.decode()
    assert "There is a problem" in page
    assert "_auth_user_id" not in client.session
