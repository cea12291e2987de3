from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SatisfactionAsk(models.Model):
    """ "Did this meet your need?", asked once of a person concerned by an outcome:
    a gap's supporters, a consultation's respondents, a question's asker."""

    class Outcome(models.TextChoices):
        GAP = "gap", _("A data gap met or closed")
        CONSULTATION = "consultation", _("A consultation's outcome")
        QUESTION = "question", _("A question answered by a producer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="satisfaction_asks",
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    object_id = models.PositiveBigIntegerField()
    # What the figures are of: the outcome's theme and the organisation behind it.
    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as asked: the page may change its title later.
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    asked_at = models.DateTimeField(default=timezone.now)
    satisfied = models.BooleanField(null=True)
    comment = models.TextField(max_length=1000, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "outcome", "object_id"],
                name="one_satisfaction_ask_per_person_and_outcome",
            )
        ]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.title}"
