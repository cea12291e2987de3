"""Suspension: a chair's holds in their theme, an editor's everywhere.

The rules, restated: nobody suspends themselves; only an editor suspends an editor;
a chair suspends only people without a role in their theme, so a chair or producer
of another theme is suspended here and only here.
"""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from accounts.models import DataExport, ThemeSuspension
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.factories import DataGapFactory
from gaps.models import DataGap, GapSupport
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(housing):
    return ThreadFactory(theme=housing, title="Rents")


@pytest.fixture
def other_thread(health):
    return ThreadFactory(theme=health, title="Waiting lists")


@pytest.fixture
def chair(housing, editor):
    return appoint(housing, Role.CHAIR, editor)


def thread_url(thread, name):
    return reverse(
        f"forums:{name}",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def suspend(client, moderator, thread, member):
    client.force_login(moderator)
    return client.post(
        thread_url(thread, "moderate"), {"action": "suspend", "member": member.pk}
    )


def reply(client, member, thread, text):
    client.force_login(member)
    return client.post(thread_url(thread, "reply"), {"comment": text})


def test_a_chairs_suspension_holds_in_their_theme_only(
    client, chair, thread, other_thread
):
    member = UserFactory()

    done = suspend(client, chair, thread, member)

    assert done.status_code == 302
    assert ThemeSuspension.objects.get(user=member).theme_id == thread.theme.pk
    member.refresh_from_db()
    assert member.suspended_until is None
    refused = reply(client, member, thread, "Let me back in")
    assert refused.status_code == 403
    assert "suspended you from taking part in Housing" in refused.content.decode()
    assert "Let me back in" in refused.content.decode()
    assert reply(client, member, other_thread, "Elsewhere").status_code == 302
    assert list(XtdComment.objects.values_list("comment", flat=True)) == ["Elsewhere"]
    entry = ModelLogEntry.objects.get(action="forums.suspend_member")
    assert entry.data == {"member": member.pk, "theme": thread.theme.pk}


def test_a_member_suspended_in_a_theme_starts_no_thread_and_raises_no_gap_there(
    client, chair, thread, health, gap_fields
):
    member = UserFactory(sector="academic")
    suspend(client, chair, thread, member)
    client.force_login(member)
    housing = thread.theme
    gap = DataGapFactory(theme=housing)

    new_thread = reverse("forums:new_thread", kwargs={"theme_slug": housing.slug})
    thread_post = {"title": "Hello", "body": "Hi", "kind": "discussion"}
    assert client.post(new_thread, thread_post).status_code == 403
    new_gap = reverse("gaps:new_gap", kwargs={"theme_slug": housing.slug})
    assert client.post(new_gap, gap_fields).status_code == 403
    support = reverse("gaps:support", kwargs={"theme_slug": housing.slug, "pk": gap.pk})
    assert client.post(support, {"use_case": "Me too"}).status_code == 403
    assert not GapSupport.objects.exists()
    assert DataGap.objects.count() == 1
    elsewhere = reverse("gaps:new_gap", kwargs={"theme_slug": health.slug})
    assert client.post(elsewhere, gap_fields).status_code == 302
    assert not Thread.objects.filter(author=member).exists()


def test_an_editors_suspension_holds_everywhere(client, editor, thread, other_thread):
    member = UserFactory()

    suspend(client, editor, thread, member)

    member.refresh_from_db()
    assert member.suspended_until > timezone.now() + timedelta(days=6)
    assert reply(client, member, thread, "Here").status_code == 403
    assert reply(client, member, other_thread, "There").status_code == 403
    assert not XtdComment.objects.exists()


def test_a_suspension_ends_after_its_week(client, chair, thread):
    member = UserFactory()
    suspend(client, chair, thread, member)
    ThemeSuspension.objects.update(until=timezone.now() - timedelta(minutes=1))

    assert reply(client, member, thread, "Back again").status_code == 302


def test_a_chair_cannot_suspend_an_editor(client, chair, thread, editor):
    refused = suspend(client, chair, thread, editor)

    assert refused.status_code == 403
    assert not ThemeSuspension.objects.exists()
    assert reply(client, editor, thread, "Still here").status_code == 302


def test_an_editor_suspends_an_editor(client, editor, thread):
    other_editor = UserFactory(two_factor=True)
    other_editor.groups.add(*editor.groups.all())

    suspend(client, editor, thread, other_editor)

    other_editor.refresh_from_db()
    assert other_editor.suspended_until is not None


@pytest.mark.parametrize("role", [Role.CHAIR, Role.PRODUCER])
def test_a_chair_cannot_suspend_their_themes_chairs_or_producers(
    client, chair, thread, editor, role
):
    colleague = appoint(thread.theme, role, editor)

    assert suspend(client, chair, thread, colleague).status_code == 403
    assert not ThemeSuspension.objects.exists()


def test_a_chair_suspends_another_themes_producer_here_only(
    client, chair, thread, other_thread, editor
):
    producer_elsewhere = appoint(other_thread.theme, Role.PRODUCER, editor)

    assert suspend(client, chair, thread, producer_elsewhere).status_code == 302

    assert reply(client, producer_elsewhere, thread, "Here").status_code == 403
    assert reply(client, producer_elsewhere, other_thread, "There").status_code == 302


def test_a_chair_of_another_theme_and_members_cannot_suspend(
    client, thread, other_thread, editor
):
    other_chair = appoint(other_thread.theme, Role.CHAIR, editor)
    member = UserFactory()

    assert suspend(client, other_chair, thread, member).status_code == 403
    assert suspend(client, UserFactory(), thread, member).status_code == 403
    member.refresh_from_db()
    assert member.suspended_until is None
    assert not ThemeSuspension.objects.exists()


def test_nobody_suspends_themselves(client, chair, editor, thread):
    assert suspend(client, chair, thread, chair).status_code == 403
    assert suspend(client, editor, thread, editor).status_code == 403


def test_the_suspend_button_shows_only_where_a_chair_may_suspend(
    client, chair, thread, editor
):
    member, producer = UserFactory(), appoint(thread.theme, Role.PRODUCER, editor)
    reply(client, member, thread, "From a member")
    reply(client, producer, thread, "From a producer")
    client.force_login(chair)

    html = client.get(thread.get_absolute_url()).content.decode()

    assert html.count("Suspend the author for a week in this theme") == 1
    client.force_login(editor)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert html.count("Suspend the author for a week<") == 2


def test_a_member_finds_their_suspensions_in_their_data_but_not_who_suspended_them(
    client, chair, editor, thread
):
    member = UserFactory()
    suspend(client, chair, thread, member)
    suspend(client, editor, thread, member)
    client.force_login(member)
    client.post(reverse("data_export"))
    export = DataExport.objects.get(user=member)

    download = client.get(reverse("download_data_export", args=[export.pk]))

    suspensions = json.loads(download.content)["account"]["suspensions"]
    member.refresh_from_db()
    until = ThemeSuspension.objects.get(user=member).until
    assert suspensions[0]["theme"] == "Housing"
    assert suspensions[0]["until"] == until.isoformat()
    assert suspensions[1] == {
        "theme": "Every theme",
        "until": member.suspended_until.isoformat(),
    }
    text = download.content.decode()
    assert chair.email not in text and chair.get_full_name() not in text
    assert set(suspensions[0]) == {"theme", "since", "until"}
