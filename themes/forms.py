from django import forms

from accounts.models import NotificationPreference, Organisation
from core.forms import RefuseControlCharacters
from themes.models import ProducerRequest


class ProducerRequestForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = ProducerRequest
        fields = ["organisation", "job_title", "reason"]
        labels = {
            "organisation": "Which organisation do you produce statistics for?",
            "job_title": "Your job title",
        }
        help_texts = {
            "job_title": "For example: Head of Migration Statistics.",
            "reason": "Optional. Say which statistics you work on.",
        }
        widgets = {"reason": forms.Textarea({"rows": 4})}
        error_messages = {
            "organisation": {"required": "Choose your organisation."},
            "job_title": {"required": "Enter your job title."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.PRODUCER
        )
        self.fields["organisation"].empty_label = "Choose an organisation"


class JoinThemeForm(forms.Form):
    """Joining, a member chooses how often they hear of the theme's activity."""

    frequency = forms.ChoiceField(
        label="How often should we email you about this theme's activity?",
        choices=NotificationPreference.Frequency.choices,
        initial=NotificationPreference.Frequency.DAILY,
        required=False,
        widget=forms.RadioSelect,
    )
