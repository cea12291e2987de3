from django import forms

from core.forms import RefuseControlCharacters


class RegistrationForm(RefuseControlCharacters, forms.Form):
    access_needs = forms.CharField(
        label="Access needs (optional)",
        help_text="Anything we should arrange so you can take part, such as step-free "
        "access or captions. Only the meeting's chairs see this.",
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 3}),
    )
