"""A data-gap register, a theme's or every theme's, with the filters asked for: the
page, its downloads and its feed all read the gaps from here."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts.models import Organisation
from core.translation import of_record
from gaps.models import DataGap, Status, TaggedDataGap
from themes.forms import ThemeFilters
from themes.models import ThemePage
from themes.roles import public_themes

OPEN = "open"
SORTS = {
    "updated": ["-last_moved_at", "-pk"],
    "supported": ["-support_count", "-last_moved_at", "-pk"],
    "newest": ["-created_at", "-pk"],
}
DEFAULT_SORT = "updated"


name_in_language = lazy(lambda organisation: organisation.localized.name, str)


class RegisterFilters(ThemeFilters):
    """The register's filters; only the site-wide register filters by theme."""

    field_order = ["status", "organisation", "theme", "tag", "sort"]

    status = forms.ChoiceField(label=_("Status"), required=False)
    organisation = forms.ChoiceField(label=_("Owned by"), required=False)
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("updated", _("Recently updated")),
            ("supported", _("Most supported")),
            ("newest", _("Newest")),
        ],
    )

    def __init__(self, *args, organisations, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Any status")),
            (OPEN, _("Open (not yet closed)")),
            *Status.choices,
        ]
        # Organisations have no slug: the address carries the organisation's number,
        # its row of record's. Each is named in the reader's language when shown,
        # once the page has found the translations (`localize`) with its gaps'.
        self.fields["organisation"].choices = [
            ("", _("Any organisation")),
            *((str(each.pk), name_in_language(each)) for each in organisations),
        ]
        self.fields["tag"].choices = [("", _("Any topic")), *tags]
        for form_field in self.fields.values():
            form_field.widget.attrs["class"] = "govuk-!-width-full"


@dataclass
class Register:
    """One register (a theme's, or every theme's) with the filters asked for."""

    theme: ThemePage | None
    scope: QuerySet
    choices: dict
    # The address this request came to ("https://example.org"), for full URLs.
    site_url: str
    filters: dict = field(default_factory=dict)

    def gaps(self):
        """The gaps that pass the filters, in the order asked for."""
        gaps = self.scope
        status = self.filters.get("status")
        if status == OPEN:
            gaps = gaps.open()
        elif status:
            gaps = gaps.filter(status=status)
        if "organisation" in self.filters:
            gaps = gaps.filter(owner_organisation_id=int(self.filters["organisation"]))
        if "theme" in self.filters:
            gaps = gaps.filter(theme__slug=self.filters["theme"])
        if "tag" in self.filters:
            gaps = gaps.filter(topics__slug=self.filters["tag"])
        return gaps.order_by(*SORTS[self.sort])

    @property
    def sort(self):
        return self.filters.get("sort", DEFAULT_SORT)

    @property
    def is_filtered(self):
        return any(name != "sort" for name in self.filters)

    def form(self):
        """The filter form for the page, showing the filters in force."""
        return RegisterFilters(
            initial={"sort": self.sort, **self.filters}, **self.choices
        )

    def query(self, **extra):
        """The filters as a query string, for links that should keep them."""
        query = urlencode({**self.filters, **extra})
        return f"?{query}" if query else ""

    def page_url(self):
        if self.theme:
            return reverse("gaps:register", kwargs={"theme_slug": self.theme.slug})
        return reverse("gaps:all")

    def feed_url(self):
        if self.theme:
            return reverse("gaps:register_feed", kwargs={"theme_slug": self.theme.slug})
        return reverse("gaps:all_feed")

    def filename(self, extension):
        prefix = f"{self.theme.slug}-" if self.theme else ""
        return f"{prefix}data-gaps.{extension}"


def register_of(theme, query, site_url):
    """A theme's register (every theme's when `theme` is None), filtered by `query`,
    the page's query string; `site_url` ("https://example.org") makes full URLs."""
    if theme is None:
        themes = public_themes()
        scope = DataGap.objects.visible()
        choices = filter_choices(scope, themes)
    else:
        scope = DataGap.objects.visible().filter(theme=theme)
        choices = filter_choices(scope, None)
    return Register(
        theme=theme,
        scope=scope,
        choices=choices,
        site_url=site_url,
        filters=RegisterFilters(query, **choices).chosen(),
    )


def filter_choices(scope, themes):
    """The options worth offering: only what the register's gaps use."""
    organisations = of_record(Organisation.objects).filter(
        Exists(scope.filter(owner_organisation=OuterRef("pk")))
    )
    tagged = TaggedDataGap.objects.filter(
        tag=OuterRef("pk"), content_object__in=scope.values("pk")
    )
    tags = (
        Tag.objects.filter(Exists(tagged)).order_by("name").values_list("slug", "name")
    )
    choices = {"organisations": list(organisations), "tags": list(tags)}
    if themes is not None:
        choices["themes"] = list(themes.order_by("title"))
    return choices
