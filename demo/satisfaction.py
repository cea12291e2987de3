"""Demo answers to "Did this meet your need?" for the demo's outcomes, so the
figures show a share satisfied; asked without email, as the demo tells nobody."""

from datetime import timedelta

from django.utils import timezone

from figures import satisfaction
from figures.models import SatisfactionAsk

# Most people whose need was met say so; not all, and some say why.
COMMENTS = [
    "Exactly the breakdown we needed for the annual plan.",
    "Helpful, but we still need it below local authority level.",
    "",
    "The answer pointed to the right table; thank you.",
    "",
]


def create_demo_satisfaction():
    satisfaction.ask_about_outcomes(
        since=timezone.now() - timedelta(days=365), tell=False
    )
    now = timezone.now()
    # By id, so a second run answers for nobody who stayed silent the first time.
    for ask in SatisfactionAsk.objects.filter(answered_at__isnull=True):
        if ask.pk % 4 == 3:
            continue  # some never answer
        satisfaction.record_answer(
            ask, None, ask.pk % 3 != 1, COMMENTS[ask.pk % len(COMMENTS)]
        )
        answered = now - timedelta(days=ask.pk % 90)
        SatisfactionAsk.objects.filter(pk=ask.pk).update(
            asked_at=answered - timedelta(days=2), answered_at=answered
        )
