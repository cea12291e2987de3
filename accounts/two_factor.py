"""Who must pass a second factor before the admin, and whether this session has."""

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import stages as allauth_mfa_stages
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import views as allauth_totp_views
from django.conf import settings

# What an identity provider's ID token must say for us to take its second factor
# as ours: RFC 8176 methods (Entra ID and most providers send "mfa"), or GOV.UK One
# Login's vector of trust with the medium credential level Cm (two factors).
SECOND_FACTOR_METHODS = {"mfa", "otp", "hwk"}
SECOND_FACTOR_CREDENTIAL_LEVELS = {"Cm"}


def provider_proved_second_factor(id_token):
    """Whether a provider's ID token (which came straight from its token endpoint)
    proves the person passed a second factor with it. The one rule for every
    provider; userinfo is never read for this."""
    methods = id_token.get("amr")
    if isinstance(methods, list) and SECOND_FACTOR_METHODS & {
        method for method in methods if isinstance(method, str)
    }:
        return True
    vector = id_token.get("vot")
    return isinstance(vector, str) and bool(
        SECOND_FACTOR_CREDENTIAL_LEVELS & set(vector.split("."))
    )


def passed_second_factor(request):
    """Whether this session, not just this account, has passed a second factor.

    allauth records each step of a sign-in in the session: a code from an
    authenticator app, a passkey or a recovery code, at sign-in or when asked to
    reauthenticate, leaves a record with the method "mfa"; so does a sign-in with a
    provider whose ID token proved its own (AuthenticateStage below).
    """
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def waived(user):
    # The waiver is for the demo accounts on a developer's machine: a production
    # setting that lists an address still lets no one in without the code.
    return settings.DEBUG and user.email in settings.STATSFORUM_MFA_WAIVED_EMAILS


def needs_two_factor(request):
    """Anyone who can reach the Wagtail admin must have passed a second factor."""
    user = request.user
    return (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and not waived(user)
        and not passed_second_factor(request)
    )


def has_second_factor(user):
    """An authenticator app or a passkey: either can answer at sign-in."""
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


class AuthenticateStage(allauth_mfa_stages.AuthenticateStage):
    """allauth's second-factor step of a sign-in, which a provider's sign-in skips
    when its ID token proves it asked for a second factor itself."""

    def handle(self):
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        id_token = (
            sociallogin.account.extra_data.get("id_token") if sociallogin else None
        )
        if isinstance(id_token, dict) and provider_proved_second_factor(id_token):
            record_authentication(
                self.request,
                self.login.user,
                "mfa",
                type="identity_provider",
                provider=sociallogin.account.provider,
            )
            return None, True
        return super().handle()


class ActivateAuthenticatorAppView(allauth_totp_views.ActivateTOTPView):
    """allauth's set-up page, which also counts the code typed to set the app up
    as this session passing it, as at sign-in.

    Asking for a second code straight away would add nothing: whoever set the app
    up holds it.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        authenticator = Authenticator.objects.get(
            user=self.request.user, type=Authenticator.Type.TOTP
        )
        record_authentication(
            self.request,
            self.request.user,
            "mfa",
            id=authenticator.pk,
            type=authenticator.type,
        )
        return response
