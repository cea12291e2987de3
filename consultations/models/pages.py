from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from consultations.blocks import SectionBlock
from consultations.permissions import ConsultationPermissionTester
from consultations.questions import all_questions, sections_from, snapshot_of
from core.blocks import RICH_TEXT_FEATURES, ContentBlock
from core.forms import RequiredRichTextPageForm
from core.translation import in_language_of_record
from core.workflows import NamedWorkflowMixin
from themes.models.pages import ThemeChildPageMixin, ThemeSectionIndex

CONSULTATION_WORKFLOW = "Consultation approval"
# Government consultation principles: publish the outcome within 12 weeks.
OUTCOME_DUE_AFTER = timedelta(weeks=12)


class State(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Analysing feedback")
    OUTCOME = "outcome", _("Outcome published")


# Open ones first, then those to come, then those awaiting or with an outcome.
STATE_ORDER = [State.OPEN, State.FORTHCOMING, State.CLOSED, State.OUTCOME]


class ConsultationQuerySet(PageQuerySet):
    def with_state(self, now=None):
        now = now or timezone.now()
        return self.annotate(
            state=Case(
                When(outcome_date__isnull=False, then=Value(State.OUTCOME)),
                When(opens_at__gt=now, then=Value(State.FORTHCOMING)),
                When(closes_at__gt=now, then=Value(State.OPEN)),
                default=Value(State.CLOSED),
                output_field=models.CharField(),
            )
        ).annotate(
            state_order=Case(
                *(
                    When(state=state, then=Value(position))
                    for position, state in enumerate(STATE_ORDER)
                ),
                output_field=models.IntegerField(),
            ),
        )

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(
            opens_at__lte=now, closes_at__gt=now, outcome_date__isnull=True
        )


class ConsultationIndexPage(ThemeSectionIndex, Page):
    """A theme's consultations: made with the theme, and the list of them."""

    section_slug = "consultations"
    section_title = "Consultations"
    is_creatable = False
    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("theme's consultations")
        verbose_name_plural = _("themes' consultations")

    def serve(self, request, *args, **kwargs):
        from consultations.views import listing

        return listing.consultation_list(request, theme=self.theme, page=self)


class ConsultationPage(
    NamedWorkflowMixin, ThemeChildPageMixin, RoutablePageMixin, Page
):
    """A producer asks a theme's members about a change to their statistics."""

    class WhoMayRespond(models.TextChoices):
        MEMBERS = "members", _("Members with a verified email address")
        ANYONE = "anyone", _("Anyone, confirming their email address")

    workflow_name = CONSULTATION_WORKFLOW

    summary = models.CharField(
        max_length=250, help_text=_("One sentence on what you are consulting about.")
    )
    body = StreamField(
        ContentBlock(),
        help_text=_("The proposal, why you are making it and what it would change."),
    )
    documents = StreamField(
        [("document", DocumentChooserBlock())],
        blank=True,
        verbose_name=_("supporting documents"),
    )
    opens_at = models.DateTimeField(_("opens"), help_text=_("UK time (Europe/London)."))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("UK time (Europe/London).")
    )
    contact_name = models.CharField(_("contact name"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    contact_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="consultations",
        limit_choices_to=in_language_of_record,
        verbose_name=_("producer"),
        help_text=_("The organisation consulting."),
    )
    who_may_respond = models.CharField(
        max_length=20, choices=WhoMayRespond.choices, default=WhoMayRespond.MEMBERS
    )
    one_page_per_section = models.BooleanField(
        default=False,
        help_text=_(
            "Show each section on a page of its own; otherwise every question "
            "is on one page."
        ),
    )
    questions = StreamField([("section", SectionBlock())])

    outcome_summary = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What respondents told you, in a few paragraphs."),
    )
    outcome_changes = RichTextField(
        _("what changed"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What you changed, or decided not to change, and why."),
    )
    outcome_documents = StreamField([("document", DocumentChooserBlock())], blank=True)
    outcome_date = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "Set this to publish the outcome. Respondents and followers are "
            "told when the page is published with it."
        ),
    )

    # Kept by the site, not the editor (see with_content_json).
    opened_at = models.DateTimeField(null=True, editable=False)
    questions_at_opening = models.JSONField(default=list, editable=False)
    outcome_announced_at = models.DateTimeField(null=True, editable=False)
    overdue_flagged_at = models.DateTimeField(null=True, editable=False)

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], _("When")),
        MultiFieldPanel(
            [
                # Organisations are snippets, whose chooser producers cannot open.
                FieldPanel("contact_organisation", widget=forms.Select),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        MultipleChooserPanel(
            "statistic_links",
            chooser_field_name="statistic",
            heading=_("Statistics it concerns"),
            label=_("Statistic"),
        ),
    ]
    question_panels = [
        HelpPanel(
            _(
                "Respondents answer the questions as they are when the consultation "
                "opens. Changes after that are kept but not shown to respondents."
            )
        ),
        FieldPanel("who_may_respond"),
        FieldPanel("one_page_per_section"),
        FieldPanel("questions"),
    ]
    outcome_panels = [
        HelpPanel(_("Fill this in after the consultation closes: you said, we did.")),
        FieldPanel("outcome_summary"),
        FieldPanel("outcome_changes"),
        FieldPanel("outcome_documents"),
        FieldPanel("outcome_date"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(question_panels, heading=_("Questions")),
            ObjectList(outcome_panels, heading=_("Outcome")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("outcome_summary"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    # The pages API: not the contact's email address, which is for people to read
    # on the page, not for harvesting.
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("contact_name"),
        APIField(
            "consulting",
            serializer=serializers.CharField(source="contact_organisation.name"),
        ),
        APIField("who_may_respond"),
        APIField("outcome_summary"),
        APIField("outcome_changes"),
        APIField("outcome_date"),
    ]

    base_form_class = RequiredRichTextPageForm
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")
        permissions = [
            ("approve_consultation", _("Can approve and publish consultations")),
            ("see_all_responses", _("Can see the responses to every consultation")),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The consultation must close after it opens.")
        if self.outcome_date:
            if not self.outcome_summary.strip():
                errors["outcome_summary"] = _("Say what respondents told you.")
            if self.closes_at and self.closes_at > timezone.now():
                errors["outcome_date"] = _(
                    "Publish the outcome after the consultation closes."
                )
            elif self.closes_at and self.outcome_date < self.closes_at.date():
                errors["outcome_date"] = _(
                    "The outcome cannot come before the closing."
                )
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # Publishing an old revision must not undo what the site has recorded.
        page = super().with_content_json(content)
        page.opened_at = self.opened_at
        page.questions_at_opening = self.questions_at_opening
        page.outcome_announced_at = self.outcome_announced_at
        page.overdue_flagged_at = self.overdue_flagged_at
        return page

    def permissions_for_user(self, user):
        return ConsultationPermissionTester(user, self)

    # State

    def state_at(self, now=None):
        now = now or timezone.now()
        if self.outcome_date:
            return State.OUTCOME
        if now < self.opens_at:
            return State.FORTHCOMING
        if now < self.closes_at:
            return State.OPEN
        return State.CLOSED

    @cached_property
    def state(self):
        return self.state_at()

    @property
    def state_label(self):
        return State(self.state).label

    @property
    def is_open(self):
        return self.state == State.OPEN

    @property
    def outcome_due(self):
        # Twelve weeks of calendar days from the closing date: adding hours instead
        # would cross a clock change and land a day early near midnight.
        return timezone.localdate(self.closes_at) + OUTCOME_DUE_AFTER

    @property
    def outcome_is_overdue(self):
        return self.state == State.CLOSED and timezone.localdate() > self.outcome_due

    @property
    def has_closed(self):
        return self.state in {State.CLOSED, State.OUTCOME}

    # Questions

    @cached_property
    def sections(self):
        """What respondents answer: the questions as they were at opening."""
        if self.opened_at:
            return sections_from(self.questions_at_opening)
        return sections_from(snapshot_of(self.questions))

    @property
    def all_questions(self):
        return all_questions(self.sections)

    @property
    def questions_changed_since_opening(self):
        return bool(self.opened_at) and (
            snapshot_of(self.questions) != self.questions_at_opening
        )

    def get_context(self, request, *args, **kwargs):
        from consultations import sessions
        from consultations.services import following, publication

        context = super().get_context(request, *args, **kwargs)
        context["response"] = sessions.response_of(request, self)
        context["is_following"] = following.is_following(request.user, self)
        context["published_count"] = (
            publication.published_responses(self).count() if self.has_closed else 0
        )
        return context

    # The views import this module, so they are imported where they are used.

    @path("respond/", name="respond")
    @path("respond/<id:step>/", name="respond_step")
    def respond(self, request, step=1):
        from consultations.views import respond

        return respond.respond(request, self, step)

    @path("response/<id:response_id>/", name="your_response")
    def your_response(self, request, response_id):
        from consultations.views import respond

        return respond.your_response(request, self, response_id)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from consultations.views import respond

        return respond.confirm(request, self, token)

    @path("responses/", name="published_responses")
    def published_responses(self, request):
        from consultations.views import published

        return published.published_responses(request, self)

    @path("follow/", name="follow")
    def follow(self, request):
        from consultations.views import published

        return published.follow(request, self)


class ConsultationStatistic(Orderable):
    """A statistic a consultation concerns; its page lists the consultation."""

    page = ParentalKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="statistic_links"
    )
    statistic = models.ForeignKey(
        "catalogue.Statistic",
        on_delete=models.CASCADE,
        related_name="consultation_links",
        limit_choices_to=in_language_of_record,
    )

    panels = [FieldPanel("statistic")]
