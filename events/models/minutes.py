from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.forms import RequiredRichTextPageForm
from core.workflows import NamedWorkflowMixin
from events.blocks import DecisionBlock, DiscussionItemBlock
from events.permissions import MinutesPermissionTester

MINUTES_WORKFLOW = "Minutes approval"


def keep_site_owned_fields(children, model):
    """A revision's child rows take the fields the site keeps (`site_owned_fields`:
    an action's status) from the rows as they are now, so approving or reverting
    the minutes never undoes what the site recorded since."""
    fields = getattr(model, "site_owned_fields", ())
    children = [child for child in children if child.pk]
    if not fields or not children:
        return
    now = model.objects.filter(pk__in=[child.pk for child in children]).in_bulk()
    for child in children:
        if child.pk in now:
            for field in fields:
                setattr(child, field, getattr(now[child.pk], field))


class MinutesPage(NamedWorkflowMixin, Page):
    """The record of a meeting: who came, what was said, decided and promised."""

    workflow_name = MINUTES_WORKFLOW

    summary = RichTextField(
        features=RICH_TEXT_FEATURES, help_text=_("The meeting in a paragraph or two.")
    )
    items = StreamField(
        [("item", DiscussionItemBlock())],
        blank=True,
        verbose_name=_("items discussed"),
    )
    decisions = StreamField([("decision", DecisionBlock())], blank=True)
    # Set the first time the minutes are published, so people are told once.
    announced_at = models.DateTimeField(null=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("attendees", heading=_("Attendees"), label=_("Attendee")),
        FieldPanel("items"),
        FieldPanel("decisions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("items"),
        index.SearchField("decisions"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("attendees"),
        APIField("items"),
        APIField("decisions"),
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
        keep_site_owned_fields(page.action_items.all(), self.action_items.model)
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

    def get_context(self, request, *args, **kwargs):
        from events.services import when

        context = super().get_context(request, *args, **kwargs)
        attendees = list(self.attendees.all())
        context["meeting"] = self.meeting
        context["theme"] = self.theme
        context["when"] = when(context["meeting"])
        context["present"] = [a for a in attendees if a.was_present]
        context["apologies"] = [a for a in attendees if not a.was_present]
        return context


class MinutesAttendee(Orderable):
    class Attendance(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Sent apologies")

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
    api_fields = [APIField("name"), APIField("organisation"), APIField("attendance")]

    def __str__(self):
        return self.name

    @property
    def was_present(self):
        return self.attendance == self.Attendance.PRESENT
