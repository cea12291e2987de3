from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from catalogue import imports, permissions
from catalogue.listing import in_language
from catalogue.models import Statistic, Status
from core.forms import (
    IdMultipleChoiceField,
    InLanguageChoiceField,
    InLanguageChoices,
)
from core.translation import of_record
from themes.forms import ThemeFilters


class ImportForm(forms.Form):
    """Upload a producer's CSV; the preview sends its text back as `text`."""

    producer = InLanguageChoiceField(
        label=_("Producer"),
        queryset=Organisation.objects.none(),
        help_text=_("Every row is a statistic of this organisation."),
        error_messages={"required": _("Choose the producer whose list this is.")},
    )
    csv_file = forms.FileField(
        label=_("CSV file"),
        required=False,
        # Not clearable: there is nothing stored to clear, and "clear" would
        # come back as False instead of a file.
        widget=forms.FileInput,
        help_text=format_lazy(
            _(
                "Columns: {columns}. Status and cadence as written on this site; "
                "themes as their slugs separated by semicolons; dates as 2027-01-31. "
                "Contacts: several separated by semicolons, in the same order in each "
                "contact column; leave them empty to keep the contacts a statistic "
                "has. Up to 1 MB."
            ),
            columns=", ".join(imports.COLUMNS),
        ),
    )
    text = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.has_perm("catalogue.add_statistic"):
            producers = of_record(Organisation.objects).filter(
                kind=Organisation.Kind.PRODUCER
            )
        else:
            producers = permissions.organisations_managed_by(user)
        self.fields["producer"].queryset = producers.order_by("name")

    def clean(self):
        data = super().clean()
        upload = data.get("csv_file")
        try:
            if upload:
                # Read one byte more than allowed: enough to know it is too big.
                data["text"] = imports.decode(upload.read(imports.MAX_BYTES + 1))
            elif data.get("text"):
                data["text"] = imports.decode(data["text"].encode())
            else:
                self.add_error("csv_file", _("Choose a CSV file to import."))
        except imports.ImportRefused as refusal:
            self.add_error("csv_file", str(refusal))
        return data


class StatisticFilters(ThemeFilters):
    """The /statistics/ list's filters, the API's too: theme, producer, status."""

    producer = InLanguageChoiceField(
        label=_("Producer"),
        queryset=None,
        required=False,
        empty_label=_("Any producer"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *Status.choices],
        required=False,
    )

    def __init__(self, *args, producers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = producers


class StatisticChoiceField(InLanguageChoices, IdMultipleChoiceField):
    """The statistics a thread or gap is about: a checkbox list that works without
    JavaScript, enhanced into an autocomplete."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "queryset", of_record(Statistic.objects).select_related("producer")
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Which statistics is it about? (optional)"))
        kwargs.setdefault(
            "help_text",
            _(
                "Choose any this is about: their producers see it, and members who "
                "follow them hear of it."
            ),
        )
        # The words of the finder choose-statistics.js adds above the list.
        kwargs.setdefault(
            "widget",
            forms.CheckboxSelectMultiple(
                attrs={
                    "data-find-label": _("Find a statistic"),
                    "data-find-hint": _(
                        "Type part of its name, then choose it from the list below."
                    ),
                    "data-shown-one": _("%(count)s statistic shown"),
                    "data-shown-many": _("%(count)s statistics shown"),
                    "data-chosen": _("%(name)s chosen"),
                }
            ),
        )
        super().__init__(**kwargs)

    def localize_choices(self, objects):
        return in_language(objects)

    def label_from_instance(self, obj):
        return _("%(name)s (%(producer)s)") % {
            "name": obj.localized.name,
            "producer": obj.producer.localized.short_name,
        }


class NamesStatistics:
    """For a thread's or a gap's form (`theme=` given, or the instance's): the
    statistics it is about, offered from its theme's, and any already named."""

    def __init__(self, *args, theme=None, **kwargs):
        super().__init__(*args, **kwargs)
        theme = theme or getattr(self.instance, "theme", None)
        offered = Statistic.objects.filter(themes=theme)
        if self.instance.pk:
            offered |= Statistic.objects.filter(pk__in=self.instance.statistics.all())
        self.fields["statistics"] = StatisticChoiceField(
            queryset=offered.distinct().select_related("producer").order_by("name")
        )
        if not self.fields["statistics"].queryset.exists():
            del self.fields["statistics"]
