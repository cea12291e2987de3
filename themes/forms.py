from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import NotificationPreference, Organisation
from core.forms import InLanguageChoiceField, ListFilters, RefuseControlCharacters
from core.translation import in_reading_order, of_record, titled_in_language
from themes.models import ProducerRequest


class ProducerRequestForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = ProducerRequest
        fields = ["organisation", "job_title", "reason"]
        field_classes = {"organisation": InLanguageChoiceField}
        labels = {
            "organisation": _("Which organisation do you produce statistics for?"),
            "job_title": _("Your job title"),
        }
        help_texts = {
            "job_title": _("For example: Head of Migration Statistics."),
            "reason": _("Optional. Say which statistics you work on."),
        }
        widgets = {"reason": forms.Textarea({"rows": 4})}
        error_messages = {
            "organisation": {"required": _("Choose your organisation.")},
            "job_title": {"required": _("Enter your job title.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = of_record(Organisation.objects).filter(
            kind=Organisation.Kind.PRODUCER
        )
        self.fields["organisation"].empty_label = _("Choose an organisation")


class ThemeFilters(ListFilters):
    """The filters of a list that may span themes. `themes` are the theme pages
    offered; None for a list of one theme's things, which has no theme filter."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = themes
        if themes is None:
            del self.fields["theme"]
        else:
            # Each named in the reader's language, in the order of those names: one
            # query in Welsh, however many themes and forms.
            themes = in_reading_order(
                titled_in_language(themes), lambda theme: theme.title_in_language
            )
            self.fields["theme"].choices = [
                ("", _("All themes")),
                *((theme.slug, theme.title_in_language) for theme in themes),
            ]

    def chosen_theme(self):
        """The theme page chosen, or None."""
        slug = self.chosen().get("theme")
        return next((theme for theme in self.themes or () if theme.slug == slug), None)


class JoinThemeForm(forms.Form):
    """Joining, a member chooses how often they hear of the theme's activity."""

    frequency = forms.ChoiceField(
        label=_("How often should we email you about this theme's activity?"),
        choices=NotificationPreference.Frequency.choices,
        initial=NotificationPreference.Frequency.DAILY,
        required=False,
        widget=forms.RadioSelect,
    )
