"""The account pages, the forms' GOV.UK furniture and the notification emails speak
Welsh under /cy/ (and in an email rendered in Welsh), not the English they were
written in; the English addresses stay English."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.emails import render_email
from accounts.factories import UserFactory
from accounts.notifications import registered_kinds
from forums.factories import ThreadFactory
from tests.in_welsh import translated
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


def in_welsh(name, **kwargs):
    with translation.override("cy"):
        return reverse(name, kwargs=kwargs)


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def test_the_sign_in_page_is_in_welsh_under_cy(client):
    url = in_welsh("account_login")
    assert url.startswith("/cy/")

    html = page(client, url)

    assert '<h1 class="govuk-heading-l">Mewngofnodi</h1>' in html
    assert "Wedi anghofio eich cyfrinair?" in html
    assert "Cyfeiriad e-bost" in html
    assert "Cadw fi wedi mewngofnodi ar y ddyfais hon" in html
    for english in ["Forgotten your password?", "New to statsforum?", 'l">Sign in<']:
        assert english not in html


def test_the_sign_in_page_stays_english_at_its_english_address(client):
    html = page(client, reverse("account_login"))

    assert "Forgotten your password?" in html
    assert "Wedi anghofio" not in html


def test_a_refused_sign_in_explains_itself_in_welsh(client):
    response = client.post(in_welsh("account_login"), {"login": "", "password": ""})

    html = response.content.decode()
    assert "<title>Gwall: Mewngofnodi" in html
    assert "Mae problem wedi codi" in html
    assert "Rhowch eich cyfeiriad e-bost." in html
    assert "There is a problem" not in html
    assert "Enter your email address." not in html


def test_the_sign_up_page_is_in_welsh_under_cy(client):
    html = page(client, in_welsh("account_signup"))

    assert '<h1 class="govuk-heading-l">Creu cyfrif</h1>' in html
    assert "Enw cyntaf" in html
    assert "Creu eich cyfrif" in html
    assert "cod ymddygiad" in html
    for english in ["First name", "Create your account", "code of conduct"]:
        assert english not in html


def test_the_profile_page_is_in_welsh_under_cy(client):
    client.force_login(UserFactory())

    html = page(client, in_welsh("edit_profile"))

    assert '<h1 class="govuk-heading-l">Eich proffil</h1>' in html
    assert "Pa un sy&#x27;n eich disgrifio orau?" in html
    assert "Dinesydd â diddordeb" in html
    assert "Cadw eich proffil" in html
    for english in ["Your profile", "Save your profile", "Interested citizen"]:
        assert english not in html


def test_a_saved_profile_is_confirmed_in_welsh(client):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        in_welsh("edit_profile"),
        {"first_name": "Rhian", "last_name": "Jones"},
        follow=True,
    )

    assert "Mae eich proffil wedi&#x27;i gadw." in response.content.decode()


def test_confirming_it_is_you_is_in_welsh_under_cy(client):
    client.force_login(UserFactory())

    html = page(client, in_welsh("account_reauthenticate"))

    assert "Cadarnhewch mai chi sydd yno" in html
    assert "Confirm it is you" not in html


def thread_reply_context():
    return {
        "recipient_name": "Rhian",
        "author_name": "Dafydd",
        "thread_title": "Housing costs in Wales",
        "theme_title": "Housing",
        "thread_url": "https://example.org/housing/t/1/",
        "text": "A reply.",
        "html": "<p>A reply.</p>",
    }


def test_a_reply_notification_email_is_in_welsh():
    with translation.override("cy"):
        subject, text, html = render_email(
            "notifications/thread_reply", thread_reply_context()
        )

    assert subject == 'Ateb newydd yn "Housing costs in Wales"'
    assert "Mae Dafydd wedi ateb yn" in text
    assert "Darllen yr edefyn ac ateb: https://example.org/housing/t/1/" in text
    assert "<strong>Housing costs in Wales</strong>" in html
    assert "Darllen yr edefyn ac ateb</a>" in html
    for english in ["New reply in", "replied in", "Read the thread and reply"]:
        assert english not in subject + text + html


def test_the_same_email_in_english_is_unchanged():
    subject, text, html = render_email(
        "notifications/thread_reply", thread_reply_context()
    )

    assert subject == 'New reply in "Housing costs in Wales"'
    assert "Read the thread and reply: https://example.org/housing/t/1/" in text


def test_a_meeting_registration_email_is_in_welsh_in_both_parts():
    context = {
        "recipient_name": "Rhian",
        "status": "confirmed",
        "meeting_title": "Housing statistics users' meeting",
        "when": "3 March 2027, 10:00",
        "format": "Online",
        "meeting_url": "https://example.org/housing/meetings/1/",
    }

    with translation.override("cy"):
        subject, text, html = render_email(
            "notifications/meeting_registration", context
        )

    assert subject.startswith("Rydych wedi cofrestru: ")
    for part in (text, html):
        assert "Rydych wedi cofrestru ar gyfer" in part
        assert "Pryd: 3 March 2027, 10:00" in part
        assert "ffeil calendr" in part
        assert "You are registered" not in part
        assert "When:" not in part


@pytest.mark.parametrize(
    ("count", "welsh"),
    [
        (1, "Eich crynodeb dyddiol: 1 diweddariad gan statsforum"),
        (2, "Eich crynodeb dyddiol: 2 diweddariad gan statsforum"),
        (8, "Eich crynodeb dyddiol: 8 diweddariad gan statsforum"),
    ],
)
def test_every_welsh_plural_form_of_the_digest_subject_is_filled(count, welsh):
    with translation.override("cy"):
        subject, _text, _html = render_email(
            "notifications/digest",
            {"cadence": "daily", "count": count, "groups": [], "recipient_name": "R"},
        )

    assert subject == welsh


def test_the_second_step_of_signing_in_is_in_welsh_under_cy(client):
    member = UserFactory(two_factor=True)
    response = client.post(
        in_welsh("account_login"),
        {"login": member.email, "password": "a-good-test-password"},
    )

    html = page(client, response.url)

    assert response.url.startswith("/cy/")
    assert "Dilysu dau gam" in html
    assert "Defnyddio allwedd mynediad" in html
    for english in ["Two-Factor Authentication", "Use a security key", ">Sign In<"]:
        assert english not in html


def test_every_kind_of_email_is_named_in_welsh(client):
    client.force_login(UserFactory())

    html = unescape(page(client, in_welsh("notification_preferences")))

    # Themes' and the weekly email's, offered here, as every feature's are.
    assert "Ceisiadau am gael eich cydnabod yn gynhyrchydd" in html
    assert "Ffyrdd newydd o gymryd rhan" in html
    # Every kind, offered here or named in the inbox and on unsubscribing.
    for kind in registered_kinds():
        for words in (kind.label, kind.description):
            with translation.override("en-gb"):
                english = str(words)
            with translation.override("cy"):
                assert str(words) != english, english
            assert english not in html, english


def test_a_members_public_roles_are_named_in_welsh(client, housing, welsh, editor):
    translated(housing, welsh, "Tai")
    chair = appoint(housing, Role.CHAIR, editor)
    ThreadFactory(theme=housing, author=chair, title="Damp")

    html = unescape(page(client, in_welsh("public_profile", pk=chair.pk)))

    assert "Rolau mewn themâu" in html
    assert "Cadeirydd y fforwm, Tai" in html
    assert f'href="/cy{housing.url}">Cadeirydd y fforwm, Tai' in html
    assert "Damp (Tai)" in html
    assert "Roles in themes" not in html
    assert "Housing" not in html
