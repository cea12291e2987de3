from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import RefuseControlCharacters

# The form's prefix on an outcome's page, beside that page's own forms.
ON_THE_PAGE = "satisfaction"


class SatisfactionForm(RefuseControlCharacters, forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Did this meet your need?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if this met your need")},
    )
    comment = forms.CharField(
        label=_("Anything you want to add (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The producers read this. Do not include personal information."),
    )
