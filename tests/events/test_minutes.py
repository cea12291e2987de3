import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from accounts.factories import OrganisationFactory, UserFactory
from accounts.notifications import get_kind, set_frequency
from connections.models import ActionItem
from events import services
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import MinutesAttendee, MinutesPage
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(migration):
    meeting = EventPageFactory(
        parent=migration, title="Spring users meeting", slug="spring"
    )
    return meeting


@pytest.fixture
def chair(migration, editor):
    chair = UserFactory(email="chair@example.org", two_factor=True)
    theme_services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)
    return chair


def draft_minutes(meeting, user, actions=()):
    minutes = MinutesPageFactory(parent=meeting, live=False)
    for action in actions:
        minutes.action_items.add(ActionItem(description=action, owner="Jo Bloggs"))
    minutes.save_revision(user=user)
    return minutes


def told_of_minutes(mailoutbox):
    """Our emails, not Wagtail's own workflow emails to editors and the submitter."""
    return [m for m in mailoutbox if m.subject.startswith("Minutes published")]


def approve(minutes, editor):
    task_state = minutes.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    return MinutesPage.objects.get(pk=minutes.pk)


def test_minutes_live_under_their_meeting_which_links_to_them(client, meeting):
    minutes = MinutesPageFactory(parent=meeting, title="Minutes of the spring meeting")
    MinutesAttendee.objects.create(page=minutes, name="Ann Lee", organisation="ONS")
    MinutesAttendee.objects.create(page=minutes, name="Bo Chan", attendance="apologies")

    assert minutes.url == "/themes/migration/meetings/spring/minutes/"
    page = client.get(minutes.url).content.decode()
    assert "Ann Lee, ONS" in page
    assert "Apologies" in page and "Bo Chan" in page
    assert minutes.url in client.get(meeting.url).content.decode()


def test_an_items_notes_are_styled_as_the_sites_prose_and_the_agenda_is_a_valid_list(
    client, meeting
):
    """Rich text inside a block keeps its block's template (and so the site's font),
    and each agenda row is a <div> directly inside the <dl>, as HTML allows."""
    meeting.agenda = [{"type": "item", "value": {"title": "Welcome", "papers": []}}]
    meeting.save_revision().publish()
    minutes = MinutesPageFactory(
        parent=meeting,
        items=[
            {"type": "item", "value": {"title": "Revisions", "notes": "<p>Said</p>"}}
        ],
    )

    notes = client.get(minutes.url).content.decode()
    agenda = client.get(meeting.url).content.decode()

    assert '<div class="sf-prose"><p>Said</p></div>' in notes
    assert '<dl class="govuk-summary-list"><div class="govuk-summary-list__row">' in (
        agenda
    )
    assert "block-item" not in agenda


def test_an_agenda_item_with_no_time_says_so_rather_than_leave_its_key_empty(
    client, meeting
):
    meeting.agenda = [
        {"type": "item", "value": {"time": "10:00", "title": "Welcome", "papers": []}},
        {"type": "item", "value": {"title": "Any other business", "papers": []}},
    ]
    meeting.save_revision().publish()

    agenda = client.get(meeting.url).content.decode()

    assert '<dt class="govuk-summary-list__key">10:00</dt>' in agenda
    assert "No set time</span></dt>" in agenda
    assert '<dt class="govuk-summary-list__key"></dt>' not in agenda


def test_a_meeting_has_one_set_of_minutes(meeting):
    assert MinutesPage.can_create_at(meeting)

    MinutesPageFactory(parent=meeting)

    assert not MinutesPage.can_create_at(meeting)


def test_a_chair_drafts_and_submits_minutes_but_only_an_editor_publishes(
    meeting, chair, editor, theme_index
):
    housing = ThemePageFactory(parent=theme_index, title="Housing")
    other_meeting = EventPageFactory(parent=housing)
    assert meeting.permissions_for_user(chair).can_add_subpage()
    assert not meeting.permissions_for_user(chair).can_publish_subpage()
    assert meeting.permissions_for_user(editor).can_publish_subpage()

    minutes = draft_minutes(meeting, chair)

    chair_may = minutes.permissions_for_user(chair)
    assert chair_may.can_edit() and chair_may.can_submit_for_moderation()
    assert not chair_may.can_publish()
    assert not other_meeting.permissions_for_user(chair).can_add_subpage()
    # A chair still publishes their own meetings straight away.
    assert meeting.permissions_for_user(chair).can_publish()
    assert minutes.permissions_for_user(editor).can_publish()
    assert minutes.get_workflow().name == "Minutes approval"
    assert not meeting.has_workflow or meeting.get_workflow().name != (
        "Minutes approval"
    )


def test_approved_minutes_are_published_and_people_told_once(
    meeting, chair, editor, migration, mailoutbox
):
    registrant, member, quiet_member = UserFactory.create_batch(3)
    services.register(meeting, registrant, tell_them=False)
    for person in [member, quiet_member, registrant]:
        theme_services.join_theme(person, migration)
    set_frequency(quiet_member, get_kind("minutes_published"), "off", theme=migration)
    minutes = draft_minutes(meeting, chair, actions=["Publish the data"])

    minutes.get_workflow().start(minutes, chair)
    minutes = approve(minutes, editor)

    assert minutes.live
    told = told_of_minutes(mailoutbox)
    # The chair joined the theme when they were appointed.
    assert sorted(m.to[0] for m in told) == sorted(
        [registrant.email, member.email, chair.email]
    )
    message = told[0]
    assert message.subject == "Minutes published: Spring users meeting"
    assert "They record 1 action" in message.body
    assert minutes.full_url in message.body

    mailoutbox.clear()
    minutes.save_revision(user=editor).publish()
    assert told_of_minutes(mailoutbox) == []


def test_scheduled_minutes_are_announced_when_they_go_live(
    meeting, chair, editor, migration, mailoutbox
):
    member = UserFactory()
    theme_services.join_theme(member, migration)
    minutes = draft_minutes(meeting, chair)
    minutes.go_live_at = timezone.now() + timedelta(hours=1)
    minutes.save_revision(user=chair)
    minutes.get_workflow().start(minutes, chair)

    minutes = approve(minutes, editor)

    assert not minutes.live
    assert told_of_minutes(mailoutbox) == []
    # The clock moves on past the scheduled time.
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert MinutesPage.objects.get(pk=minutes.pk).live
    assert sorted(m.to[0] for m in told_of_minutes(mailoutbox)) == sorted(
        [member.email, chair.email]
    )


def test_the_theme_page_shows_open_actions_with_the_overdue_standing_out(
    client, meeting, migration
):
    minutes = MinutesPageFactory(parent=meeting, title="Minutes of the spring meeting")
    today = timezone.localdate()
    ons = OrganisationFactory(name="Office for National Statistics")
    for description, due, status in [
        ("Publish the local estimates", today - timedelta(days=3), "open"),
        ("Write to members about revisions", today + timedelta(days=10), "open"),
        ("Done already", today, "done"),
        ("Not going ahead", today, "dropped"),
    ]:
        ActionItem.objects.create(
            page=minutes,
            description=description,
            owner="Jo Bloggs",
            organisation=ons,
            due_date=due,
            status=status,
        )
    draft = EventPageFactory(parent=migration, slug="autumn")
    hidden = MinutesPageFactory(parent=draft, live=False)
    ActionItem.objects.create(page=hidden, description="Still a draft", owner="X")

    page = client.get(migration.url).content.decode()

    assert page.index("Publish the local estimates") < page.index("Write to members")
    assert "Done already" not in page and "Not going ahead" not in page
    assert "Still a draft" not in page
    assert page.count("sf-actions__row--overdue") == 1
    assert "Overdue" in page and "Jo Bloggs, Office for National Statistics" in page


def test_the_minutes_page_stays_within_budget(
    client, meeting, django_assert_max_num_queries
):
    minutes = MinutesPageFactory(parent=meeting)
    client.get(minutes.url)  # Warm the site and theme caches.

    for n in range(20):
        MinutesAttendee.objects.create(page=minutes, name=f"Person {n}")
        ActionItem.objects.create(page=minutes, description=f"Action {n}", owner="X")

    # Routing down six levels of the page tree costs twelve of these (the
    # theme's Meetings section became one in issue 12), and one sees that the
    # section's theme is published; one reads the address's locale (pages in Welsh).
    with django_assert_max_num_queries(24):
        assert client.get(minutes.url).status_code == 200


def test_the_chair_is_offered_minutes_approval_only(
    client, meeting, chair, minutes_approval
):
    client.force_login(chair)

    create = client.get(f"/admin/pages/add/events/minutespage/{meeting.pk}/")
    minutes = draft_minutes(meeting, chair)
    edit = client.get(f"/admin/pages/{minutes.pk}/edit/")

    for response in (create, edit):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Submit to Minutes approval" in html, re.findall(r"Submit[^<]*", html)
        assert "Moderators approval" not in html


def test_a_chair_who_submitted_minutes_sees_only_minutes_approval_everywhere(
    client, meeting, chair, minutes_approval
):
    """The edit page (its button, status and workflow side panels), the history
    and the workflow's history name the minutes' own workflow, never Wagtail's
    default "Moderators approval" (still assigned to the root of the tree)."""
    minutes = draft_minutes(meeting, chair)
    client.force_login(chair)
    data = nested_form_data(
        {
            "title": minutes.title,
            "slug": minutes.slug,
            "summary": rich_text("<p>What was said.</p>"),
            "attendees": inline_formset([]),
            "items": streamfield([]),
            "decisions": streamfield([]),
            "action_items": inline_formset([]),
            "action-submit": "Submit",
        }
    )
    submitted = client.post(f"/admin/pages/{minutes.pk}/edit/", data)
    assert submitted.status_code == 302, submitted.content.decode()[:2000]
    minutes.refresh_from_db()
    assert minutes.current_workflow_state.workflow == minutes_approval

    for url in (
        f"/admin/pages/{minutes.pk}/edit/",
        f"/admin/pages/{minutes.pk}/history/",
        f"/admin/pages/{minutes.pk}/workflow_history/",
        f"/admin/pages/{minutes.pk}/workflow_history/detail/"
        f"{minutes.current_workflow_state.pk}/",
    ):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "Minutes approval" in html, url
        assert "Moderators approval" not in html, url
