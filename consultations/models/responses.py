import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ConsultationResponse.Status.SUBMITTED)

    def may_be_published(self):
        """Submitted, and its author agreed to publication."""
        return self.submitted().exclude(
            publication=ConsultationResponse.Publication.NOT_PUBLISHED
        )

    def published(self):
        return self.may_be_published().filter(withheld_at__isnull=True)


class ConsultationResponse(models.Model):
    """One person's answers to a consultation, from first draft to submission."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        # Someone without an account has submitted but not yet confirmed by email.
        UNCONFIRMED = "unconfirmed", _("Waiting for email confirmation")
        SUBMITTED = "submitted", _("Submitted")

    class RespondAs(models.TextChoices):
        INDIVIDUAL = "individual", _("As an individual")
        ORGANISATION = "organisation", _("On behalf of an organisation")

    class Publication(models.TextChoices):
        NAMED = "named", _("Yes, with my name")
        ANONYMOUS = "anonymous", _("Yes, but without my name")
        NOT_PUBLISHED = "not_published", _("No, do not publish my response")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="responses",
    )
    # Empty for someone responding without an account, or once erased.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_responses",
    )
    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # {question id: text, or a list of the options chosen}
    answers = models.JSONField(default=dict)
    respond_as = models.CharField(max_length=20, choices=RespondAs.choices, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True)
    publication = models.CharField(
        max_length=20, choices=Publication.choices, blank=True
    )
    # A producer or editor may keep a response off the site (for what it says of
    # other people, say); it still counts. Who did it is in the audit log.
    withheld_at = models.DateTimeField(null=True, blank=True)
    withheld_reason = models.CharField(max_length=500, blank=True)
    # The secret in the confirmation link of someone without an account.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                condition=models.Q(user__isnull=False),
                name="consultations_one_response_per_member",
            )
        ]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self):
        return f"{self.respondent_name} · {self.consultation}"

    @property
    def respondent_name(self):
        if self.user_id:
            return self.user.public_name
        return self.name or _("A former member")

    @property
    def respondent_email(self):
        return self.user.email if self.user_id else self.email

    @property
    def published_name(self):
        """Who the published response says it is from, as its author agreed."""
        if self.publication == self.Publication.NAMED:
            name = self.respondent_name
        else:
            name = _("Anonymous respondent")
        if self.respond_as == self.RespondAs.ORGANISATION and self.organisation_name:
            return _("%(name)s, for %(organisation)s") % {
                "name": name,
                "organisation": self.organisation_name,
            }
        return name

    @property
    def publication_status(self):
        """What its author agreed to, unless it was withheld from publication."""
        if self.withheld_at:
            return _("Withheld from publication")
        return self.get_publication_display()

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class ConsultationFollow(models.Model):
    """A member who wants to hear the outcome without responding."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="follows",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultation_follows",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                name="consultations_one_follow_per_member",
            )
        ]

    def __str__(self):
        return f"{self.user} follows {self.consultation}"


class ResponseExport(models.Model):
    """A download of a large consultation's responses, built in the background."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", _("Excel")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="exports",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
    )
    format = models.CharField(max_length=10, choices=Format.choices)
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    # Kept in the database, so any app server can hand it over.
    content = models.BinaryField(null=True, editable=False)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.get_format_display()} of {self.consultation}"

    @property
    def is_ready(self):
        return self.completed_at is not None
