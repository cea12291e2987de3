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
