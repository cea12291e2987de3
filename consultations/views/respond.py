"""Responding to a consultation: step by step, saving drafts, until it closes."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import (
    routablepageurl,
)

from consultations import sessions
from consultations.forms import ResponseForm, initial_from
from consultations.models import ConsultationPage
from consultations.services import responding
from core.dates import time_and_date
from core.idempotency import idempotent

Response = responding.Response


NOT_TAKING_RESPONSES = gettext_lazy("This consultation is not taking responses")


def refused(request, consultation, message, heading=NOT_TAKING_RESPONSES, status=403):
    return TemplateResponse(
        request,
        "consultations/refused.html",
        {
            "page": consultation,
            "heading": heading,
            "message": message,
            "typed": typed_answers(request, consultation),
        },
        status=status,
    )


def typed_answers(request, consultation):
    """What a form sent too late said, so its writer can keep a copy."""
    if request.method != "POST":
        return []
    typed = []
    for question in consultation.all_questions:
        values = [value for value in request.POST.getlist(question.id) if value.strip()]
        if values:
            answer = values if question.is_multiple else values[0]
            typed.append((question, question.display(answer)))
    return typed


def step_url(request, consultation, step):
    return routablepageurl({"request": request}, consultation, "respond_step", step)


def respond(request, consultation, step):
    # Members respond as themselves, with a verified address; some consultations
    # also take responses from anyone, who confirm theirs by email.
    needs_account = (
        consultation.who_may_respond == ConsultationPage.WhoMayRespond.MEMBERS
    )
    if needs_account or request.user.is_authenticated:
        return verified_email_required(respond_to)(request, consultation, step)
    return respond_to(request, consultation, step)


@idempotent
def respond_to(request, consultation, step_number):
    try:
        responding.check_taking_responses(consultation)
    except responding.ResponseRefused as refusal:
        return refused(request, consultation, str(refusal))
    steps = responding.steps_of(consultation)
    if not 1 <= step_number <= len(steps):
        raise Http404
    step = steps[step_number - 1]
    response = sessions.response_of(request, consultation)
    anonymous = not request.user.is_authenticated
    options = {
        "sections": step.sections,
        "about_you": step.about_you,
        "anonymous": anonymous,
    }
    if request.method == "POST":
        action = request.POST.get("action", "continue")
        if response and response.is_submitted:
            # A submitted response stays complete: no draft with answers missing.
            action = "continue"
        form = ResponseForm(request.POST, draft=action == "draft", **options)
        if form.is_valid():
            try:
                if action != "draft" and step.number == len(steps):
                    responding.check_submission_rate(
                        request.user,
                        sessions.ip_address(request),
                        form.cleaned_data.get("email", ""),
                    )
                response = responding.save_step(
                    request.user, consultation, response, form
                )
                if not response.user_id:
                    sessions.remember_response(request, response)
            except responding.TooManySubmissions as refusal:
                form.add_error(None, str(refusal))
                return render_step(
                    request, consultation, form, step, steps, response, 429
                )
            except responding.Suspended as refusal:
                form.add_error(None, str(refusal))
                return render_step(
                    request, consultation, form, step, steps, response, 403
                )
            except responding.ResponseRefused as refusal:
                return refused(request, consultation, str(refusal))
            return after_saving(request, consultation, response, step, steps, action)
    elif request.GET.get("check") and response:
        # Sent back from submitting: show what this step still needs.
        form = ResponseForm(
            {**response.answers, **responding.respondent_data(response)}, **options
        )
        form.is_valid()
    else:
        initial = initial_from(response) if response else None
        form = ResponseForm(initial=initial, **options)
    status = 400 if form.errors else 200
    return render_step(request, consultation, form, step, steps, response, status)


def render_step(request, consultation, form, step, steps, response, status):
    return TemplateResponse(
        request,
        "consultations/respond.html",
        {
            "page": consultation,
            "form": form,
            "step": step,
            "steps": steps,
            "is_last": step.number == len(steps),
            "response": response,
            "back_url": step_url(request, consultation, step.number - 1)
            if step.number > 1
            else consultation.url,
        },
        status=status,
    )


def after_saving(request, consultation, response, step, steps, action):
    if action == "draft":
        messages.success(
            request,
            _(
                "Your answers are saved. Come back to this page to carry on: you can "
                "change them until %(closes)s."
            )
            % {"closes": time_and_date(consultation.closes_at)},
        )
        return redirect(consultation.url)
    if step.number < len(steps):
        return redirect(step_url(request, consultation, step.number + 1))
    incomplete = responding.first_incomplete_step(
        consultation, response, anonymous=not response.user_id
    )
    if incomplete is not None:
        messages.error(request, _("Some answers are missing. Answer them to submit."))
        return redirect(step_url(request, consultation, incomplete.number) + "?check=1")
    was_submitted = response.is_submitted
    try:
        responding.submit(consultation, response)
    except responding.ResponseRefused as refusal:
        return refused(request, consultation, str(refusal))
    if response.status == Response.Status.UNCONFIRMED:
        messages.success(
            request,
            _(
                "Nearly done: we have emailed %(email)s a link. Your response "
                "counts once you follow it."
            )
            % {"email": response.email},
        )
    elif was_submitted:
        messages.success(
            request, _("Your changes are saved. We have emailed you a copy.")
        )
    else:
        messages.success(
            request, _("Your response is submitted. We have emailed you a copy.")
        )
    return redirect(your_response_url(request, consultation, response))


def your_response_url(request, consultation, response):
    return routablepageurl(
        {"request": request}, consultation, "your_response", response.pk
    )


def your_response(request, consultation, response_id):
    """A respondent's own answers, and the way back in to change them."""
    response = Response.objects.filter(
        pk=response_id, consultation=consultation
    ).first()
    # Someone else's answers as a missing one does, so no id is confirmed to exist;
    # a respondent who signed out is still told how to get back to theirs.
    if response is None or not sessions.owns(request, response):
        return refused(
            request,
            consultation,
            _(
                "We could not find this response. If it is yours, sign in with the "
                "account you responded with."
            ),
            heading=_("Response not found"),
            status=404,
        )
    return TemplateResponse(
        request,
        "consultations/your_response.html",
        {
            "page": consultation,
            "response": response,
            "answered": responding.answered(consultation, response),
        },
    )


def confirm(request, consultation, token):
    try:
        response = responding.confirm(consultation, token)
    except responding.ResponseRefused as refusal:
        return refused(
            request,
            consultation,
            str(refusal),
            _("We could not confirm your response"),
            # A link that is nobody's names nothing.
            status=404 if isinstance(refusal, responding.UnknownLink) else 403,
        )
    sessions.remember_response(request, response)
    messages.success(request, _("Thank you: your response is confirmed."))
    return redirect(your_response_url(request, consultation, response))
