"""Admin forms that appoint chairs and producers and decide producer requests."""

from django import forms
from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import IdChoiceField
from themes.models import ProducerRequest, ThemePage, ThemeRole
from themes.roles import holds_role


class ThemeRoleCreateForm(WagtailAdminModelForm):
    member_email = forms.EmailField(
        label="Member's email address",
        help_text="They must have an account on statsforum already.",
    )

    class Meta:
        model = ThemeRole
        fields = ["theme", "member_email", "role", "organisation", "job_title"]
        field_classes = {"theme": IdChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = ThemePage.objects.order_by("title")

    def clean_member_email(self):
        email = self.cleaned_data["member_email"]
        member = (
            get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        )
        if member is None:
            raise forms.ValidationError(
                "No member has this email address. Ask them to sign up first."
            )
        return member

    def clean(self):
        cleaned = super().clean()
        member, theme, role = (
            cleaned.get("member_email"),
            cleaned.get("theme"),
            cleaned.get("role"),
        )
        if member and theme and role and holds_role(member, theme, role):
            raise forms.ValidationError("This member already has this role here.")
        return cleaned


class ThemeRoleEditForm(WagtailAdminModelForm):
    class Meta:
        model = ThemeRole
        fields = ["organisation", "job_title"]


class ProducerDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("decline", "Decline")],
        widget=forms.RadioSelect,
        help_text="The member is emailed either way.",
    )

    class Meta:
        model = ProducerRequest
        fields = ["decision_note"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.status != ProducerRequest.Status.PENDING:
            raise forms.ValidationError("This request has already been decided.")
        if cleaned.get("decision") == "decline" and not cleaned.get("decision_note"):
            self.add_error(
                "decision_note", "Tell the member why you are declining their request."
            )
        return cleaned
