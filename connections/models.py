"""Every link from one feature to another, owned here so the features never name
each other: a gap's discussions and meetings, a meeting's actions and what they
answer, and what a consultation concerns."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.translation import in_language_of_record


class GapThread(models.Model):
    """A discussion about a data gap, linked by the theme's producers or chairs."""

    data_gap = models.ForeignKey(
        "gaps.DataGap", on_delete=models.CASCADE, related_name="thread_links"
    )
    thread = models.ForeignKey(
        "forums.Thread", on_delete=models.CASCADE, related_name="gap_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["data_gap", "thread"], name="connections_one_gap_thread"
            )
        ]

    def __str__(self):
        return f"{self.data_gap} – {self.thread}"


class GapMeeting(models.Model):
    """A meeting that discussed a data gap."""

    data_gap = models.ForeignKey(
        "gaps.DataGap", on_delete=models.CASCADE, related_name="meeting_links"
    )
    meeting = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="gap_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["data_gap", "meeting"], name="connections_one_gap_meeting"
            )
        ]

    def __str__(self):
        return f"{self.data_gap} – {self.meeting}"


class ActionItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(page__live=True)

    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def in_theme(self, theme):
        return self.filter(page__path__startswith=theme.path)


class ActionItem(Orderable):
    """Something someone promised at a meeting, and what became of it.

    Part of the minutes page (drafted, approved and published with it); here
    because it may answer a discussion or a data gap."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("action status", "Open")
        DONE = "done", pgettext_lazy("action status", "Done")
        DROPPED = "dropped", pgettext_lazy("action status", "Dropped")

    page = ParentalKey(
        "events.MinutesPage", on_delete=models.CASCADE, related_name="action_items"
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.CharField(max_length=120, help_text=_("Who will do it."))
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_language_of_record,
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN
    )
    thread = models.ForeignKey(
        "forums.Thread",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        help_text=_("The discussion this action answers, if there is one."),
    )
    data_gap = models.ForeignKey(
        "gaps.DataGap",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        help_text=_("The data gap this action answers, if there is one."),
    )
    statistic = models.ForeignKey(
        "catalogue.Statistic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        limit_choices_to=in_language_of_record,
        help_text=_("The statistic this action is about, if there is one."),
    )

    # What became of it, kept by the site once the minutes are approved
    # (`connections.services.update_action_status`), not by the minutes' revisions:
    # a status changes without the minutes going through approval again.
    status_note = models.CharField(
        _("what has happened"),
        max_length=500,
        blank=True,
        help_text=_("Shown beside the status."),
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A revision of the minutes never overwrites these (MinutesPage.with_content_json).
    site_owned_fields = (
        "status",
        "status_note",
        "status_changed_at",
        "status_changed_by_id",
    )

    objects = ActionItemQuerySet.as_manager()

    panels = [
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("owner"), FieldPanel("organisation"), FieldPanel("due_date")]
        ),
        # A new action is open; then "Update the status" changes it, without
        # approving the minutes again.
        FieldPanel("status", read_only=True),
        FieldRowPanel(
            [FieldPanel("thread"), FieldPanel("data_gap"), FieldPanel("statistic")]
        ),
    ]

    def __str__(self):
        return self.description

    @property
    def is_overdue(self):
        return (
            self.status == self.Status.OPEN
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


class ConsultationGapLink(Orderable):
    page = ParentalKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="gap_links",
    )
    data_gap = models.ForeignKey(
        "gaps.DataGap", on_delete=models.CASCADE, related_name="consultation_links"
    )

    panels = [FieldPanel("data_gap")]


class ConsultationThreadLink(Orderable):
    page = ParentalKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="thread_links",
    )
    thread = models.ForeignKey(
        "forums.Thread", on_delete=models.CASCADE, related_name="consultation_links"
    )

    panels = [FieldPanel("thread")]
