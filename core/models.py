from django.conf import settings
from django.db import models


class IdempotencyKey(models.Model):
    """A form's one-time key, claimed by the first POST that carried it, and where
    that POST sent its sender: a resubmission is sent there too, creating nothing."""

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty for someone responding without an account.",
    )
    redirect_to = models.CharField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key


class ScheduledRun(models.Model):
    """One run of a periodic job in one of its slots (the 07:10 run of a job every
    10 minutes): the unique pair is the lock, so two schedulers never both run it."""

    job = models.CharField(max_length=100)
    slot = models.DateTimeField(help_text="The start of the slot this run is for.")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "slot"], name="core_one_run_per_job_and_slot"
            )
        ]

    def __str__(self):
        return f"{self.job} at {self.slot:%Y-%m-%d %H:%M}"
