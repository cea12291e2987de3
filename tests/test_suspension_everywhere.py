"""A suspension stops more than new posts: registering for the theme's meetings,
responding to its consultations, and editing one's own posts there.

The rules, restated: a chair's suspension holds in their theme only, an editor's
(`User.suspended_until`) everywhere; the member is told why, next to the form,
and nothing changes.
"""

from datetime import timedelta
from functools import partial
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import ThemeSuspension
from consultations.factories import COMPLETE_ANSWERS, ConsultationPageFactory
from consultations.models import ConsultationResponse
from events.factories import EventPageFactory
from events.models import MeetingRegistration
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from tests.in_welsh import in_welsh, text_of, translated

pytestmark = pytest.mark.django_db

SUSPENDED = "A moderator has suspended you from taking part in Housing until"


@pytest.fixture
def member(client):
    member = UserFactory()
    client.force_login(member)
    return member


def suspend_in(member, theme):
    ThemeSuspension.objects.create(
        user=member, theme=theme, until=timezone.now() + timedelta(days=7)
    )


def suspend_everywhere(member):
    member.suspended_until = timezone.now() + timedelta(days=7)
    member.save(update_fields=["suspended_until"])


# Each action does one thing in the theme as the member, and says whether it
# changed anything.


def register_for_a_meeting(client, member, theme):
    meeting = EventPageFactory(parent=theme)
    response = client.post(meeting.url + "register/", {"access_needs": ""})
    return response, MeetingRegistration.objects.filter(user=member).exists()


def respond_to_a_consultation(client, member, theme):
    consultation = ConsultationPageFactory(
        parent=theme, contact_organisation=OrganisationFactory()
    )
    response = client.post(
        consultation.url + "respond/",
        {
            **COMPLETE_ANSWERS,
            "respond_as": "individual",
            "publication": "anonymous",
            "action": "continue",
        },
    )
    return response, ConsultationResponse.objects.filter(user=member).exists()


def edit_a_thread(client, member, theme):
    thread = ThreadFactory(theme=theme, author=member, title="Rents")
    url = reverse(
        "forums:edit_thread",
        kwargs={"theme_slug": theme.slug, "pk": thread.pk, "slug": thread.slug},
    )
    response = client.post(
        url, {"kind": "discussion", "title": "Rents by ward", "body": "Edited."}
    )
    return response, Thread.objects.get(pk=thread.pk).title != "Rents"


def edit_a_reply(client, member, theme):
    thread = ThreadFactory(theme=theme, title="Rents")
    reply = forum_services.post_reply(thread, member, "Frist")
    url = reverse(
        "forums:edit_reply",
        kwargs={
            "theme_slug": theme.slug,
            "pk": thread.pk,
            "slug": thread.slug,
            "reply_id": reply.pk,
        },
    )
    response = client.post(url, {"comment": "First"})
    reply.refresh_from_db()
    return response, reply.comment != "Frist"


ACTIONS = [
    register_for_a_meeting,
    respond_to_a_consultation,
    edit_a_thread,
    edit_a_reply,
]


@pytest.mark.parametrize("action", ACTIONS)
def test_a_member_suspended_in_the_theme_is_told_why_and_nothing_changes(
    client, member, housing, action
):
    suspend_in(member, housing)

    response, changed = action(client, member, housing)

    assert response.status_code == 403
    assert SUSPENDED in response.content.decode()
    # The message sits in the form's error summary, with the form still there.
    assert "govuk-error-summary" in response.content.decode()
    assert "<form" in response.content.decode()
    assert not changed


@pytest.mark.parametrize("action", ACTIONS)
def test_a_member_suspended_in_another_theme_is_not_refused(
    client, member, housing, health, action
):
    suspend_in(member, health)

    response, changed = action(client, member, housing)

    assert response.status_code == 302
    assert changed


@pytest.mark.parametrize("action", ACTIONS)
def test_a_member_an_editor_suspended_is_refused_in_every_theme(
    client, member, housing, health, action
):
    suspend_everywhere(member)

    for theme in (housing, health):
        response, changed = action(client, member, theme)

        assert response.status_code == 403
        assert (
            f"suspended you from taking part in {theme.title} until"
            in response.content.decode()
        )
        assert not changed


def test_a_suspension_that_has_ended_refuses_nothing(client, member, housing):
    ThemeSuspension.objects.create(
        user=member, theme=housing, until=timezone.now() - timedelta(minutes=1)
    )

    response, changed = register_for_a_meeting(client, member, housing)

    assert response.status_code == 302
    assert changed


# What each action tells a Welsh reader they may not do.
WELSH_DOING = {
    register_for_a_meeting: "cofrestru ar gyfer ei gyfarfodydd",
    respond_to_a_consultation: "ymateb i'w ymgynghoriadau",
    edit_a_thread: "golygu eich negeseuon",
    edit_a_reply: "golygu eich negeseuon",
}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_welsh_reader_is_told_in_welsh(client, member, housing, welsh, action):
    translated(housing, welsh, "Tai")
    suspend_in(member, housing)

    # The action's requests go to the Welsh address of each English one.
    welsh_client = SimpleNamespace(post=partial(in_welsh, client.post))

    response, changed = action(welsh_client, member, housing)

    page = text_of(response)
    assert response.status_code == 403
    assert "Mae cymedrolwr wedi eich atal rhag cymryd rhan yn Tai tan" in page
    assert f"Gallwch ddarllen, ond nid {WELSH_DOING[action]}, tan hynny." in page
    assert not changed
