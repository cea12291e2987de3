"""What happens to a consultation and its responses, whoever asks for it."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts.suspension import suspension_notice
from consultations import tasks
from consultations.forms import ABOUT_YOU, ResponseForm
from consultations.models import (
    ConsultationFollow,
    ConsultationPage,
    ConsultationResponse,
    ResponseExport,
    State,
)
from consultations.models.pages import OUTCOME_DUE_AFTER
from consultations.permissions import may_see_responses
from consultations.questions import snapshot_of
from core.dates import time_and_date
from core.ratelimit import seconds_to_wait, wait_in_words

Response = ConsultationResponse
SESSION_KEY = "consultation_responses"
# Every submission sends an email: a copy, or a link to confirm. These keep a
# script from mailing someone over and over through the form.
SUBMISSIONS_PER_HOUR = 10
CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 3
# Downloads hold personal data: they are kept no longer than this.
DOWNLOADS_KEPT_FOR = timedelta(days=7)


class ResponseRefused(Exception):
    """The consultation does not take this response now; the message says why."""


class TooManySubmissions(ResponseRefused):
    """This person, or this address, has submitted too often: try again later."""


class UnknownLink(ResponseRefused):
    """A confirmation link that is nobody's: mistyped, or cut short."""


class Suspended(ResponseRefused):
    """A moderator has stopped the member taking part in the theme for a while."""


@dataclass(frozen=True)
class Step:
    number: int
    sections: tuple
    about_you: bool

    @property
    def heading(self):
        if self.sections and len(self.sections) == 1 and not self.about_you:
            return self.sections[0].heading
        return "About you" if not self.sections else "Your response"


def steps_of(consultation):
    """One page per section then 'about you', or everything on one page."""
    sections = tuple(consultation.sections)
    if not consultation.one_page_per_section:
        return [Step(1, sections, about_you=True)]
    steps = [Step(n, (section,), False) for n, section in enumerate(sections, 1)]
    return [*steps, Step(len(steps) + 1, (), about_you=True)]


def check_taking_responses(consultation):
    state = consultation.state
    if state == State.FORTHCOMING:
        raise ResponseRefused(
            f"This consultation opens at {time_and_date(consultation.opens_at)}. "
            "You can respond from then."
        )
    if state != State.OPEN:
        raise ResponseRefused(
            f"This consultation closed at {time_and_date(consultation.closes_at)}. "
            "It no longer takes responses."
        )


def check_not_suspended(user, consultation):
    doing = "respond to its consultations"
    if notice := suspension_notice(user, consultation.theme, doing):
        raise Suspended(notice)


def check_submission_rate(request, email=""):
    """Count a submission by this person (or address); refuse one too many."""
    if request.user.is_authenticated:
        who = f"user:{request.user.pk}"
    else:
        who = f"ip:{get_adapter().get_client_ip(request)}"
    wait = seconds_to_wait(
        f"consultation-submit:{who}", limit=SUBMISSIONS_PER_HOUR, period=3600
    )
    if email:
        wait = max(
            wait,
            seconds_to_wait(
                f"consultation-confirm:{email.lower()}",
                limit=CONFIRMATIONS_PER_ADDRESS_PER_HOUR,
                period=3600,
            ),
        )
    if wait:
        raise TooManySubmissions(
            "You have submitted responses too many times in the last hour. Try "
            f"again in {wait_in_words(wait)}: your answers are still here."
        )


# Finding a response


def response_of(request, consultation):
    """The visitor's own response: by account, or by this browser's session."""
    if request.user.is_authenticated:
        return Response.objects.filter(
            consultation=consultation, user=request.user
        ).first()
    response_id = request.session.get(SESSION_KEY, {}).get(str(consultation.pk))
    if response_id is None:
        return None
    return Response.objects.filter(
        pk=response_id, consultation=consultation, user__isnull=True
    ).first()


def owns(request, response):
    if response.user_id:
        return request.user.is_authenticated and response.user_id == request.user.pk
    return (
        request.session.get(SESSION_KEY, {}).get(str(response.consultation_id))
        == response.pk
    )


def responses_of(user, count=10):
    """A member's latest responses, drafts included, for their account page."""
    return (
        Response.objects.filter(user=user, consultation__live=True)
        .select_related("consultation")
        .order_by("-updated_at")[:count]
    )


def remember_in_session(request, response):
    responses = request.session.get(SESSION_KEY, {})
    responses[str(response.consultation_id)] = response.pk
    request.session[SESSION_KEY] = responses


# Answering


@transaction.atomic
def save_step(request, consultation, response, form):
    """Keep this step's answers (and details), replacing what it held before."""
    check_taking_responses(consultation)
    check_not_suspended(request.user, consultation)
    if response is None:
        response = Response(
            consultation=consultation,
            user=request.user if request.user.is_authenticated else None,
        )
    for question in form.questions:
        response.answers.pop(question.id, None)
    response.answers.update(form.answers())
    for name, value in form.respondent_details().items():
        setattr(response, name, value)
    if response.respond_as != Response.RespondAs.ORGANISATION:
        response.organisation_name = ""
    response.save()
    if not response.user_id:
        remember_in_session(request, response)
    return response


def first_incomplete_step(consultation, response, anonymous):
    """The first step whose saved answers would not pass, or None when all do."""
    data = {**response.answers, **respondent_data(response)}
    for step in steps_of(consultation):
        form = ResponseForm(
            data,
            sections=step.sections,
            about_you=step.about_you,
            anonymous=anonymous,
        )
        if not form.is_valid():
            return step
    return None


def respondent_data(response):
    return {
        name: getattr(response, name) for name in ABOUT_YOU if getattr(response, name)
    }


@transaction.atomic
def submit(consultation, response):
    """Submit (or resubmit, after changes) a complete response.

    A member's response counts at once; someone without an account confirms by
    email first. Returns the response.
    """
    check_taking_responses(consultation)
    if response.user_id:
        check_not_suspended(response.user, consultation)
    if response.user_id or response.status == Response.Status.SUBMITTED:
        resubmission = response.status == Response.Status.SUBMITTED
        response.status = Response.Status.SUBMITTED
        response.submitted_at = response.submitted_at or timezone.now()
        response.save()
        tasks.send_response_copy.enqueue(response.pk, resubmission)
    else:
        response.status = Response.Status.UNCONFIRMED
        response.save()
        tasks.ask_to_confirm_response.enqueue(response.pk)
    return response


@transaction.atomic
def confirm(consultation, token):
    """Someone without an account confirms their response from the email link."""
    response = (
        Response.objects.select_for_update()
        .filter(consultation=consultation, token=token, user__isnull=True)
        .first()
    )
    if response is None:
        raise UnknownLink(
            "This confirmation link is not right. Check you copied all of it."
        )
    if response.status == Response.Status.SUBMITTED:
        return response
    check_taking_responses(consultation)
    if response.status == Response.Status.DRAFT:
        raise ResponseRefused("Submit your response before you confirm it.")
    response.status = Response.Status.SUBMITTED
    response.submitted_at = timezone.now()
    response.save()
    tasks.send_response_copy.enqueue(response.pk, False)
    return response


def answered(consultation, response):
    """Each section with (question, answer as text) pairs, for copies and lists."""
    return [
        (
            section,
            [
                (question, question.display(response.answers.get(question.id)))
                for question in section.questions
            ],
        )
        for section in consultation.sections
    ]


# Withholding from publication

WITHHOLD_RESPONSE = "consultations.withhold_response"
PUBLISH_RESPONSE_AGAIN = "consultations.publish_response_again"


def withhold_from_publication(response, user, reason):
    """Keep a response off the site, for a reason the audit log keeps."""
    set_withheld(response, user, timezone.now(), reason, WITHHOLD_RESPONSE)


def publish_again(response, user):
    set_withheld(response, user, None, "", PUBLISH_RESPONSE_AGAIN)


@transaction.atomic
def set_withheld(response, user, withheld_at, reason, action):
    if not may_see_responses(user, response.consultation):
        raise PermissionDenied
    response.withheld_at, response.withheld_reason = withheld_at, reason
    response.save(update_fields=["withheld_at", "withheld_reason"])
    log(
        instance=response.consultation,
        action=action,
        user=user,
        data={"response": response.pk, "reason": reason},
    )


def published_responses(consultation):
    return (
        consultation.responses.published()
        .select_related("user")
        .order_by("submitted_at", "pk")
    )


# Following


def is_following(user, consultation):
    return (
        user.is_authenticated
        and ConsultationFollow.objects.filter(
            user=user, consultation=consultation
        ).exists()
    )


def follow(user, consultation):
    ConsultationFollow.objects.get_or_create(user=user, consultation=consultation)


def unfollow(user, consultation):
    ConsultationFollow.objects.filter(user=user, consultation=consultation).delete()


# What happens with time


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
    now = now or timezone.now()
    return ConsultationPage.objects.live().filter(
        outcome_date__isnull=True,
        closes_at__lt=now - OUTCOME_DUE_AFTER,
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
        Response.objects.filter(user=None, consultation__closes_at__lt=now)
        .exclude(status=Response.Status.SUBMITTED)
        .delete()
    )
    return deleted
