"""What consultations tell accounts: the responses and follows a member has."""

from django.utils.translation import gettext_lazy as _

from accounts.personal_data import PersonalData
from consultations.models import ConsultationFollow, ConsultationResponse
from consultations.notifications import KINDS
from core.signals import tell_content_changed

Response = ConsultationResponse


def export_responses(user):
    responses = Response.objects.filter(user=user).select_related("consultation")
    return {
        "responses": [
            {
                "consultation": response.consultation.title,
                "status": response.get_status_display(),
                "responding_as": response.get_respond_as_display(),
                "organisation": response.organisation_name,
                "may_publish": response.get_publication_display(),
                "answers": {
                    question.question: question.display(
                        response.answers.get(question.id)
                    )
                    for question in response.consultation.all_questions
                },
                "submitted": (
                    response.submitted_at.isoformat() if response.submitted_at else None
                ),
            }
            for response in responses
        ],
        "following": list(
            ConsultationFollow.objects.filter(user=user).values_list(
                "consultation__title", flat=True
            )
        ),
    }


def erase_responses(user, keep_public_posts):
    ConsultationFollow.objects.filter(user=user).delete()
    Response.objects.filter(user=user).exclude(
        status=Response.Status.SUBMITTED
    ).delete()
    submitted = Response.objects.filter(user=user)
    if keep_public_posts:
        kept_ids = list(submitted.values_list("pk", flat=True))
        # The evidence stays, without the name: a named response is published
        # anonymously from now on.
        submitted.filter(publication=Response.Publication.NAMED).update(
            publication=Response.Publication.ANONYMOUS
        )
        submitted.update(user=None, name="", email="")
        tell_content_changed(Response, kept_ids)
    else:
        submitted.delete()


NOTIFICATION_KINDS = KINDS

PERSONAL_DATA = PersonalData(
    key="consultations",
    label=_("Consultation responses"),
    export=export_responses,
    erase=erase_responses,
)
