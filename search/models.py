from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUESTION = "question", _("Question")
    DISCUSSION = "discussion", _("Discussion")
    REPLY = "reply", _("Reply")
    DATA_GAP = "data_gap", _("Data gap")
    CONSULTATION = "consultation", _("Consultation")
    RESPONSE = "response", _("Consultation response")
    MEETING = "meeting", _("Meeting")
    MINUTES = "minutes", _("Minutes")
    STATISTIC = "statistic", _("Statistic")
    THEME = "theme", _("Theme page")
    PAGE = "page", _("Page")


class Source(models.TextChoices):
    """The table a document copies: its object_id is a row there."""

    THREAD = "thread"
    REPLY = "reply"
    DATA_GAP = "data_gap"
    RESPONSE = "response"
    PAGE = "page"
    STATISTIC = "statistic"


class SearchDocument(models.Model):
    """One thing the search finds, copied in plain text with what its filters and
    its result need, so one query ranks and filters everything.

    A row exists only for content that somebody may see: nothing deleted, erased,
    unpublished, withheld, or in a private page or theme. Held and hidden posts keep
    a row with `is_public` off, for their author and the theme's moderators, as the
    features' own `posts_visible_to` rule says.
    """

    source = models.CharField(max_length=20, choices=Source.choices)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    theme = models.ForeignKey(
        "themes.ThemePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who a published consultation response is from, as its author agreed.
    who = models.CharField(max_length=300, blank=True)
    # The author's role in the theme when they posted (producer, chair) and the
    # organisation they answer for: the badge, and the "what did ONS say" filter.
    role = models.CharField(max_length=20, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_public = models.BooleanField(default=True)
    # Published consultation responses are shown once the consultation closes.
    visible_from = models.DateTimeField(null=True, blank=True)
    # PostgreSQL only (GIN-indexed by migration 0002); empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="search_one_document_per_object"
            )
        ]
        indexes = [
            models.Index(fields=["-date"], name="search_document_newest"),
            models.Index(fields=["theme", "kind"], name="search_document_theme"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def role_held(self):
        """Itself, for the author include (`role.role`, `role.organisation`), when
        the author held a role; None otherwise."""
        return self if self.role else None

    @property
    def is_post(self):
        return self.source in {Source.THREAD, Source.REPLY, Source.DATA_GAP}
