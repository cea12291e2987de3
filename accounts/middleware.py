from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


def needs_two_factor(user):
    """Anyone who can reach the Wagtail admin must sign in with a second factor."""
    return (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and user.email not in settings.STATSFORUM_MFA_WAIVED_EMAILS
        and not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    )


class AdminRequiresTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")) and needs_two_factor(
            request.user
        ):
            messages.warning(
                request,
                "Set up two-factor authentication before you use the admin: "
                "editors, chairs and producers all need it.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
