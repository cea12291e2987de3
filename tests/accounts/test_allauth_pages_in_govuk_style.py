"""allauth's pages that kept its own templates now use ours (GOV.UK markup, our words):
confirming it is you, passwords (reset, change, set), email addresses, the
authenticator app, recovery codes, passkeys, and the accounts a member signs in with."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse
from django.utils import translation

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


# Resetting, changing and setting a password


def test_asking_to_reset_a_password_is_a_govuk_page(client):
    page = client.get(reverse("account_reset_password")).content.decode()

    assert '<h1 class="govuk-heading-l">Reset your password</h1>' in page
    assert 'class="govuk-input' in page
    assert "Reset My Password" not in page


def test_a_reset_asked_for_a_badly_written_address_is_refused_next_to_it(client):
    response = client.post(
        reverse("account_reset_password"), {"email": "not-an-address"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Reset your password" in page
    assert "Enter an email address in the right form" in page
    assert 'value="not-an-address"' in page


def test_a_reset_asked_for_any_address_says_only_to_check_the_email(client):
    response = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}
    )

    assert response.url == reverse("account_reset_password_done")
    page = client.get(response.url).content.decode()
    assert '<h1 class="govuk-heading-l">Check your email</h1>' in page
    assert "If an account uses that email address" in page


def test_a_reset_link_that_does_not_work_says_so_and_offers_a_new_one(client):
    url = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": "1", "key": "not-a-key"}
    )

    page = client.get(url).content.decode()

    assert '<h1 class="govuk-heading-l">This link does not work</h1>' in page
    assert f'href="{reverse("account_reset_password")}"' in page
    assert "Bad Token" not in page


def test_a_member_resets_their_password_from_the_link(client):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    member = UserFactory()
    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(member),
            "key": default_token_generator.make_token(member),
        },
    )
    # allauth moves the key out of the address into the session first.
    form_url = client.get(url).url
    page = client.get(form_url).content.decode()
    assert '<h1 class="govuk-heading-l">Choose a new password</h1>' in page

    response = client.post(
        form_url,
        {"password1": "a-new-long-password", "password2": "a-new-long-password"},
    )

    assert response.url == reverse("account_reset_password_from_key_done")
    member.refresh_from_db()
    assert member.check_password("a-new-long-password")
    page = client.get(response.url).content.decode()
    assert "Your password has been changed" in page


def test_changing_a_password_is_a_govuk_page_in_our_words(client):
    confirmed(client, UserFactory())

    page = client.get(reverse("account_change_password")).content.decode()

    assert '<h1 class="govuk-heading-l">Change your password</h1>' in page
    assert "Current password" in page
    assert "Confirm your new password" in page
    assert "New Password (again)" not in page


def test_a_wrong_current_password_changes_nothing(client):
    member = UserFactory()
    confirmed(client, member)

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not-my-password",
            "password1": "a-new-long-password",
            "password2": "a-new-long-password",
        },
    )

    page = response.content.decode()
    assert "There is a problem" in page
    assert "Your current password is not right." in page
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_a_changed_password_is_confirmed_in_our_words(client):
    member = UserFactory()
    confirmed(client, member)

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-password",
            "password2": "a-new-long-password",
        },
        follow=True,
    )

    assert "Your password has been changed." in response.content.decode()
    member.refresh_from_db()
    assert member.check_password("a-new-long-password")


def test_a_member_without_a_password_sets_one_on_a_govuk_page(client):
    member = UserFactory()
    member.set_unusable_password()
    member.save()
    client.force_login(member)

    page = client.get(reverse("account_set_password")).content.decode()

    assert '<h1 class="govuk-heading-l">Set a password</h1>' in page
    assert "Password (again)" not in page


# Email addresses


def test_the_email_addresses_page_shows_each_address_and_its_state(client):
    member = UserFactory(email="member@example.org")
    EmailAddress.objects.create(user=member, email="other@example.org")
    confirmed(client, member)

    page = client.get(reverse("account_email")).content.decode()

    assert '<h1 class="govuk-heading-l">Your email addresses</h1>' in page
    assert 'class="govuk-radios__input"' in page
    assert "Main address" in page
    assert "Not confirmed" in page
    assert "Make Primary" not in page


def test_adding_an_address_already_on_the_account_is_refused(client):
    member = UserFactory(email="member@example.org")
    confirmed(client, member)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "member@example.org"}
    )

    page = response.content.decode()
    assert "There is a problem" in page
    assert "This email address is already on your account." in page
    assert EmailAddress.objects.filter(user=member).count() == 1


def test_a_confirmation_link_that_does_not_work_says_so(client):
    page = client.get(
        reverse("account_confirm_email", kwargs={"key": "not-a-key"})
    ).content.decode()

    assert '<h1 class="govuk-heading-l">This link does not work</h1>' in page


# The authenticator app, recovery codes and passkeys


def test_setting_up_an_authenticator_app_is_a_govuk_page(client):
    confirmed(client, UserFactory())

    page = client.get(reverse("mfa_activate_totp")).content.decode()

    assert '<h1 class="govuk-heading-l">Set up an authenticator app</h1>' in page
    assert 'class="sf-qr-code"' in page
    assert "Code from your authenticator app" in page
    assert "Activate Authenticator App" not in page


def test_a_wrong_code_sets_up_no_authenticator_app(client):
    member = UserFactory()
    confirmed(client, member)
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert "The code is not right. Check it and try again." in (
        response.content.decode()
    )
    assert not Authenticator.objects.filter(user=member).exists()


def test_removing_the_authenticator_app_asks_on_a_govuk_page(client):
    confirmed(client, UserFactory(two_factor=True))

    page = client.get(reverse("mfa_deactivate_totp")).content.decode()

    assert '<h1 class="govuk-heading-l">Remove your authenticator app?</h1>' in page
    assert "govuk-button--warning" in page


def test_the_recovery_codes_are_listed_on_a_govuk_page(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    member = UserFactory(two_factor=True)
    codes = RecoveryCodes.activate(member).get_unused_codes()
    confirmed(client, member)

    page = client.get(reverse("mfa_view_recovery_codes")).content.decode()

    assert '<h1 class="govuk-heading-l">Your recovery codes</h1>' in page
    assert f"<code>{codes[0]}</code>" in page
    assert f"You have {len(codes)} unused codes of" in page


def test_the_passkeys_are_listed_with_ways_to_rename_and_delete_them(client, passkey):
    confirmed(client, passkey.user)

    page = client.get(reverse("mfa_list_webauthn")).content.decode()

    assert '<h1 class="govuk-heading-l">Your passkeys</h1>' in page
    assert "Work laptop" in page
    assert reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk}) in page
    assert reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk}) in page
    assert "Security Keys" not in page


def test_a_new_passkey_is_offered_a_name_in_our_words(client):
    confirmed(client, UserFactory(two_factor=True))

    page = client.get(reverse("mfa_add_webauthn")).content.decode()

    assert '<h1 class="govuk-heading-l">Add a passkey</h1>' in page
    assert 'value="Passkey 1"' in page
    assert "Master key" not in page


# In Welsh


def test_a_wrong_current_password_is_refused_in_welsh(client):
    confirmed(client, UserFactory())
    with translation.override("cy"):
        url = reverse("account_change_password")

    response = client.post(
        url,
        {"oldpassword": "nope", "password1": "short", "password2": "short"},
    )

    page = response.content.decode()
    assert "<title>Gwall: Newid eich cyfrinair" in page
    assert "Nid yw eich cyfrinair presennol yn gywir." in page
    # Django's password checks, which its own Welsh lacks, come from our catalogue.
    assert "cyfrinair hwn yn rhy fyr. Rhaid iddo gynnwys o leiaf 10 nod." in page
    assert "Your current password is not right." not in page
    assert "too short" not in page


def test_two_different_new_passwords_are_refused_in_welsh(client):
    confirmed(client, UserFactory())
    with translation.override("cy"):
        url = reverse("account_change_password")

    response = client.post(
        url,
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-password",
            "password2": "another-long-password",
        },
    )

    page = response.content.decode()
    assert "Rhaid i chi deipio&#x27;r un cyfrinair y ddau dro." in page
    assert "same password" not in page


def test_a_welsh_members_password_reset_email_is_in_welsh(client, mailoutbox):
    UserFactory(email="aelod@example.org", email_language="cy")
    with translation.override("cy"):
        url = reverse("account_reset_password")

    client.post(url, {"email": "aelod@example.org"})

    email = mailoutbox[-1]
    assert email.subject == "statsforum: Ailosod eich cyfrinair"
    assert "I ddewis cyfrinair newydd, dilynwch y ddolen hon:" in email.body
    assert "/cy/accounts/password/reset/key/" in email.body
    assert "You're receiving this email" not in email.body


def test_a_reset_asked_for_an_unknown_address_tells_its_owner_in_our_words(
    client, mailoutbox
):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    email = mailoutbox[-1]
    assert email.to == ["nobody@example.org"]
    assert email.subject == "statsforum: No account uses this email address"
    assert "/accounts/signup/" in email.body


def test_a_member_confirms_it_is_them_with_a_code_emailed_in_welsh(client, mailoutbox):
    member = UserFactory(email="aelod@example.org", email_language="cy")
    client.force_login(member)
    with translation.override("cy"):
        request_url = reverse("account_request_reauthentication_code")

    page = client.get(request_url).content.decode()
    assert (
        "Byddwn yn anfon cod drwy e-bost at <strong>aelod@example.org</strong>" in page
    )
    confirm_url = client.post(request_url, {"recipient": "aelod@example.org"}).url
    assert confirm_url.startswith("/cy/")

    response = client.post(confirm_url, {"code": "WRONG1"})
    page = response.content.decode()
    assert "<title>Gwall: Rhowch y cod a anfonwyd atoch drwy e-bost" in page
    assert "Nid yw&#x27;r cod yn gywir." in page

    email = mailoutbox[-1]
    assert email.subject == "statsforum: Eich cod"
    code = email.body.split("\n\n")[2].strip()
    response = client.post(confirm_url, {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
