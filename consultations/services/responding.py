"""Responding: the steps of the form, drafts, submitting and confirming, and the
limits that keep the form from being used to send mail."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.suspension import suspension_notice
from consultations import tasks
from consultations.forms import ABOUT_YOU, ResponseForm
from consultations.models import ConsultationResponse, State
from core.dates import time_and_date
from core.ratelimit import seconds_to_wait, wait_in_words

Response = ConsultationResponse
# Every submission sends an email: a copy, or a link to confirm. These keep a
# script from mailing someone over and over through the form.
SUBMISSIONS_PER_HOUR = 10
CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 3


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
        return _("About you") if not self.sections else _("Your response")


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
            _("This consultation opens at %(opens)s. You can respond from then.")
            % {"opens": time_and_date(consultation.opens_at)}
        )
    if state != State.OPEN:
        raise ResponseRefused(
            _("This consultation closed at %(closed)s. It no longer takes responses.")
            % {"closed": time_and_date(consultation.closes_at)}
        )


def check_not_suspended(user, consultation):
    doing = _("respond to its consultations")
    if notice := suspension_notice(user, consultation.theme, doing):
        raise Suspended(notice)


def check_submission_rate(user, ip_address, email=""):
    """Count a submission by this member (or, without an account, this IP address
    and the email address given); refuse one too many."""
    who = f"user:{user.pk}" if user.is_authenticated else f"ip:{ip_address}"
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
            _(
                "You have submitted responses too many times in the last hour. Try "
                "again in %(wait)s: your answers are still here."
            )
            % {"wait": wait_in_words(wait)}
        )


# Finding a response


def response_of(user, consultation, held_response_id=None):
    """A member's own response; without an account, the response they hold (its
    id kept for them since they saved it), if it has no account either."""
    if user.is_authenticated:
        return Response.objects.filter(consultation=consultation, user=user).first()
    if held_response_id is None:
        return None
    return Response.objects.filter(
        pk=held_response_id, consultation=consultation, user__isnull=True
    ).first()


def owns(user, response, held_response_id=None):
    if response.user_id:
        return user.is_authenticated and response.user_id == user.pk
    return held_response_id == response.pk


def responses_of(user, count=10):
    """A member's latest responses, drafts included, for their account page."""
    return (
        Response.objects.filter(user=user, consultation__live=True)
        .select_related("consultation")
        .order_by("-updated_at")[:count]
    )


# Answering


@transaction.atomic
def save_step(user, consultation, response, form):
    """Keep this step's answers (and details), replacing what it held before."""
    check_taking_responses(consultation)
    check_not_suspended(user, consultation)
    if response is None:
        response = Response(
            consultation=consultation,
            user=user if user.is_authenticated else None,
        )
    for question in form.questions:
        response.answers.pop(question.id, None)
    response.answers.update(form.answers())
    for name, value in form.respondent_details().items():
        setattr(response, name, value)
    if response.respond_as != Response.RespondAs.ORGANISATION:
        response.organisation_name = ""
    response.save()
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
            _("This confirmation link is not right. Check you copied all of it.")
        )
    if response.status == Response.Status.SUBMITTED:
        return response
    check_taking_responses(consultation)
    if response.status == Response.Status.DRAFT:
        raise ResponseRefused(_("Submit your response before you confirm it."))
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
