from django import forms

from core.forms import RefuseControlCharacters

# The form's prefix on an outcome's page, beside that page's own forms.
ON_THE_PAGE = "satisfaction"


class SatisfactionForm(RefuseControlCharacters, forms.Form):
    satisfied = forms.TypedChoiceField(
        label="Did this meet your need?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if this met your need"},
    )
    comment = forms.CharField(
        label="Anything you want to add (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The producers read this. Do not include personal information.",
    )
