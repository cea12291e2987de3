from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.emails import in_language, language_of, queue_email, site_url

# allauth's names for the other ways to confirm it is you, in our words.
REAUTHENTICATION_DESCRIPTIONS = {
    "reauthenticate": _("Use your password"),
    "reauthenticate_by_code": _("Email me a code"),
    "mfa_reauthenticate": _(
        "Use a code from your authenticator app or a recovery code"
    ),
    "mfa_reauthenticate:webauthn": _("Use a passkey"),
}


class AccountAdapter(DefaultAccountAdapter):
    # allauth's refusals a member can meet, in our words: allauth has no Welsh, and
    # our catalogue translates only what our own source marks.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account has been closed."),
        "cannot_remove_primary_email": _(
            "You cannot remove your main email address. Make another address your "
            "main one first."
        ),
        "duplicate_email": _("This email address is already on your account."),
        "email_password_mismatch": _(
            "The email address or password is not right. Check them and try again."
        ),
        "enter_current_password": _("Your current password is not right."),
        "incorrect_code": _("The code is not right. Check it and try again."),
        "incorrect_password": _("The password is not right."),
        "invalid_or_expired_key": _("This link has expired or has already been used."),
        "invalid_password_reset": _(
            "This link to reset your password has expired or has already been used."
        ),
        # allauth's own words, which our sign-in tests look for.
        "too_many_login_attempts": _(
            "Too many failed login attempts. Try again later."
        ),
        "unverified_primary_email": _(
            "Confirm this email address before you make it your main one."
        ),
        "rate_limited": _(
            "You have tried too many times. Wait a minute and try again."
        ),
    }

    def send_mail(self, template_prefix, email, context):
        """Render allauth's emails as usual, but send them in the background."""
        language = language_of(context.get("user"))
        with translation.override(language):
            context = in_language({"site_url": site_url(language), **context}, language)
            message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                body
                for body, mimetype in message.alternatives
                if mimetype == "text/html"
            ),
            None,
        )
        queue_email(
            message.to, message.subject, message.body, html, message.extra_headers
        )

    def save_user(self, request, user, form, commit=True):
        """A member who signs up on a Welsh page is written to in Welsh."""
        user.email_language = translation.get_language() or user.email_language
        return super().save_user(request, user, form, commit)

    def get_login_stages(self):
        """allauth's steps of a sign-in, with its second-factor step ours: the one
        that takes a provider's proof of a second factor (accounts/two_factor.py)."""
        return [
            "accounts.two_factor.AuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]

    def get_reauthentication_methods(self, user):
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            method["description"] = REAUTHENTICATION_DESCRIPTIONS.get(
                method["id"], method["description"]
            )
        return methods


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """allauth's, with its refusals (removing the last way to sign in) in our words."""

    error_messages = {
        **DefaultSocialAccountAdapter.error_messages,
        "no_password": _(
            "You cannot remove this account yet: it is your only way to sign in. "
            "Set a password first."
        ),
        "no_verified_email": _(
            "You cannot remove this account yet: it is your only way to sign in, "
            "and you have no confirmed email address to reset a password with."
        ),
        "disconnect_last": _(
            "You cannot remove this account: it is your only way to sign in."
        ),
    }


class MFAAdapter(DefaultMFAAdapter):
    """allauth's two-factor refusals, and the name it suggests for a new passkey,
    in our words."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "You cannot add an email address while two-factor authentication is on."
        ),
        "cannot_delete_authenticator": _(
            "You cannot turn off two-factor authentication: your account needs it."
        ),
        "cannot_generate_recovery_codes": _(
            "Set up an authenticator app before you make recovery codes."
        ),
        "incorrect_code": _("The code is not right. Check it and try again."),
        "unverified_email": _(
            "Confirm your email address before you set up two-factor authentication."
        ),
    }

    def generate_authenticator_name(self, user, type):
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return gettext("Passkey %(number)s") % {"number": count + 1}
