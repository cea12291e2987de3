"""What a consultation shows everyone: its published responses; and following it."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.exports import option_counts, with_charts
from consultations.questions import all_questions
from consultations.services import following, publication
from core.dates import time_and_date

RESPONSES_PER_PAGE = 20


def published_responses(request, consultation):
    """After closing, the responses whose authors agreed, as they agreed."""
    if not consultation.has_closed:
        return TemplateResponse(
            request,
            "consultations/refused.html",
            {
                "page": consultation,
                "heading": _("No responses are published yet"),
                "message": _(
                    "Responses are published after the consultation closes, at "
                    "%(closes)s."
                )
                % {"closes": time_and_date(consultation.closes_at)},
            },
            status=404,
        )
    published = publication.published_responses(consultation)
    page = Paginator(published, RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
    questions = all_questions(consultation.sections)
    for response in page:
        response.pairs = [
            (question, question.display(response.answers.get(question.id)))
            for question in questions
        ]
    return TemplateResponse(
        request,
        "consultations/published_responses.html",
        {
            "page": consultation,
            "responses": page,
            # The published responses' choices, counted: the same on every page.
            "tallies": [
                figure
                for *_counts, figure in with_charts(
                    option_counts(consultation, published)
                )
                if figure
            ],
            "withheld": consultation.responses.may_be_published()
            .exclude(withheld_at=None)
            .count(),
        },
    )


@require_POST
@verified_email_required
def follow(request, consultation):
    if request.POST.get("follow") == "no":
        following.unfollow(request.user, consultation)
        messages.success(request, _("You no longer follow this consultation."))
    else:
        following.follow(request.user, consultation)
        messages.success(
            request, _("You follow this consultation: we will email you its outcome.")
        )
    return redirect(consultation.url)
