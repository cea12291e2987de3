"""What every page's template may ask of the signed-in member."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from accounts import inbox


def unread_notifications(request):
    """The header's unread count: counted (one query) only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": SimpleLazyObject(lambda: inbox.unread_count(user))}


def sign_in_providers(request):
    """Whether any identity provider is configured. Every one is in the settings
    (docs/deploy.md); allauth's `get_providers` tag would ask the database on every
    page that shows the account menu."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return {"has_sign_in_providers": bool(apps)}
