from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from catalogue.forms import NamesStatistics
from core.forms import InLanguageChoiceField, RefuseControlCharacters, TagsField
from core.translation import of_record
from gaps.models import DataGap, Status
from themes.models import ThemeContact


class GapForm(NamesStatistics, RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = DataGap
        field_classes = {"topics": TagsField}
        fields = [
            "title",
            "measure",
            "geography",
            "breakdown",
            "frequency",
            "purpose",
            "topics",
            "statistics",
        ]
        labels = {
            "title": _("Title"),
            "measure": _("What statistics are missing?"),
            "geography": _("For what areas (optional)"),
            "breakdown": _("Broken down by (optional)"),
            "frequency": _("How often or how soon (optional)"),
            "purpose": _("What decision or work would they inform?"),
            "topics": _("Topics (optional)"),
        }
        help_texts = {
            "title": _("A short summary, such as 'Overcrowding by local authority'."),
            "measure": _(
                "The measure you need and cannot find, as exactly as you can."
            ),
            "topics": _(
                "Separate topics with commas, for example: housing, small areas."
            ),
        }
        widgets = {
            "measure": forms.Textarea({"rows": 5}),
            "purpose": forms.Textarea({"rows": 5}),
        }
        error_messages = {
            "title": {"required": _("Enter a title.")},
            "measure": {"required": _("Say which statistics are missing.")},
            "purpose": {"required": _("Say what the statistics would inform.")},
        }


class SupportForm(RefuseControlCharacters, forms.Form):
    use_case = forms.CharField(
        label=_("How would you use them? (optional)"),
        help_text=_(
            "Your own use helps producers judge the need. Up to 1,000 characters."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 4}),
    )
    show_name = forms.BooleanField(
        label=_("Show my name beside my use case"),
        help_text=_("Otherwise only your sector is shown."),
        required=False,
    )


class GapChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(title)s (%(status)s)") % {
            "title": obj.title,
            "status": obj.get_status_display().lower(),
        }


class TriageForm(RefuseControlCharacters, forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the new status."),
            "invalid_choice": _(
                "Choose one of the statuses offered: the gap cannot "
                "move to that one from where it is now."
            ),
        },
    )
    duplicate_of = GapChoiceField(
        label=_("Duplicate of"),
        help_text=_(
            "Only for the status Duplicate: its supporters and followers move "
            "to the gap you choose here."
        ),
        queryset=DataGap.objects.none(),
        required=False,
        empty_label=_("Not a duplicate"),
    )
    note = forms.CharField(
        label=_("Public note"),
        help_text=_(
            "Everyone can read this on the gap's timeline, and the people who "
            "need the gap are emailed it."
        ),
        max_length=4000,
        widget=forms.Textarea({"rows": 5}),
        error_messages={
            "required": _("Write a note saying why: members will read it."),
            "max_length": _("Keep the note to 4,000 characters or fewer."),
        },
    )
    owner_organisation = InLanguageChoiceField(
        label=_("Owning organisation (optional)"),
        queryset=of_record(Organisation.objects).order_by("name"),
        required=False,
        empty_label=_("None yet"),
    )
    owner_contact = forms.ModelChoiceField(
        label=_("Contact (optional)"),
        help_text=_("One of the theme's contacts, who members can ask about the gap."),
        queryset=ThemeContact.objects.none(),
        required=False,
        empty_label=_("None yet"),
    )
    target_date = forms.DateField(
        label=_("Target date (optional)"),
        help_text=_("For example, 31/3/2027."),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y"),
        error_messages={"invalid": _("Enter the target date as day/month/year.")},
    )

    def __init__(self, *args, gap, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("owner_organisation", gap.owner_organisation_id)
        initial.setdefault("owner_contact", gap.owner_contact_id)
        initial.setdefault("target_date", gap.target_date)
        super().__init__(*args, **kwargs)
        self.gap = gap
        # Only the moves that make sense from here are offered.
        self.fields["status"].choices = [
            (status.value, status.label) for status in gap.next_statuses()
        ]
        if Status.DUPLICATE in gap.next_statuses():
            self.fields["duplicate_of"].queryset = (
                DataGap.objects.filter(theme=gap.theme)
                .exclude(pk=gap.pk)
                .exclude(status=Status.DUPLICATE)
                .order_by("title")
            )
        else:
            del self.fields["duplicate_of"]
        self.fields["owner_contact"].queryset = ThemeContact.objects.filter(
            theme=gap.theme
        )

    @property
    def can_move(self):
        """False once the gap has nowhere left to go (a duplicate)."""
        return bool(self.fields["status"].choices)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == Status.DUPLICATE and not cleaned_data.get(
            "duplicate_of"
        ):
            self.add_error("duplicate_of", _("Choose the gap this one duplicates."))
        return cleaned_data

    def add_service_errors(self, error):
        """Show a ValidationError from services.change_status on its fields."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)

    def changes(self):
        """The keyword arguments for services.change_status."""
        data = self.cleaned_data
        is_duplicate = data["status"] == Status.DUPLICATE
        return {
            "status": data["status"],
            "note": data["note"],
            # A gap chosen by mistake for any other status is ignored.
            "duplicate_of": data.get("duplicate_of") if is_duplicate else None,
            "owner_organisation": data["owner_organisation"],
            "owner_contact": data["owner_contact"],
            "target_date": data["target_date"],
        }
