from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import RefuseControlCharacters
from events.models import EventPage
from themes.forms import ThemeFilters

PAST = "past"


class RegistrationForm(RefuseControlCharacters, forms.Form):
    access_needs = forms.CharField(
        label=_("Access needs (optional)"),
        help_text=_(
            "Anything we should arrange so you can take part, such as step-free "
            "access or captions. Only the meeting's chairs see this."
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 3}),
    )


class MeetingFilters(ThemeFilters):
    """The meetings list's filters: upcoming or past meetings, theme and format."""

    # Set by the link between upcoming and past meetings; filtering keeps it.
    when = forms.ChoiceField(
        choices=[(PAST, _("Past meetings"))], required=False, widget=forms.HiddenInput
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Any format")), *EventPage.Format.choices],
    )
