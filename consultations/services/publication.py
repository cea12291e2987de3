"""Keeping a response off the site, and showing the ones that are published."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from consultations.permissions import may_see_responses

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
