from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SetPasswordForm as AllauthSetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateCodeForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from allauth.mfa.webauthn.forms import AddWebAuthnForm as AllauthAddWebAuthnForm
from allauth.mfa.webauthn.forms import EditWebAuthnForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import NotificationPreference, Organisation, User
from accounts.notifications import registered_kinds
from core.forms import InLanguageChoiceField, RefuseControlCharacters, TagsField
from core.translation import of_record, titled_in_language

EMAIL_ERRORS = {
    "required": _("Enter your email address."),
    "invalid": _("Enter an email address in the right form, like name@example.org."),
}


class SignupForm(RefuseControlCharacters, AllauthSignupForm):
    """allauth's sign-up form, with a member's name and GOV.UK wording."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
        error_messages={"required": _("Enter your last name.")},
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Email address")
        email.help_text = _("We will send you a link to confirm it.")
        email.error_messages.update(EMAIL_ERRORS)
        password1 = self.fields["password1"]
        password1.label = _("Create a password")
        password1.help_text = _(
            "At least 10 characters. Three or four unrelated words make a strong one."
        )
        password1.error_messages["required"] = _("Create a password.")
        password2 = self.fields["password2"]
        password2.label = _("Confirm your password")
        password2.error_messages["required"] = _("Confirm your password.")


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Email address")
        login.error_messages.update(EMAIL_ERRORS)
        self.fields["password"].error_messages["required"] = _("Enter your password.")
        self.fields["password"].help_text = ""
        self.fields["remember"].label = _("Keep me signed in on this device")


class ReauthenticateForm(AllauthReauthenticateForm):
    """Confirm it is you with your password, in GOV.UK words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields["password"]
        password.label = _("Password")
        password.help_text = ""
        password.error_messages["required"] = _("Enter your password.")


def ask_for_a_code(form, label):
    """allauth's code field in GOV.UK words: a label, no placeholder."""
    code = form.fields["code"]
    code.label = label
    code.widget.attrs.pop("placeholder", None)
    code.error_messages["required"] = _("Enter the code.")


class ReauthenticateCodeForm(AllauthReauthenticateCodeForm):
    """Confirm it is you with a code, in GOV.UK words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ask_for_a_code(self, _("Code from your authenticator app, or a recovery code"))


class AuthenticateForm(AllauthAuthenticateForm):
    """The second step of signing in: allauth's, its label from our catalogue."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ask_for_a_code(self, _("Code"))


class EditPasskeyForm(EditWebAuthnForm):
    """Rename a passkey."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.label = _("Name")
        name.error_messages["required"] = _("Enter a name for your passkey.")


def new_password_fields(form, label, again_label):
    """A new password and its repeat, as the sign-up form words them."""
    password1 = form.fields["password1"]
    password1.label = label
    password1.help_text = _(
        "At least 10 characters. Three or four unrelated words make a strong one."
    )
    password1.error_messages["required"] = _("Create a password.")
    password2 = form.fields["password2"]
    password2.label = again_label
    password2.error_messages["required"] = _("Confirm your password.")


class ChangePasswordForm(AllauthChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.fields["oldpassword"]
        current.label = _("Current password")
        # The page links to resetting a forgotten password itself.
        current.help_text = ""
        current.error_messages["required"] = _("Enter your current password.")
        new_password_fields(self, _("New password"), _("Confirm your new password"))


class SetPasswordForm(AllauthSetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new_password_fields(self, _("Create a password"), _("Confirm your password"))


class ResetPasswordForm(AllauthResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Email address")
        email.error_messages.update(EMAIL_ERRORS)


class ResetPasswordKeyForm(AllauthResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new_password_fields(self, _("New password"), _("Confirm your new password"))


class AddEmailForm(AllauthAddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Email address")
        email.help_text = _("We will send you a link to confirm it.")
        email.error_messages.update(EMAIL_ERRORS)


class ActivateAuthenticatorForm(AllauthActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ask_for_a_code(self, _("Code from your authenticator app"))


class AddPasskeyForm(AllauthAddWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.label = _("Name")
        name.help_text = _(
            "A name that tells you which device or key it is, such as “Work laptop”."
        )


class ProfileForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = User
        field_classes = {"expertise": TagsField, "organisation": InLanguageChoiceField}
        fields = [
            "first_name",
            "last_name",
            "display_name",
            "organisation",
            "organisation_name",
            "sector",
            "expertise",
            "bio",
        ]
        labels = {
            "display_name": _("Display name"),
            "organisation": _("Organisation"),
            "organisation_name": _("Or, if it is not in the list, type its name"),
            "sector": _("Which best describes you?"),
        }
        help_texts = {
            "organisation": _("Leave it empty if you take part as an individual."),
            "bio": _(
                "What you use statistics for, in up to 1,000 characters. "
                "Other members can read this."
            ),
        }
        widgets = {
            "sector": forms.RadioSelect,
            "bio": forms.Textarea({"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["organisation"].queryset = of_record(Organisation.objects)
        self.fields["organisation"].empty_label = _("Choose an organisation")
        self.fields["sector"].choices = User.Sector.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") and cleaned.get("organisation_name"):
            self.add_error(
                "organisation_name",
                _("Choose an organisation from the list or type its name, not both."),
            )
        return cleaned


SCHEDULED_LABELS = {"daily": _("Daily"), "weekly": _("Weekly, on Mondays")}


def frequency_choices(kind):
    """Every frequency, or for a kind its own job sends, that cadence or off."""
    if kind.scheduled:
        return [
            (kind.scheduled, SCHEDULED_LABELS[kind.scheduled]),
            (NotificationPreference.Frequency.OFF, _("Off")),
        ]
    return NotificationPreference.Frequency.choices


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of notification, and per joined theme for theme activity;
    and the time of the member's digests."""

    digest_time = forms.TimeField(
        label=_("What time should your digests come?"),
        help_text=_(
            "UK time, as hours and minutes, for example 07:00 or 18:30. Daily "
            "digests come every day at this time, weekly ones on Mondays."
        ),
        input_formats=["%H:%M"],
        # Left out of the form, as each choice below, it keeps its current value.
        required=False,
        widget=forms.TimeInput(
            format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}
        ),
        error_messages={
            "invalid": _(
                "Enter a time as hours and minutes on the 24-hour clock, "
                "like 07:00 or 18:30."
            ),
        },
    )

    email_language = forms.ChoiceField(
        label=_("Which language should we email you in?"),
        choices=settings.LANGUAGES,
        # Left out of the form, it keeps its current value.
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, user, themes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["digest_time"].initial = user.digest_time
        self.fields["email_language"].initial = user.email_language
        self.rows = []
        current = {
            (p.kind, p.theme_id): p.frequency
            for p in NotificationPreference.objects.filter(user=user)
        }
        # Each theme in the reader's language: one query for them all.
        themes = titled_in_language(themes)
        for kind in registered_kinds():
            if not kind.optional or kind.digest_of:
                continue
            for theme in themes if kind.per_theme else [None]:
                name = f"{kind.key}__{theme.pk}" if theme else kind.key
                label = (
                    f"{kind.label}: {theme.title_in_language}" if theme else kind.label
                )
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    help_text=kind.description,
                    choices=frequency_choices(kind),
                    # A choice left out of the form keeps its current value.
                    required=False,
                    initial=current.get(
                        (kind.key, theme.pk if theme else None), kind.default
                    ),
                    widget=forms.RadioSelect(
                        {"class": "govuk-radios--inline govuk-radios--small"}
                    ),
                )
                self.rows.append((name, kind, theme))


class DeleteAccountForm(forms.Form):
    posts = forms.ChoiceField(
        label=_("What should happen to what you have posted in public?"),
        choices=[
            ("keep", _("Keep my posts, shown as written by 'a former member'")),
            ("remove", _("Remove my posts")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what should happen to your posts.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To make sure it is you."),
        widget=forms.PasswordInput({"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password

    @property
    def keep_public_posts(self):
        return self.cleaned_data["posts"] == "keep"
