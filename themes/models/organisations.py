from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """A body that produces official statistics or represents their users."""

    class Kind(models.TextChoices):
        PRODUCER = "producer", "Producer body"
        USER = "user", "User body"

    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=20, blank=True)
    website = models.URLField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PRODUCER)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("website"),
        FieldPanel("kind"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name
