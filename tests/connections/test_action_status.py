"""What became of an action is recorded without approving the minutes again: the
theme's producers and chairs (and editors) update its status and a note from the
site; who and when are recorded and shown on the minutes, the action's discussion
and gap, and the chair's dashboard. A later revision of the minutes keeps it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from accounts.factories import UserFactory
from accounts.services import collect_personal_data, delete_account
from connections import services
from connections.models import ActionItem
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(housing):
    return MinutesPageFactory(
        parent=EventPageFactory(parent=housing, title="Housing users meeting")
    )


@pytest.fixture
def thread(housing):
    return ThreadFactory(theme=housing, title="Damp in rented homes")


@pytest.fixture
def gap(housing):
    return DataGapFactory(theme=housing, title="Damp by tenure")


@pytest.fixture
def action(minutes, thread, gap):
    return ActionItem.objects.create(
        page=minutes,
        description="Publish damp by tenure",
        owner="ONS",
        due_date=timezone.localdate() - timedelta(days=3),
        thread=thread,
        data_gap=gap,
    )


@pytest.fixture
def chair(housing, editor):
    return appoint(housing, Role.CHAIR, editor, display_name="Priya Shah")


def status_url(action, theme="housing"):
    return f"/themes/{theme}/actions/{action.pk}/status/"


def test_a_chair_records_that_an_action_is_done_without_a_new_revision(
    client, chair, minutes, action
):
    revisions = minutes.revisions.count()
    client.force_login(chair)

    form = client.get(status_url(action))
    response = client.post(
        status_url(action), {"status": "done", "note": "Table 4 of the 2026 release."}
    )

    assert form.status_code == 200
    assert "Update the action" in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == minutes.url + "#actions"
    action.refresh_from_db()
    assert (action.status, action.status_note, action.status_changed_by) == (
        "done",
        "Table 4 of the 2026 release.",
        chair,
    )
    assert action.status_changed_at is not None
    assert minutes.revisions.count() == revisions
    assert not WorkflowState.objects.exists()
    assert PageLogEntry.objects.filter(
        page=minutes, action="connections.action_status", user=chair
    ).exists()


def test_the_update_shows_on_the_minutes_the_thread_and_the_gap(
    client, chair, minutes, action, thread, gap
):
    services.update_action_status(chair, action, "dropped", "Sample too small.")

    for url in (minutes.url, thread.get_absolute_url(), gap.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Dropped" in page, url
        assert "Sample too small." in page, url
        assert "Updated by Priya Shah on" in page, url


def test_a_chair_sees_where_to_update_each_action_on_the_minutes(
    client, chair, minutes, action
):
    client.force_login(chair)
    assert status_url(action) in client.get(minutes.url).content.decode()
    client.force_login(UserFactory())
    assert status_url(action) not in client.get(minutes.url).content.decode()


def test_a_producer_of_the_theme_and_an_editor_may_update_it_too(
    client, housing, editor, action
):
    producer = appoint(housing, Role.PRODUCER, editor)
    for person, status in ((producer, "done"), (editor, "open")):
        client.force_login(person)
        assert client.post(status_url(action), {"status": status}).status_code == 302
        action.refresh_from_db()
        assert (action.status, action.status_changed_by) == (status, person)


def test_a_member_or_another_themes_chair_cannot_update_it(
    client, theme_index, editor, action
):
    transport = ThemePageFactory(
        parent=theme_index, title="Transport", slug="transport"
    )
    for person in (UserFactory(), appoint(transport, Role.CHAIR, editor)):
        client.force_login(person)
        assert client.get(status_url(action)).status_code == 403
        assert client.post(status_url(action), {"status": "done"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "open"
    with pytest.raises(services.PermissionDenied):
        services.update_action_status(UserFactory(), action, "done")


def test_a_visitor_is_asked_to_sign_in(client, action):
    response = client.post(status_url(action), {"status": "done"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unknown_status_or_a_long_note_is_refused_with_the_form_again(
    client, chair, action
):
    client.force_login(chair)
    for data in (
        {"status": "finished"},
        {"status": ""},
        {"status": "done", "note": "x" * 501},
        {"status": "done", "note": "bad\x07bell"},
    ):
        response = client.post(status_url(action), data)
        assert response.status_code == 400, data
        assert "govuk-error-summary" in response.content.decode()
    action.refresh_from_db()
    assert (action.status, action.status_changed_at) == ("open", None)
    with pytest.raises(services.ValidationError):
        services.update_action_status(chair, action, "finished")


def test_an_action_of_unpublished_minutes_or_of_another_theme_is_not_found(
    client, chair, minutes, action, theme_index
):
    ThemePageFactory(parent=theme_index, title="Transport", slug="transport")
    client.force_login(chair)
    assert client.get(status_url(action, theme="transport")).status_code == 404
    assert client.get("/themes/housing/actions/999999/status/").status_code == 404
    minutes.unpublish()
    assert client.get(status_url(action)).status_code == 404


def test_publishing_the_minutes_again_keeps_the_status_the_site_recorded(
    chair, editor, minutes, action
):
    draft = minutes.save_revision(user=editor)
    services.update_action_status(chair, action, "done", "Published in May.")

    draft.publish(user=editor)

    action.refresh_from_db()
    assert (action.status, action.status_note, action.status_changed_by) == (
        "done",
        "Published in May.",
        chair,
    )
    edited = minutes.get_latest_revision_as_object()
    assert edited.action_items.get().status == "done"


def test_the_minutes_editor_shows_the_status_but_does_not_change_it(
    client, editor, minutes, action
):
    client.force_login(editor)
    page = client.get(f"/admin/pages/{minutes.pk}/edit/").content.decode()
    assert 'name="action_items-0-description"' in page
    assert 'name="action_items-0-status"' not in page


def test_the_chairs_dashboard_links_each_overdue_action_to_its_status_form(
    client, chair, action
):
    services.update_action_status(chair, action, "open", "Waiting for the data.")
    client.force_login(chair)

    page = client.get("/admin/").content.decode()

    assert status_url(action) in page
    assert "Waiting for the data." in page


def test_a_members_status_updates_are_in_their_data_and_erasure_forgets_who(
    chair, action
):
    services.update_action_status(chair, action, "done", "Table 4.")

    data = collect_personal_data(chair)["action_status_updates"]
    assert [(item["action"], item["status"], item["note"]) for item in data] == [
        ("Publish damp by tenure", "done", "Table 4.")
    ]
    delete_account(chair, keep_public_posts=True)
    action.refresh_from_db()
    assert (action.status, action.status_note, action.status_changed_by) == (
        "done",
        "Table 4.",
        None,
    )
