from datetime import timedelta

import factory
from django.utils import timezone

from accounts.factories import OrganisationFactory
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
)
from themes.factories import ThemeSectionPageFactory


def question(kind, id, text, required=True, **more):
    return {
        "type": kind,
        "id": id,
        "value": {"question": text, "help_text": "", "required": required, **more},
    }


def sample_questions():
    """Two sections with one question of each kind."""
    return [
        {
            "type": "section",
            "id": "section-use",
            "value": {
                "heading": "How you use the statistics",
                "introduction": "",
                "questions": [
                    question(
                        "single_choice",
                        "how-often",
                        "How often do you use these statistics?",
                        options=["Every week", "Every month", "Less often"],
                    ),
                    question(
                        "agreement",
                        "agree-quarterly",
                        "Should the statistics be published quarterly?",
                    ),
                ],
            },
        },
        {
            "type": "section",
            "id": "section-needs",
            "value": {
                "heading": "What you need",
                "introduction": "Tell us what you would lose or gain.",
                "questions": [
                    question(
                        "multiple_choice",
                        "breakdowns",
                        "Which breakdowns do you need?",
                        required=False,
                        options=["Region", "Age", "Sex"],
                    ),
                    question(
                        "long_text",
                        "impact",
                        "What would the change mean for your work?",
                        max_characters=500,
                    ),
                    question(
                        "short_text",
                        "job",
                        "What is your job title?",
                        required=False,
                    ),
                ],
            },
        },
    ]


class ConsultationPageFactory(ThemeSectionPageFactory):
    _section = ConsultationIndexPage
    title = factory.Sequence(lambda n: f"Consultation {n}")
    summary = "We propose to publish these statistics quarterly instead of monthly."
    body = factory.LazyFunction(
        lambda: [
            {
                "type": "paragraph",
                "value": "<p>Quarterly figures would be more reliable.</p>",
            }
        ]
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=28))
    contact_name = "Priya Shah"
    contact_email = "consultations@statistics.example.org"
    contact_organisation = factory.SubFactory(OrganisationFactory)
    questions = factory.LazyFunction(sample_questions)

    class Meta:
        model = ConsultationPage


# Answers to sample_questions() that pass every check.
COMPLETE_ANSWERS = {
    "how-often": "Every week",
    "agree-quarterly": "Disagree",
    "breakdowns": ["Region", "Age"],
    "impact": "We would lose the monthly signal we use for planning.",
}


class ResponseFactory(factory.django.DjangoModelFactory):
    consultation = factory.SubFactory(ConsultationPageFactory)
    user = factory.SubFactory("accounts.factories.UserFactory")
    status = ConsultationResponse.Status.SUBMITTED
    answers = factory.LazyFunction(lambda: dict(COMPLETE_ANSWERS))
    respond_as = ConsultationResponse.RespondAs.INDIVIDUAL
    publication = ConsultationResponse.Publication.NAMED
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ConsultationResponse
