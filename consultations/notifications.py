"""The emails consultations send, through the accounts notification backbone."""

from functools import partial
from html import unescape

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts.emails import queue_email, render_email
from accounts.notifications import NotificationKind, notify, notify_many
from consultations.models import ConsultationPage, ConsultationResponse
from consultations.permissions import APPROVE_CONSULTATION
from core.dates import long_date, time_and_date
from core.links import full_url
from core.translation import said_in_each_language, title_in_each_language

Response = ConsultationResponse

KINDS = [
    NotificationKind(
        key="consultation_opened",
        link="url",
        label=_("New consultations"),
        description=_("When a consultation opens in a theme you have joined."),
        per_theme=True,
    ),
    NotificationKind(
        key="consultation_response",
        link="change_url",
        label=_("Your consultation responses"),
        description=_("A copy of each response you submit or change."),
        optional=False,
    ),
    NotificationKind(
        key="consultation_outcome",
        link="url",
        label=_("Consultation outcomes"),
        description=_(
            "When the outcome of a consultation you responded to or follow "
            "is published."
        ),
        per_theme=True,
    ),
    NotificationKind(
        key="consultation_outcome_overdue",
        link="edit_url",
        label=_("Overdue consultation outcomes"),
        description=_(
            "For producers and editors: when a consultation's outcome is "
            "still unpublished 12 weeks after it closed."
        ),
    ),
    NotificationKind(
        key="consultation_download_ready",
        link="responses_url",
        label=_("Consultation downloads"),
        description=_(
            "For producers and editors: when a download of responses you "
            "asked for is ready."
        ),
        optional=False,
    ),
]


def consultation_context(consultation):
    return {
        "title": consultation.title,
        "summary": consultation.summary,
        "theme_title": title_in_each_language(consultation.theme),
        "url": consultation.full_url,
        # Dates in each language: month names are words (core.translation).
        "opens": said_in_each_language(lambda: time_and_date(consultation.opens_at)),
        "closes": said_in_each_language(lambda: time_and_date(consultation.closes_at)),
        "outcome_due": said_in_each_language(
            lambda: long_date(consultation.outcome_due)
        ),
        "outcome_date": (
            said_in_each_language(lambda: long_date(consultation.outcome_date))
            if consultation.outcome_date
            else ""
        ),
        "closes_date": said_in_each_language(lambda: long_date(consultation.closes_at)),
    }


def tell_members_opened(consultation_id):
    consultation = ConsultationPage.objects.get(pk=consultation_id)
    theme = consultation.theme
    context = consultation_context(consultation)
    people = get_user_model().objects.filter(memberships__theme=theme)
    return notify_many(
        people,
        "consultation_opened",
        "consultation_opened",
        context,
        theme,
        event_key=f"consultation-opened:{consultation.pk}",
    )


def answers_context(response):
    def answer(question):
        said = partial(question.display, response.answers.get(question.id))
        # The agreement scale is the site's words: said in each language.
        return said_in_each_language(said) if question.kind == "agreement" else said()

    return [
        {
            "heading": section.heading,
            "answers": [
                {"question": question.question, "answer": answer(question)}
                for question in section.questions
            ],
        }
        for section in response.consultation.sections
    ]


def send_response_copy(response_id, resubmission=False):
    response = Response.objects.select_related("consultation", "user").get(
        pk=response_id
    )
    consultation = response.consultation
    context = {
        **consultation_context(consultation),
        "resubmission": resubmission,
        "sections": answers_context(response),
        "respond_as": said_in_each_language(response.get_respond_as_display),
        "organisation_name": response.organisation_name,
        "publication": said_in_each_language(response.get_publication_display),
        "change_url": change_url(response),
    }
    if response.user_id:
        notify(response.user, "consultation_response", "consultation_response", context)
    else:
        email_without_account(response, "consultation_response", context)


def email_without_account(response, template, context):
    """Someone who responded without an account has no preferences to honour."""
    subject, text, html = render_email(
        f"notifications/{template}",
        {**context, "recipient_name": response.name, "unsubscribe_url": None},
    )
    queue_email([response.email], subject, text, html)


def confirm_url(response):
    return response.consultation.full_url + f"confirm/{response.token}/"


def change_url(response):
    """Members sign in to change theirs; anyone else follows their own link back,
    from whichever browser, which the confirmation link is."""
    if response.user_id:
        return response.consultation.full_url + "respond/"
    return confirm_url(response)


def ask_to_confirm_response(response_id):
    response = Response.objects.select_related("consultation").get(pk=response_id)
    email_without_account(
        response,
        "consultation_confirm",
        {
            **consultation_context(response.consultation),
            "confirm_url": confirm_url(response),
        },
    )


def tell_of_outcome(consultation_id):
    consultation = ConsultationPage.objects.get(pk=consultation_id)
    theme = consultation.theme
    context = {
        **consultation_context(consultation),
        "what_we_did": in_brief(
            consultation.outcome_changes or consultation.outcome_summary
        ),
    }
    submitted = consultation.responses.submitted()
    respondents = submitted.exclude(user=None).values_list("user", flat=True)
    followers = consultation.follows.values_list("user", flat=True)
    people = get_user_model().objects.filter(pk__in={*respondents, *followers})
    notify_many(
        people,
        "consultation_outcome",
        "consultation_outcome",
        context,
        theme,
        event_key=f"consultation-outcome:{consultation.pk}",
    )
    for response in submitted.filter(user=None).exclude(email=""):
        email_without_account(response, "consultation_outcome", context)


def in_brief(rich_text, words=80):
    """Rich text as a plain-text excerpt, for an email to tell the gist."""
    text = strip_tags(rich_text.replace("</p>", "</p> ").replace("<br/>", " "))
    return Truncator(unescape(" ".join(text.split()))).words(words)


def tell_of_overdue_outcome(consultation_id):
    from themes import roles
    from themes.models import Role

    consultation = ConsultationPage.objects.get(pk=consultation_id)
    theme = consultation.theme
    context = {
        **consultation_context(consultation),
        "edit_url": full_url(
            reverse("wagtailadmin_pages:edit", args=[consultation.pk])
        ),
    }
    producers = roles.holders(Role.PRODUCER, theme).values_list("pk", flat=True)
    editors = get_user_model().objects.with_perm(
        APPROVE_CONSULTATION,
        include_superusers=False,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    people = get_user_model().objects.filter(
        pk__in={*producers, *editors.values_list("pk", flat=True)}
    )
    notify_many(
        people,
        "consultation_outcome_overdue",
        "consultation_outcome_overdue",
        context,
        event_key=f"consultation-outcome-overdue:{consultation.pk}",
    )


def tell_download_ready(export):
    consultation = export.consultation
    responses_url = full_url(reverse("consultations_responses", args=[consultation.pk]))
    notify(
        export.requested_by,
        "consultation_download_ready",
        "consultation_download_ready",
        {
            "title": consultation.title,
            "format": export.get_format_display(),
            "row_count": export.row_count,
            "responses_url": responses_url,
        },
    )
