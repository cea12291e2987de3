from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.forms import RequiredRichTextPageForm
from core.workflows import NamedWorkflowMixin
from events.blocks import DecisionBlock, DiscussionItemBlock
from events.permissions import MinutesPermissionTester

MINUTES_WORKFLOW = "Minutes approval"


class MinutesPage(NamedWorkflowMixin, Page):
    """The record of a meeting: who came, what was said, decided and promised."""

    workflow_name = MINUTES_WORKFLOW

    summary = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="The meeting in a paragraph or two."
    )
    items = StreamField(
        [("item", DiscussionItemBlock())],
        blank=True,
        verbose_name="items discussed",
    )
    decisions = StreamField([("decision", DecisionBlock())], blank=True)
    # Set the first time the minutes are published, so people are told once.
    announced_at = models.DateTimeField(null=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("attendees", heading="Attendees", label="Attendee"),
        FieldPanel("items"),
        FieldPanel("decisions"),
        InlinePanel("action_items", heading="Action items", label="Action"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("items"),
        index.SearchField("decisions"),
    ]

    base_form_class = RequiredRichTextPageForm
    parent_page_types = ["events.EventPage"]
    subpage_types = []

    class Meta:
        verbose_name = "minutes"
        verbose_name_plural = "minutes"
        permissions = [("approve_minutes", "Can approve and publish minutes")]

    @classmethod
    def can_create_at(cls, parent):
        # One set of minutes per meeting.
        return super().can_create_at(parent) and not parent.get_children().exists()

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.announced_at = self.announced_at
        return page

    @property
    def meeting(self):
        from events.models.meetings import EventPage

        return EventPage.objects.parent_of(self).get()

    @property
    def theme(self):
        from themes.models import ThemePage

        return ThemePage.objects.ancestor_of(self).get()

    def permissions_for_user(self, user):
        return MinutesPermissionTester(user, self)

    def get_url_parts(self, request=None):
        """Minutes live under their meeting: <theme>/meetings/<meeting>/<slug>/."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        theme_path, meeting_slug, slug = page_path.rstrip("/").rsplit("/", 2)
        return site_id, root_url, f"{theme_path}/meetings/{meeting_slug}/{slug}/"

    def get_context(self, request, *args, **kwargs):
        from events.services import when

        context = super().get_context(request, *args, **kwargs)
        attendees = list(self.attendees.all())
        context["meeting"] = self.meeting
        context["theme"] = self.theme
        context["when"] = when(context["meeting"])
        context["present"] = [a for a in attendees if a.was_present]
        context["apologies"] = [a for a in attendees if not a.was_present]
        context["action_items"] = self.action_items.select_related(
            "organisation", "thread", "data_gap__theme"
        )
        return context


class MinutesAttendee(Orderable):
    class Attendance(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Sent apologies"

    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(max_length=120)
    organisation = models.CharField(max_length=200, blank=True)
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, default=Attendance.PRESENT
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("attendance")]
        )
    ]

    def __str__(self):
        return self.name

    @property
    def was_present(self):
        return self.attendance == self.Attendance.PRESENT


class ActionItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(page__live=True)

    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def in_theme(self, theme):
        return self.filter(page__path__startswith=theme.path)


class ActionItem(Orderable):
    """Something someone promised at a meeting, and what became of it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    page = ParentalKey(
        MinutesPage, on_delete=models.CASCADE, related_name="action_items"
    )
    description = models.CharField("action", max_length=300)
    owner = models.CharField(max_length=120, help_text="Who will do it.")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        help_text="The discussion this action answers, if there is one.",
    )
    data_gap = models.ForeignKey(
        "gaps.DataGap",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        help_text="The data gap this action answers, if there is one.",
    )

    objects = ActionItemQuerySet.as_manager()

    panels = [
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("owner"), FieldPanel("organisation"), FieldPanel("due_date")]
        ),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("thread"), FieldPanel("data_gap")]),
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
