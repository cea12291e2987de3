from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.translation import (
    default_language,
    in_reading_order,
    localize,
    of_record,
    sort_key,
    titled_in_language,
)
from search.documents import public_themes
from search.models import Kind
from search.query import Filters

RELEVANCE, NEWEST = "relevance", "newest"
DATE_HINT = _("For example, 2026-03-31")
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class SearchFilters(forms.Form):
    """The search's filters, a GET form as the registers' are. A value that is not
    one of the options is shown as an error and left out of the search."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    organisation = forms.ChoiceField(
        label=_("Answered by"),
        required=False,
        help_text=_("Posts by its producers."),
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        help_text=DATE_HINT,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _("Enter the date as year-month-day, like 2026-03-31.")
        },
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        help_text=DATE_HINT,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _("Enter the date as year-month-day, like 2026-03-31.")
        },
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(RELEVANCE, _("Relevance")), (NEWEST, _("Newest"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *Kind.choices]
        self.theme_ids = {}
        theme_choices = [("", _("All themes"))]
        # Named in the reader's language, in the order of those names (one query in
        # Welsh), as every theme filter (themes.forms.ThemeFilters).
        themes = in_reading_order(
            titled_in_language(public_themes().order_by("title")),
            lambda theme: theme.title_in_language,
        )
        for theme in themes:
            self.theme_ids[theme.slug] = theme.pk
            theme_choices.append((theme.slug, theme.title_in_language))
        self.fields["theme"].choices = theme_choices
        # Organisations have no slug: the address carries the organisation's number,
        # its row of record's; the reader sees its name in their language.
        producers = of_record(Organisation.objects).filter(
            kind=Organisation.Kind.PRODUCER
        )
        named = [
            (str(organisation.pk), organisation.localized.name)
            for organisation in localize(producers.order_by("name"))
        ]
        if get_language() != default_language():
            # In the order of the names the reader sees, in their alphabet.
            named.sort(key=lambda choice: sort_key(choice[1]))
        self.fields["organisation"].choices = [("", _("Any organisation")), *named]
        for form_field in self.fields.values():
            form_field.widget.attrs["class"] = "govuk-!-width-full"

    def clean(self):
        cleaned = super().clean()
        for name in ["date_from", "date_to"]:
            day = cleaned.get(name)
            if day and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                self.add_error(
                    name,
                    _("Enter a date between %(earliest)s and %(latest)s.")
                    % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
                )
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", _("The end date must be on or after the start date.")
            )
        return cleaned

    def chosen(self):
        """The valid, non-empty filters: a bad value drops out."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }

    def filters(self):
        chosen = self.chosen()
        return Filters(
            kind=chosen.get("kind", ""),
            theme_id=self.theme_ids.get(chosen.get("theme")),
            organisation_id=int(chosen["organisation"])
            if "organisation" in chosen
            else None,
            date_from=chosen.get("date_from"),
            date_to=chosen.get("date_to"),
            newest_first=chosen.get("sort") == NEWEST,
        )

    @property
    def is_filtered(self):
        return bool(
            {name: value for name, value in self.chosen().items() if name != "sort"}
        )
