"""What happens with time: opening, outcomes falling due, and personal data
deleted when its time is up. Each runs once however often the job does."""

from datetime import timedelta

from django.utils import timezone

from consultations import tasks
from consultations.models import ConsultationPage, ConsultationResponse, ResponseExport
from consultations.models.pages import OUTCOME_DUE_AFTER
from consultations.questions import snapshot_of

# Downloads hold personal data: they are kept no longer than this.
DOWNLOADS_KEPT_FOR = timedelta(days=7)


def open_if_due(consultation, now=None):
    """Freeze the questions and tell the theme, once, when a live one opens."""
    now = now or timezone.now()
    if consultation.opened_at or not consultation.live or consultation.opens_at > now:
        return False
    snapshot = snapshot_of(consultation.questions)
    won = ConsultationPage.objects.filter(
        pk=consultation.pk, opened_at__isnull=True
    ).update(opened_at=now, questions_at_opening=snapshot)
    consultation.opened_at, consultation.questions_at_opening = now, snapshot
    consultation.__dict__.pop("sections", None)
    if won and consultation.closes_at > now and not consultation.outcome_date:
        tasks.tell_members_opened.enqueue(consultation.pk)
    return bool(won)


def announce_outcome(consultation):
    """The first time a published page carries an outcome, tell everyone involved."""
    if not (consultation.live and consultation.outcome_date):
        return False
    if consultation.outcome_announced_at:
        return False
    won = ConsultationPage.objects.filter(
        pk=consultation.pk, outcome_announced_at__isnull=True
    ).update(outcome_announced_at=timezone.now())
    if won:
        tasks.tell_of_outcome.enqueue(consultation.pk)
    return bool(won)


def overdue_outcomes(now=None):
    """Outcomes past their due date (ConsultationPage.outcome_due): twelve weeks
    of calendar days from the closing date, overdue from the day after."""
    today = timezone.localdate(now or timezone.now())
    return ConsultationPage.objects.live().filter(
        outcome_date__isnull=True,
        closes_at__date__lt=today - OUTCOME_DUE_AFTER,
    )


def flag_overdue_outcomes(now=None):
    """Tell producers and editors, once, of each outcome past its 12 weeks."""
    now = now or timezone.now()
    flagged = 0
    for consultation in overdue_outcomes(now).filter(overdue_flagged_at__isnull=True):
        won = ConsultationPage.objects.filter(
            pk=consultation.pk, overdue_flagged_at__isnull=True
        ).update(overdue_flagged_at=now)
        if won:
            tasks.tell_of_overdue_outcome.enqueue(consultation.pk)
            flagged += 1
    return flagged


def open_due_consultations(now=None):
    now = now or timezone.now()
    due = ConsultationPage.objects.live().filter(
        opened_at__isnull=True, opens_at__lte=now
    )
    return sum(open_if_due(consultation, now) for consultation in due)


def delete_old_downloads(now=None):
    """Prepared downloads of responses are personal data: delete them after a week."""
    now = now or timezone.now()
    deleted, _ = ResponseExport.objects.filter(
        requested_at__lt=now - DOWNLOADS_KEPT_FOR
    ).delete()
    return deleted


def delete_unconfirmed_responses(now=None):
    """After closing, responses never confirmed by email can no longer count: their
    names and addresses are not kept. (Members' drafts stay in their account.)"""
    now = now or timezone.now()
    deleted, _ = (
        ConsultationResponse.objects.filter(user=None, consultation__closes_at__lt=now)
        .exclude(status=ConsultationResponse.Status.SUBMITTED)
        .delete()
    )
    return deleted
