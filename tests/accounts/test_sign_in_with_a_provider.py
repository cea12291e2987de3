"""Signing in with an OpenID Connect provider, end to end against a real one
(oidc-provider-mock on loopback, tests/accounts/identity_provider.py)."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory, totp_code
from accounts.models import User
from accounts.two_factor import provider_proved_second_factor
from tests.accounts.identity_provider import (
    PROVIDER_ID,
    private_key_pem,
    public_key_of,
    use_provider,
)

pytestmark = pytest.mark.django_db

PASSWORD = "pass-phrase-2026"
# Find the account by subject, update it, record the sign-in, make the session.
QUERIES_TO_SIGN_IN_AGAIN = 27
LOGIN_URL = reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID})


def signed_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def start(client, next_url=None):
    """Press "Sign in with …": the provider's authorisation URL."""
    response = client.post(LOGIN_URL + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302
    return response.url


def sign_in(client, provider, sub, next_url=None):
    return client.get(provider.authorise(start(client, next_url), sub))


def with_param(url, **params):
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return parts._replace(query=urlencode({**query, **params})).geturl()


@pytest.fixture
def staff():
    editor = UserFactory(email="editor@example.org", password=PASSWORD, two_factor=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def test_the_sign_in_page_offers_each_provider(client, identity_provider):
    page = client.get(reverse("account_login")).content.decode()

    assert "Sign in with Test identity provider" in page
    assert f'action="{LOGIN_URL}?process=login"' in page


def test_the_sign_in_page_offers_no_provider_when_none_is_configured(client):
    assert "Sign in with" not in client.get(reverse("account_login")).content.decode()


def test_the_account_menu_links_to_the_accounts_one_signs_in_with_only_when_any_can_be(
    client, settings, identity_provider
):
    client.force_login(UserFactory())
    menu = "Accounts you sign in with"

    assert menu in client.get(reverse("edit_profile")).content.decode()

    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
    assert menu not in client.get(reverse("edit_profile")).content.decode()


def test_the_provider_is_asked_for_a_nonce_pkce_and_the_configured_vectors_of_trust(
    client, running_identity_provider, settings
):
    use_provider(settings, running_identity_provider.app(vtr='["Cl.Cm"]'))

    query = parse_qs(urlsplit(start(client)).query)

    assert query["vtr"] == ['["Cl.Cm"]']
    assert len(query["nonce"][0]) >= 32
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"][0]


def test_a_new_person_gets_an_account_with_their_verified_email(
    client, identity_provider
):
    identity_provider.add_person(
        "new-person",
        email="ada@example.org",
        email_verified=True,
        given_name="Ada",
        family_name="Lovelace",
    )

    response = sign_in(client, identity_provider, "new-person", next_url="/my/")

    assert response.status_code == 302
    assert response.url == "/my/"
    user = signed_in_as(client)
    assert (user.email, user.first_name, user.last_name) == (
        "ada@example.org",
        "Ada",
        "Lovelace",
    )
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user).uid == "new-person"
    assert not user.has_usable_password()


def test_the_next_sign_in_finds_the_account_by_its_subject_not_its_email(
    client, identity_provider
):
    identity_provider.add_person(
        "same-person", email="old@example.org", email_verified=True
    )
    sign_in(client, identity_provider, "same-person")
    first = signed_in_as(client)
    identity_provider.add_person(
        "same-person", email="new@example.org", email_verified=True
    )

    other_browser = Client()
    sign_in(other_browser, identity_provider, "same-person")

    assert signed_in_as(other_browser) == first
    assert User.objects.count() == 1


def test_an_existing_account_links_by_a_verified_email(client, identity_provider):
    member = UserFactory(email="member@example.org", password=PASSWORD)
    identity_provider.add_person(
        "member-at-provider", email="member@example.org", email_verified=True
    )

    sign_in(client, identity_provider, "member-at-provider")

    assert signed_in_as(client) == member
    assert SocialAccount.objects.get(uid="member-at-provider").user == member
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_an_unverified_email_links_no_account_and_signs_no_one_in(
    client, identity_provider
):
    member = UserFactory(email="member@example.org", password=PASSWORD)
    identity_provider.add_person(
        "someone-else", email="member@example.org", email_verified=False
    )

    response = sign_in(client, identity_provider, "someone-else")

    assert signed_in_as(client) is None
    assert not SocialAccount.objects.exists()
    assert User.objects.get() == member
    # Told only to check their email, as anyone signing up with a taken address
    # is (ACCOUNT_PREVENT_ENUMERATION): the owner is told someone tried.
    assert response.url == reverse("account_email_verification_sent")
    assert mail.outbox[-1].to == ["member@example.org"]
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_an_email_with_no_verified_claim_links_no_account(client, identity_provider):
    # Entra ID, for one, sends an email claim and no email_verified.
    UserFactory(email="member@example.org", password=PASSWORD)
    identity_provider.add_person("no-claim", email="member@example.org")

    sign_in(client, identity_provider, "no-claim")

    assert signed_in_as(client) is None
    assert not SocialAccount.objects.exists()


def test_a_verified_email_locks_out_whoever_signed_up_with_it_unconfirmed(
    client, identity_provider
):
    # Someone registered the address without confirming it, password known to them.
    squatter = UserFactory(
        email="victim@example.org", password=PASSWORD, verified=False
    )
    identity_provider.add_person(
        "victim", email="victim@example.org", email_verified=True
    )

    response = sign_in(client, identity_provider, "victim")

    squatter.refresh_from_db()
    assert not squatter.has_usable_password()
    # allauth still asks that the address be confirmed by email before sign-in.
    assert signed_in_as(client) is None
    assert response.url == reverse("account_email_verification_sent")


def test_a_person_the_provider_gives_no_email_confirms_one_before_signing_in(
    client, identity_provider
):
    identity_provider.add_person("no-email", email="")

    response = sign_in(client, identity_provider, "no-email")
    assert response.url == reverse("socialaccount_signup")
    form = client.get(response.url)
    assert "Create an account" in form.content.decode()
    finished = client.post(response.url, {"email": "mine@example.org"})

    assert finished.url == reverse("account_email_verification_sent")
    assert signed_in_as(client) is None
    assert mail.outbox[-1].to == ["mine@example.org"]


def test_the_finishing_form_keeps_a_bad_email_and_says_what_is_wrong(
    client, identity_provider
):
    identity_provider.add_person("no-email", email="")
    sign_in(client, identity_provider, "no-email")

    response = client.post(reverse("socialaccount_signup"), {"email": "not-an-email"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'value="not-an-email"' in page
    assert not User.objects.exists()


def test_a_callback_with_a_state_this_browser_never_sent_is_refused(
    client, identity_provider
):
    identity_provider.add_person("p", email="p@example.org", email_verified=True)
    callback = identity_provider.authorise(start(client), "p")

    response = client.get(with_param(callback, state="forged-state"))

    assert response.status_code == 401
    assert "You have not been signed in" in response.content.decode()
    assert signed_in_as(client) is None
    assert not User.objects.exists()


def test_a_callback_in_another_browser_is_refused(client, identity_provider):
    # A code sent to someone else's browser (login CSRF): their session has no state.
    identity_provider.add_person("p", email="p@example.org", email_verified=True)
    callback = identity_provider.authorise(start(client), "p")

    other_browser = Client()
    other_browser.get(callback)

    assert signed_in_as(other_browser) is None


def test_an_id_token_with_another_nonce_is_refused(client, identity_provider):
    identity_provider.add_person("p", email="p@example.org", email_verified=True)
    authorize_url = with_param(start(client), nonce="a-nonce-we-never-sent")

    response = client.get(identity_provider.authorise(authorize_url, "p"))

    assert "You have not been signed in" in response.content.decode()
    assert signed_in_as(client) is None
    assert not User.objects.exists()


def test_a_staff_member_is_asked_for_our_code_when_the_provider_proves_no_second_factor(
    client, identity_provider, staff
):
    identity_provider.add_person(
        "editor", email="editor@example.org", email_verified=True, amr=["pwd"]
    )

    response = sign_in(client, identity_provider, "editor", next_url="/admin/")

    assert response.url == reverse("mfa_authenticate")
    assert signed_in_as(client) is None

    client.post(reverse("mfa_authenticate"), {"code": totp_code(staff.totp_secret)})

    assert signed_in_as(client) == staff
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize(
    "claims", [{"amr": ["pwd", "mfa"]}, {"amr": ["hwk"]}, {"vot": "Cl.Cm"}]
)
def test_a_staff_member_whose_provider_proved_a_second_factor_reaches_the_admin(
    client, identity_provider, staff, claims
):
    identity_provider.add_person(
        "editor", email="editor@example.org", email_verified=True, **claims
    )

    response = sign_in(client, identity_provider, "editor", next_url="/admin/")

    assert response.url == "/admin/"
    assert signed_in_as(client) == staff
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_staff_member_without_our_second_factor_or_the_providers_must_set_one_up(
    client, identity_provider
):
    editor = UserFactory(email="editor@example.org", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    identity_provider.add_person(
        "editor", email="editor@example.org", email_verified=True, vot="Cl"
    )

    sign_in(client, identity_provider, "editor")

    assert signed_in_as(client) == editor
    response = client.get(reverse("wagtailadmin_home"))
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize(
    ("claims", "proved"),
    [
        ({"amr": ["mfa"]}, True),
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["hwk"]}, True),
        ({"vot": "Cl.Cm"}, True),
        ({"vot": "P2.Cl.Cm"}, True),
        ({"amr": ["pwd"]}, False),
        ({"amr": "mfa"}, False),  # not a list: RFC 8176 says an array
        ({"amr": [["mfa"]]}, False),
        ({"vot": "Cl"}, False),
        ({"vot": ["Cl.Cm"]}, False),
        ({"vot": "Clm"}, False),
        ({}, False),
    ],
)
def test_which_claims_prove_a_second_factor(claims, proved):
    assert provider_proved_second_factor(claims) is proved


# private_key_jwt: how GOV.UK One Login authenticates the client.


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "private_key.pem"
    path.write_bytes(private_key_pem())
    return path


def test_a_provider_with_a_private_key_gets_a_signed_client_assertion_and_no_secret(
    client, running_identity_provider, settings, key_file
):
    provider = running_identity_provider
    provider.front.public_keys["one-login-client"] = public_key_of(
        key_file.read_bytes()
    )
    use_provider(settings, provider.app("one-login-client", private_key_file=key_file))
    provider.add_person("citizen", email="citizen@example.org", email_verified=True)
    seen = len(provider.front.assertions_seen)

    sign_in(client, provider, "citizen")

    assert signed_in_as(client).email == "citizen@example.org"
    assert len(provider.front.assertions_seen) == seen + 1
    assertion = provider.front.assertions_seen[-1]
    assert assertion["exp"] - assertion["iat"] <= 300


def test_a_client_assertion_signed_with_the_wrong_key_is_refused(
    client, running_identity_provider, settings, key_file, tmp_path
):
    provider = running_identity_provider
    provider.front.public_keys["wrong-key-client"] = public_key_of(private_key_pem())
    use_provider(settings, provider.app("wrong-key-client", private_key_file=key_file))
    provider.add_person("citizen", email="citizen@example.org", email_verified=True)

    response = sign_in(client, provider, "citizen")

    assert "You have not been signed in" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_signed_in_member_connects_a_provider_that_does_not_verify_emails(
    identity_provider,
):
    member = UserFactory(email="member@example.org", password=PASSWORD)
    identity_provider.add_person("at-work", email="member@example.org")
    client = Client()
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    page = client.get(reverse("socialaccount_connections"))
    assert "Test identity provider" in page.content.decode()

    authorize_url = client.post(LOGIN_URL + "?process=connect").url
    client.get(identity_provider.authorise(authorize_url, "at-work"))

    assert SocialAccount.objects.get(uid="at-work").user == member
    other_browser = Client()
    sign_in(other_browser, identity_provider, "at-work")
    assert signed_in_as(other_browser) == member


@pytest.mark.parametrize("members", [1, 20])
def test_signing_in_again_takes_the_same_queries_however_many_members_there_are(
    identity_provider, django_assert_max_num_queries, members
):
    UserFactory.create_batch(members)
    identity_provider.add_person(
        "regular", email="regular@example.org", email_verified=True
    )
    sign_in(Client(), identity_provider, "regular")
    client = Client()
    callback = identity_provider.authorise(start(client), "regular")

    with django_assert_max_num_queries(QUERIES_TO_SIGN_IN_AGAIN):
        client.get(callback)

    assert signed_in_as(client).email == "regular@example.org"


@pytest.mark.parametrize("view", ["openid_connect_login", "openid_connect_callback"])
def test_a_provider_that_is_not_configured_is_not_found(
    client, identity_provider, view
):
    url = reverse(view, kwargs={"provider_id": "no-such-provider"})

    assert client.post(url).status_code == 404
    assert client.get(url + "?code=x&state=y").status_code == 404
