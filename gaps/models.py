from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from core.choices import TranslatedTextChoices
from core.links import full_url
from core.translation import words_in
from themes import roles


class Status(TranslatedTextChoices):
    RAISED = "raised", _("Raised")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")
    PARTLY_MET = "partly_met", _("Partly met")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    DUPLICATE = "duplicate", _("Duplicate")


# Where a gap may go next. A closed gap can be reopened (acknowledged) when a
# producer finds more to do; nothing goes back to "raised".
OPEN = [
    Status.ACKNOWLEDGED,
    Status.UNDER_ASSESSMENT,
    Status.PLANNED,
    Status.IN_PROGRESS,
]
CLOSED = [Status.MET, Status.PARTLY_MET, Status.NOT_FEASIBLE, Status.DUPLICATE]
NEXT_STATUSES = {
    Status.RAISED: [Status.ACKNOWLEDGED, Status.UNDER_ASSESSMENT, *CLOSED],
    Status.ACKNOWLEDGED: [Status.UNDER_ASSESSMENT, Status.PLANNED, *CLOSED],
    Status.UNDER_ASSESSMENT: [Status.PLANNED, Status.IN_PROGRESS, *CLOSED],
    Status.PLANNED: [Status.UNDER_ASSESSMENT, Status.IN_PROGRESS, *CLOSED],
    Status.IN_PROGRESS: [Status.PLANNED, *CLOSED],
    Status.MET: [Status.ACKNOWLEDGED],
    Status.PARTLY_MET: [Status.ACKNOWLEDGED, Status.PLANNED, Status.IN_PROGRESS],
    Status.NOT_FEASIBLE: [Status.ACKNOWLEDGED, Status.UNDER_ASSESSMENT],
    Status.DUPLICATE: [],
}


class TaggedDataGap(TaggedItemBase):
    content_object = models.ForeignKey(
        "DataGap", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DataGapQuerySet(models.QuerySet):
    def in_public_themes(self):
        """Gaps in live themes that no view restriction covers."""
        return roles.in_public_themes(self)

    def visible(self):
        """What everybody sees, in every public list, count and feed: gaps that are
        not held, in live, public themes. services.gaps_visible_to adds a person's
        own held gaps and those they triage."""
        return roles.public_posts(self)

    def open(self):
        return self.exclude(status__in=CLOSED)


class DataGap(index.Indexed, models.Model):
    """Statistics a member needs and cannot get, and what became of the need."""

    Status = Status

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="data_gaps"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="data_gaps",
        help_text=_("Empty once the member who raised it has left."),
    )
    title = models.CharField(max_length=150)
    measure = models.TextField(
        _("what is missing"),
        max_length=2000,
        help_text=_("The statistic or measure you cannot get."),
    )
    geography = models.CharField(
        max_length=300, blank=True, help_text=_("For example, local authority or ward.")
    )
    breakdown = models.CharField(
        max_length=300, blank=True, help_text=_("For example, by age, sex or tenure.")
    )
    frequency = models.CharField(
        _("frequency or timeliness"),
        max_length=300,
        blank=True,
        help_text=_("How often, or how soon after the period, you need it."),
    )
    purpose = models.TextField(
        _("what it would inform"),
        max_length=2000,
        help_text=_("The decision or work the statistics would inform."),
    )
    sector = models.CharField(
        max_length=30,
        blank=True,
        help_text=_("The sector of the member who raised it."),
    )
    topics = TaggableManager(_("topics"), through=TaggedDataGap, blank=True)
    statistics = models.ManyToManyField(
        "catalogue.Statistic", blank=True, related_name="data_gaps"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.RAISED, db_index=True
    )
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_gaps",
        help_text=_("The organisation that owns the response."),
    )
    owner_contact = models.ForeignKey(
        "themes.ThemeContact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_gaps",
    )
    target_date = models.DateField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    is_public = models.BooleanField(
        _("visible"),
        default=True,
        help_text=_("Off while a new member's gap waits for a producer or chair."),
    )
    # Kept on the gap so the register sorts and counts without a join per row.
    support_count = models.PositiveIntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_moved_at = models.DateTimeField(auto_now_add=True, db_index=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    waiting_flagged_at = models.DateTimeField(null=True, blank=True)

    objects = DataGapQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("measure"),
        index.FilterField("theme_id"),
        index.FilterField("status"),
        index.FilterField("is_public"),
    ]

    class Meta:
        ordering = ["-last_moved_at", "-pk"]
        permissions = [("triage_all_themes", _("Can triage data gaps in every theme"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "gaps:gap", kwargs={"theme_slug": self.theme.slug, "pk": self.pk}
        )

    def get_full_url(self):
        return full_url(self.get_absolute_url())

    @property
    def is_closed(self):
        return self.status in CLOSED

    def next_statuses(self):
        return NEXT_STATUSES[Status(self.status)]


class GapSupport(models.Model):
    """A member's "I need this too", with their own use if they give one."""

    gap = models.ForeignKey(DataGap, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gap_supports"
    )
    use_case = models.TextField(blank=True, max_length=1000)
    show_name = models.BooleanField(default=False)
    sector = models.CharField(max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gap", "user"], name="gaps_one_support_per_member"
            )
        ]

    def __str__(self):
        return f"{self.user} needs {self.gap}"


class GapFollow(models.Model):
    gap = models.ForeignKey(DataGap, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gap_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gap", "user"], name="gaps_one_follow_per_member"
            )
        ]

    def __str__(self):
        return f"{self.user} follows {self.gap}"


# The site's own note on a gap's first timeline entry: stored in English, shown in
# the reader's language (a triager's note is shown as they wrote it).
RAISED_NOTE = gettext_noop("Raised by a member.")


class GapUpdate(models.Model):
    """One entry in a gap's public timeline: raised, or a change with its note."""

    gap = models.ForeignKey(DataGap, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="gap_updates",
    )
    # The role and organisation they answered for, kept as it was then in each
    # language (services.answering_as): `shown_author_label`. Empty on a raise.
    author_labels = models.JSONField(default=dict, blank=True)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    note = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.gap}: {self.get_to_status_display()}"

    @property
    def shown_author_label(self):
        """Who answered, in the reader's language."""
        if not self.author_labels:
            return ""
        return words_in(self.author_labels, get_language())

    @property
    def shown_note(self):
        return gettext(self.note) if self.note == RAISED_NOTE else self.note
