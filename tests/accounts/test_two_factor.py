from urllib.parse import quote

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory, totp_code
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import ResponseExport
from tests.accounts.sign_in_doors import sample_path, url_patterns
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

PASSWORD = "pass-phrase-2026"


@pytest.fixture
def unprotected_editor():
    editor = UserFactory(email="editor@example.org", password="editor-passphrase")
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


@pytest.fixture
def labour(theme_index):
    return ThemePageFactory(parent=theme_index, title="Labour market", slug="labour")


@pytest.fixture
def producer(labour, editor):
    return appoint(
        labour, Role.PRODUCER, editor, email="producer@example.org", password=PASSWORD
    )


@pytest.fixture
def consultation(labour):
    consultation = ConsultationPageFactory(parent=labour, slug="frequency")
    ResponseFactory(consultation=consultation)
    return consultation


@pytest.fixture
def download(consultation, producer):
    return ResponseExport.objects.create(
        consultation=consultation,
        requested_by=producer,
        format="csv",
        content=b"respondent,answer\r\n",
        completed_at=timezone.now(),
    )


def password_only(user):
    """A session that signed `user` in with no record of a second factor, as
    Django's own sign-in forms did."""
    client = Client()
    client.force_login(user)
    return client


def reauthenticate_url(path):
    return f"{reverse('mfa_reauthenticate')}?next={quote(path, safe='/')}"


def test_an_editor_without_two_factor_is_sent_to_set_it_up(client, unprotected_editor):
    client.force_login(unprotected_editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_an_editor_who_passed_the_code_in_this_session_reaches_the_admin(client):
    editor = UserFactory(two_factor=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_producer_with_an_authenticator_but_no_code_in_this_session_sees_no_responses(
    producer, consultation, download
):
    client = password_only(producer)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("consultations_responses", args=[consultation.pk]),
        reverse("consultations_responses", args=[consultation.pk]) + "?format=csv",
        reverse("consultations_download", args=[consultation.pk, download.pk]),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reauthenticate_url(url)


def test_the_code_asked_for_by_the_admin_lets_this_session_in(producer, consultation):
    client = password_only(producer)
    responses = reverse("consultations_responses", args=[consultation.pk])
    client.get(responses)

    wrong = client.post(reauthenticate_url(responses), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get(responses).status_code == 302

    right = client.post(
        reauthenticate_url(responses), {"code": totp_code(producer.totp_secret)}
    )
    assert right.url == responses
    assert client.get(responses).status_code == 200


def test_a_recovery_code_is_a_second_factor_too(producer, consultation):
    # allauth makes recovery codes when the app is set up: one stands in for a
    # lost phone, once.
    client = Client()
    client.post(
        reverse("account_login"), {"login": producer.email, "password": PASSWORD}
    )
    codes = RecoveryCodes.activate(producer)
    code = codes.get_unused_codes()[0]

    client.post(reverse("mfa_authenticate"), {"code": code})

    responses = reverse("consultations_responses", args=[consultation.pk])
    assert client.get(responses).status_code == 200
    codes.instance.refresh_from_db()
    assert code not in codes.instance.wrap().get_unused_codes()


def test_setting_up_an_authenticator_app_counts_as_passing_it_in_this_session(
    unprotected_editor,
):
    client = Client()
    client.post(
        reverse("account_login"),
        {"login": "editor@example.org", "password": "editor-passphrase"},
    )
    assert client.get(reverse("wagtailadmin_home")).url == reverse("mfa_activate_totp")
    # allauth asks for the password again before an authenticator is added.
    reauthenticate = client.get(reverse("mfa_activate_totp")).url
    client.post(reauthenticate, {"password": "editor-passphrase"})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret

    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_waiver_applies_only_to_the_listed_accounts_on_a_developers_machine(
    client, unprotected_editor, settings
):
    settings.DEBUG = True
    settings.STATSFORUM_MFA_WAIVED_EMAILS = ["editor@example.org"]
    client.force_login(unprotected_editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_waiver_lets_no_one_in_without_debug(client, unprotected_editor, settings):
    settings.DEBUG = False
    settings.STATSFORUM_MFA_WAIVED_EMAILS = ["editor@example.org"]
    client.force_login(unprotected_editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_only_the_development_settings_list_waived_accounts():
    from statsforum.settings import base, production

    assert base.STATSFORUM_MFA_WAIVED_EMAILS == []
    assert production.STATSFORUM_MFA_WAIVED_EMAILS == []
    assert production.DEBUG is False


def test_a_member_without_admin_rights_is_not_asked_for_two_factor(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailadmin_home"))

    assert response.url.startswith(reverse("account_login"))


def test_every_admin_url_asks_a_password_only_session_for_the_code(producer):
    client = password_only(producer)
    paths = sorted(
        {
            sample_path(route)
            for route, _, _ in url_patterns()
            if route.startswith("admin/")
        }
    )
    assert len(paths) > 100

    answers = {path: client.get(path) for path in paths}

    let_through = {
        path: response.status_code
        for path, response in answers.items()
        if not (
            response.status_code == 302
            and response.url.startswith(reverse("mfa_reauthenticate"))
        )
    }
    assert let_through == {}


def test_signing_in_with_two_factor_asks_for_the_code(client):
    editor = UserFactory(email="totp@example.org", password=PASSWORD, two_factor=True)

    response = client.post(
        reverse("account_login"), {"login": "totp@example.org", "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": totp_code(editor.totp_secret)})
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_wagtails_own_sign_in_form_cannot_skip_two_factor(client):
    UserFactory(email="totp@example.org", password=PASSWORD, two_factor=True)

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "totp@example.org", "password": PASSWORD},
    )

    assert response.status_code in (301, 302)
    assert response.url == reverse("account_login") + "?next=/admin/"
    assert "_auth_user_id" not in client.session


def test_an_editor_with_only_a_passkey_is_asked_for_it_not_sent_to_set_up_an_app(
    unprotected_editor,
):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=unprotected_editor, type=Authenticator.Type.WEBAUTHN, data={}
    )
    client = password_only(unprotected_editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.url == reauthenticate_url(reverse("wagtailadmin_home"))


def test_a_member_lists_their_passkeys(client):
    from allauth.mfa.models import Authenticator

    member = UserFactory(two_factor=True)
    Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Work laptop", "credential": {}},
    )
    client.force_login(member)

    response = client.get(reverse("mfa_list_webauthn"))

    assert response.status_code == 200
    assert "Work laptop" in response.content.decode()
