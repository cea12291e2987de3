from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.two_factor import has_second_factor, needs_two_factor


class AdminRequiresTwoFactorMiddleware:
    """The admin asks for this session's second factor on every URL under /admin/:
    pages, snippets, consultation responses and their downloads alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")) and needs_two_factor(
            request
        ):
            return second_factor_first(request)
        return self.get_response(request)


def second_factor_first(request):
    if not has_second_factor(request.user):
        messages.warning(
            request,
            _(
                "Set up two-factor authentication before you use the admin: "
                "editors, chairs and producers all need it."
            ),
        )
        return redirect("mfa_activate_totp")
    # An authenticator, but this session never asked for it (signed in before it
    # was set up, with a provider that did not ask for a second factor, or through
    # a door that is now closed).
    messages.warning(
        request,
        _(
            "Use your passkey or enter the code from your authenticator app to use "
            "the admin."
        ),
    )
    return redirect_to_login(request.get_full_path(), "mfa_reauthenticate")
