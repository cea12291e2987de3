from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.choices import TranslatedTextChoices
from core.translation import in_language_of_record


class ThemeMembership(models.Model):
    """A member who has joined a theme's forum."""

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "user"], name="themes_one_membership_per_theme"
            )
        ]

    def __str__(self):
        return f"{self.user} in {self.theme}"


class Role(TranslatedTextChoices):
    CHAIR = "chair", _("Forum chair")
    PRODUCER = "producer", _("Statistics producer")


class ThemeGroup(models.Model):
    """The Wagtail group that gives a theme's chairs or producers their page rights.

    Kept outside the page so that revisions and copies of a theme never touch it.
    """

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="role_groups"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "role"], name="themes_one_group_per_role"
            )
        ]

    def __str__(self):
        return self.group.name


class ThemeCollection(models.Model):
    """The Wagtail document collection for a theme's papers: its chairs upload
    meeting papers there, its producers consultation documents.

    Kept outside the page, like ThemeGroup. Deleting the theme leaves the collection
    and its documents for an editor to file elsewhere.
    """

    theme = models.OneToOneField(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="papers_collection"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return self.collection.name


class ThemeRole(models.Model):
    """A member who chairs a theme, or answers in it for a producer organisation."""

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_roles"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        limit_choices_to=in_language_of_record,
        help_text="Who they speak for: shown beside their posts.",
    )
    job_title = models.CharField(max_length=200, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["theme__title", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "user", "role"], name="themes_one_role_of_a_kind"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.theme}"


class ProducerRequest(models.Model):
    """A member asks to be recognised as a producer in a theme; an editor decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="producer_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="producer_requests",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_language_of_record,
    )
    job_title = models.CharField(_("your role"), max_length=200)
    reason = models.TextField(
        _("what you would like to do as a producer"), max_length=1000, blank=True
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decision_note = models.TextField(
        "note to the member",
        blank=True,
        help_text="Sent to the member with the decision. Say why if you decline.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "user"],
                condition=models.Q(status="pending"),
                name="themes_one_pending_producer_request",
            )
        ]

    def __str__(self):
        return f"{self.user} for {self.theme} ({self.get_status_display()})"
