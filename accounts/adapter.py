from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils import translation
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
