"""Who must pass a second factor before the admin, and whether this session has."""

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import views as allauth_totp_views
from django.conf import settings


def passed_second_factor(request):
    """Whether this session, not just this account, has passed a second factor.

    allauth records each step of a sign-in in the session: a code from an
    authenticator app or a recovery code, at sign-in or when asked to
    reauthenticate, leaves a record with the method "mfa".
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


def has_authenticator_app(user):
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


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
