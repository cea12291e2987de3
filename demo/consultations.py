"""Demo consultations, one in each state, with members' responses; nobody is emailed.

Publishing a consultation normally tells the theme it has opened, and tells its
respondents of an outcome. The demo pages carry the site's records of both before
they are published, so the page_published signal finds nothing left to announce.
"""

from datetime import datetime, time, timedelta

from django.db.models import F
from django.utils import timezone

from accounts.models import Organisation
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
)
from consultations.models.pages import OUTCOME_DUE_AFTER
from consultations.questions import snapshot_of
from core.translation import of_record
from demo.content.consultations import CONSULTATIONS
from themes.models import ThemePage

OPENS_AT = time(9, 0)
CLOSES_AT = time(23, 59)


def create_demo_consultations(users):
    """Add each demo consultation that is missing, published, with its responses."""
    for spec in CONSULTATIONS:
        theme = of_record(ThemePage.objects).get(slug=spec["theme"])
        section = ConsultationIndexPage.for_theme(theme)
        if (
            ConsultationPage.objects.child_of(section)
            .filter(slug=spec["slug"])
            .exists()
        ):
            continue
        consultation = new_consultation(spec)
        section.add_child(instance=consultation)
        consultation.save_revision().publish()
        add_responses(consultation, spec["responses"], users)


def uk_time(days, at):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, at))


def new_consultation(spec):
    consultation = ConsultationPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        body=[{"type": kind, "value": value} for kind, value in spec["body"]],
        opens_at=uk_time(spec["opens"], OPENS_AT),
        closes_at=uk_time(spec["closes"], CLOSES_AT),
        contact_name=spec["contact_name"],
        contact_email=spec["contact_email"],
        contact_organisation=of_record(Organisation.objects).get(
            acronym=spec["organisation"]
        ),
        who_may_respond=spec.get("who_may_respond", "members"),
        one_page_per_section=spec.get("one_page_per_section", False),
        questions=spec["questions"],
        outcome_summary=spec.get("outcome_summary", ""),
        outcome_changes=spec.get("outcome_changes", ""),
        outcome_date=(
            timezone.localdate() + timedelta(days=spec["outcome"])
            if "outcome" in spec
            else None
        ),
    )
    mark_as_announced(consultation)
    return consultation


def mark_as_announced(consultation):
    """Record what services would have done, so publishing queues no email."""
    now = timezone.now()
    if consultation.opens_at <= now:
        consultation.opened_at = consultation.opens_at
        consultation.questions_at_opening = snapshot_of(consultation.questions)
    if consultation.outcome_date:
        consultation.outcome_announced_at = now
    elif consultation.closes_at + OUTCOME_DUE_AFTER < now:
        # Else the next update_consultations run would email the producers.
        consultation.overdue_flagged_at = now


def add_responses(consultation, specs, users):
    ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation=consultation,
            user=users[spec["who"]],
            status=ConsultationResponse.Status.SUBMITTED,
            answers=spec["answers"],
            respond_as=spec["respond_as"],
            organisation_name=spec["organisation_name"],
            publication=spec["publication"],
            submitted_at=consultation.opens_at + timedelta(days=spec["days_in"]),
        )
        for spec in specs
    )
    # Drafted and last changed when submitted, not when seeded.
    consultation.responses.update(
        created_at=F("submitted_at"), updated_at=F("submitted_at")
    )
