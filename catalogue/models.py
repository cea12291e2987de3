"""Statistics people can point at: an output or series, who produces it, and who
to ask about it. Threads, gaps, consultations, meetings and actions name them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translation import (
    LocalizedInBulk,
    in_language_of_record,
    taken_in_its_locale,
)
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


class Statistic(LocalizedInBulk, TranslatableMixin, index.Indexed, ClusterableModel):
    """An output or series of statistics, such as the Labour Force Survey. Its name
    and description may have a Welsh translation (wagtail-localize): a row in the
    Welsh locale holding the words only. Its contacts, themes, follows and everything
    naming it belong to the English row, the one of record (core/translation.py)."""

    Status = Status
    Cadence = Cadence

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
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
        limit_choices_to=in_language_of_record,
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
        index.FilterField("locale"),
        # Wagtail's chooser searches in one language: locale__language_code.
        index.RelatedFields("locale", [index.FilterField("language_code")]),
    ]

    # The words translate; what identifies it (its address, its producer, the
    # producer's id and page) and what describes it in choices is the same thing in
    # Welsh, copied from the English row whenever the translation is synchronised.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("producer", overridable=False),
        SynchronizedField("producer_reference", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("cadence", overridable=False),
        SynchronizedField("next_release", overridable=False),
        SynchronizedField("producer_url", overridable=False),
    ]
    # A translation is words only: the contacts and themes stay with the English row.
    exclude_fields_in_copy = ["contacts", "themes"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        # Unique in each language: a translation shares its English row's address
        # and producer's id.
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="catalogue_one_statistic_per_slug"
            ),
            models.UniqueConstraint(
                fields=["producer", "producer_reference", "locale"],
                condition=~models.Q(producer_reference=""),
                name="catalogue_one_reference_per_producer",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:statistic", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if taken_in_its_locale(self, "slug"):
            raise ValidationError(
                {"slug": _("Another statistic has this address: choose another.")}
            )

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
    # Set by the contact's own signed link in a question's email (contact_emails.py):
    # questions naming the statistic are no longer emailed to them. Never by editors.
    emails_stopped_at = models.DateTimeField(
        _("asked us to stop emailing them"),
        null=True,
        blank=True,
        help_text=_(
            "When this contact used the link in an email to stop emails about "
            "questions on this statistic. Questions are no longer emailed to them, "
            "unless they are linked to an account, whose email preferences decide."
        ),
    )
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("user"),
        FieldPanel("emails_stopped_at", read_only=True),
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
