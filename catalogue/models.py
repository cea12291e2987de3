"""Statistics people can point at: an output or series, who produces it, and who
to ask about it. Threads, gaps, consultations, meetings and actions name them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from themes.models.pages import ContactDetails


class Status(models.TextChoices):
    """The statuses the Code of Practice for Statistics gives an output."""

    ACCREDITED = "accredited", _("Accredited official statistics")
    OFFICIAL = "official", _("Official statistics")
    IN_DEVELOPMENT = "in_development", _("Official statistics in development")
    MANAGEMENT_INFORMATION = "management_information", _("Management information")


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_YEARLY = "twice_yearly", _("Twice a year")
    ANNUAL = "annual", _("Annual")
    BIENNIAL = "biennial", _("Every two years")
    DECENNIAL = "decennial", _("Every ten years")
    AD_HOC = "ad_hoc", _("Ad hoc")


class StatisticQuerySet(models.QuerySet):
    def produced_by(self, organisations):
        return self.filter(producer__in=organisations)


class Statistic(index.Indexed, ClusterableModel):
    """An output or series of statistics, such as the Labour Force Survey."""

    Status = Status
    Cadence = Cadence

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text=_(
            "Its address on this site: /statistics/<slug>/. Letters, numbers "
            "and hyphens."
        ),
    )
    description = models.TextField(
        max_length=600,
        help_text=_(
            "One or two sentences on what it measures, shown in lists and "
            "search results."
        ),
    )
    producer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="statistics",
        help_text=_("The organisation that produces it."),
    )
    producer_reference = models.CharField(
        _("producer's own id"),
        max_length=100,
        blank=True,
        help_text=_(
            "The id the producer uses for it, if any: a re-import matches on it."
        ),
    )
    status = models.CharField(max_length=30, choices=Status.choices)
    cadence = models.CharField(
        _("release cadence"), max_length=20, choices=Cadence.choices
    )
    next_release = models.DateField(_("next release date"), null=True, blank=True)
    themes = ParentalManyToManyField(
        "themes.ThemePage", blank=True, related_name="statistics"
    )
    producer_url = models.URLField(
        _("producer's page"),
        max_length=500,
        help_text=_("The page about it on the producer's own website."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatisticQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("producer"), FieldPanel("producer_reference")]),
        FieldRowPanel(
            [FieldPanel("status"), FieldPanel("cadence"), FieldPanel("next_release")]
        ),
        FieldPanel("themes"),
        FieldPanel("producer_url"),
        InlinePanel("contacts", heading=_("Contacts"), label=_("Contact")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("producer"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "producer_reference"],
                condition=~models.Q(producer_reference=""),
                name="catalogue_one_reference_per_producer",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:statistic", kwargs={"slug": self.slug})

    @staticmethod
    def slug_for(name):
        return slugify(name)[:100].strip("-")


class StatisticContact(ContactDetails, Orderable):
    """Someone at the producer users can ask about the statistic."""

    statistic = ParentalKey(
        Statistic, on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statistic_contacts",
        help_text=_("Link to the contact's account on this site, if they have one."),
    )
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("user"),
    ]

    class Meta(Orderable.Meta):
        pass


class StatisticFollow(models.Model):
    """A member who hears of new discussions and data gaps naming a statistic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="statistic_follows",
    )
    statistic = models.ForeignKey(
        Statistic, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "statistic"], name="catalogue_one_follow"
            )
        ]

    def __str__(self):
        return f"{self.user} follows {self.statistic}"
