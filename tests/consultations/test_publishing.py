"""Who may post and publish consultations, and who is told when."""

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
    ResponseExport,
)
from consultations.services import following, timetable
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


def run_cron():
    out = io.StringIO()
    call_command("update_consultations", stdout=out)
    return out.getvalue()


def days(n):
    return timezone.now() + timedelta(days=n)


def subjects(mailoutbox, start):
    return [m for m in mailoutbox if m.subject.startswith(start)]


def add_url(theme):
    # Consultations are added in the theme's Consultations section (issue 12).
    return reverse(
        "wagtailadmin_pages:add",
        args=[
            "consultations",
            "consultationpage",
            ConsultationIndexPage.for_theme(theme).pk,
        ],
    )


def test_producers_and_editors_may_add_consultations_but_chairs_may_not(
    client, labour, producer, editor
):
    client.force_login(producer)
    assert client.get(add_url(labour)).status_code == 200
    client.force_login(editor)
    assert client.get(add_url(labour)).status_code == 200
    client.force_login(appoint(labour, Role.CHAIR, editor))
    assert client.get(add_url(labour)).status_code == 302


def test_a_producer_of_another_theme_may_not_add_one_here(
    client, labour, housing, editor
):
    client.force_login(appoint(housing, Role.PRODUCER, editor))
    assert client.get(add_url(labour)).status_code == 302


def test_only_editors_publish_a_consultation(labour, producer, editor):
    chair = appoint(labour, Role.CHAIR, editor)
    draft = ConsultationPageFactory(parent=labour, live=False, owner=producer)
    assert draft.permissions_for_user(producer).can_edit()
    assert not draft.permissions_for_user(producer).can_publish()
    assert not draft.permissions_for_user(chair).can_publish()
    assert draft.permissions_for_user(editor).can_publish()


def test_the_themes_producers_share_its_consultations(
    client, labour, housing, producer, editor
):
    draft = ConsultationPageFactory(parent=labour, live=False, owner=producer)
    colleague = appoint(labour, Role.PRODUCER, editor)
    elsewhere = appoint(housing, Role.PRODUCER, editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    client.force_login(colleague)
    assert client.get(edit_url).status_code == 200
    assert not draft.permissions_for_user(colleague).can_publish()
    client.force_login(elsewhere)
    assert client.get(edit_url).status_code == 302
    assert not draft.permissions_for_user(elsewhere).can_edit()


def test_editor_approval_publishes_and_tells_the_themes_members(
    labour, producer, editor, member, consultation_approval, mailoutbox
):
    draft = ConsultationPageFactory(parent=labour, live=False, owner=producer)
    assert draft.get_workflow() == consultation_approval
    draft.save_revision(user=producer)
    consultation_approval.start(draft, producer)
    state = draft.current_workflow_state.current_task_state
    state.task.specific.on_action(state, editor, "approve")
    page = ConsultationPage.objects.get(pk=draft.pk)
    assert page.live
    assert page.opened_at is not None
    assert page.questions_at_opening[0]["heading"] == "How you use the statistics"
    told = subjects(mailoutbox, "Consultation open")
    # Producers are members of their theme too.
    assert sorted(m.to[0] for m in told) == sorted([member.email, producer.email])
    assert "It closes at" in told[0].body
    # Publishing again tells no one again.
    page.save_revision(user=editor).publish(user=editor)
    assert len(subjects(mailoutbox, "Consultation open")) == 2


def test_a_forthcoming_consultation_opens_on_the_cron_run(labour, member, mailoutbox):
    later = ConsultationPageFactory(parent=labour, opens_at=days(1))
    timetable.open_if_due(later)
    assert not subjects(mailoutbox, "Consultation open")
    ConsultationPage.objects.filter(pk=later.pk).update(opens_at=days(-0.01))
    run_cron()
    run_cron()
    assert len(subjects(mailoutbox, "Consultation open")) == 1
    assert ConsultationPage.objects.get(pk=later.pk).opened_at is not None


def test_outcome_tells_respondents_and_followers_once(
    labour, editor, member, mailoutbox
):
    closed = ConsultationPageFactory(
        parent=labour, opens_at=days(-40), closes_at=days(-1)
    )
    ResponseFactory(consultation=closed, user=member)
    ResponseFactory(consultation=closed, status="draft")  # never submitted: not told
    follower = UserFactory()
    following.follow(follower, closed)
    anonymous = ResponseFactory(
        consultation=closed, user=None, name="Sam", email="sam@example.net"
    )

    closed.outcome_summary = "<p>Most of you wanted monthly figures kept.</p>"
    closed.outcome_changes = (
        "<p>We will keep publishing monthly.</p><p>Quarterly &amp; annual too.</p>"
    )
    closed.outcome_date = date.today()
    closed.save_revision(user=editor).publish(user=editor)
    told = subjects(mailoutbox, "Outcome published")
    assert sorted(m.to[0] for m in told) == sorted(
        [member.email, follower.email, anonymous.email]
    )
    # What changed is in the email itself, as plain text.
    assert "In brief: We will keep publishing monthly. Quarterly & annual too." in (
        told[0].body
    )
    closed = ConsultationPage.objects.get(pk=closed.pk)
    closed.save_revision(user=editor).publish(user=editor)
    assert len(subjects(mailoutbox, "Outcome published")) == 3


def test_an_outcome_needs_a_summary_and_a_closed_consultation(labour, consultation):
    consultation.outcome_date = date.today()
    with pytest.raises(Exception) as refusal:
        consultation.full_clean()
    errors = refusal.value.message_dict
    assert "outcome_summary" in errors
    assert errors["outcome_date"] == [
        "Publish the outcome after the consultation closes."
    ]


def test_closing_must_follow_opening(labour):
    page = ConsultationPageFactory.build(opens_at=days(2), closes_at=days(1))
    with pytest.raises(Exception) as refusal:
        page.clean()
    assert refusal.value.message_dict["closes_at"]


def test_overdue_outcomes_are_flagged_once_to_producers_and_editors(
    labour, housing, producer, editor, mailoutbox
):
    late = ConsultationPageFactory(
        parent=labour, opens_at=days(-120), closes_at=days(-90)
    )
    ConsultationPageFactory(parent=labour, opens_at=days(-30), closes_at=days(-2))
    other_producer = appoint(housing, Role.PRODUCER, editor)
    for _ in range(2):
        run_cron()
    flagged = subjects(mailoutbox, "Outcome overdue")
    assert sorted(m.to[0] for m in flagged) == sorted([producer.email, editor.email])
    assert other_producer.email not in {m.to[0] for m in flagged}
    assert late.title in flagged[0].subject
    assert ConsultationPage.objects.get(pk=late.pk).overdue_flagged_at is not None


def test_an_outcome_is_overdue_from_the_day_after_its_due_date(labour):
    day = timezone.localdate() - timedelta(days=120)
    closes = timezone.make_aware(datetime.combine(day, time(9)))
    page = ConsultationPageFactory(
        parent=labour, opens_at=closes - timedelta(days=30), closes_at=closes
    )
    due = timezone.make_aware(datetime.combine(page.outcome_due, time(23, 59)))

    assert page not in timetable.overdue_outcomes(now=due)
    assert page in timetable.overdue_outcomes(now=due + timedelta(minutes=2))


def test_prepared_downloads_are_deleted_after_a_week(consultation, producer):
    old, recent = (
        ResponseExport.objects.create(
            consultation=consultation, requested_by=producer, format="csv"
        )
        for _ in range(2)
    )
    ResponseExport.objects.filter(pk=old.pk).update(requested_at=days(-7.1))
    ResponseExport.objects.filter(pk=recent.pk).update(requested_at=days(-6.9))

    assert "deleted 1 old download and" in run_cron()
    assert list(ResponseExport.objects.all()) == [recent]


def test_unconfirmed_responses_are_deleted_once_closed(labour, member):
    closed = ConsultationPageFactory(
        parent=labour, opens_at=days(-30), closes_at=days(-0.1)
    )
    still_open = ConsultationPageFactory(parent=labour)
    for consultation in (closed, still_open):
        for status in ("draft", "unconfirmed"):
            ResponseFactory(
                consultation=consultation,
                user=None,
                name="Sam",
                email="sam@example.net",
                status=status,
            )
    confirmed = ResponseFactory(consultation=closed, user=None, email="jo@example.net")
    members_draft = ResponseFactory(consultation=closed, user=member, status="draft")

    assert "and 2 unconfirmed responses." in run_cron()
    left = set(ConsultationResponse.objects.filter(consultation=closed))
    assert left == {confirmed, members_draft}
    assert still_open.responses.count() == 2


def test_responses_are_in_the_data_export_and_erased_with_the_account(
    consultation, member
):
    from consultations.account_hooks import erase_responses, export_responses

    submitted = ResponseFactory(consultation=consultation, user=member)
    ResponseFactory(
        consultation=ConsultationPageFactory(parent=consultation.get_parent()),
        user=member,
        status="draft",
    )
    following.follow(member, consultation)
    exported = export_responses(member)
    assert len(exported["responses"]) == 2
    assert exported["responses"][0]["answers"][
        "How often do you use these statistics?"
    ] in {"Every week", ""}
    assert exported["following"] == [consultation.title]

    erase_responses(member, keep_public_posts=True)
    submitted.refresh_from_db()
    assert submitted.user is None
    assert submitted.publication == "anonymous"
    assert consultation.responses.count() == 1
    assert not member.consultation_follows.exists()
