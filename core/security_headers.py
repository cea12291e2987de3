"""The Content-Security-Policy: one for the public site, a looser one for the admin."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, giving the Wagtail admin its own policy.

    The admin still needs inline scripts (see ADMIN_CONTENT_SECURITY_POLICY in the
    settings); the public site must not pay for that. A view's own @csp decorators
    still win on either side.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(reverse("wagtailadmin_home"))
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
