"""What every page's template may ask of the signed-in member."""

from django.utils.functional import SimpleLazyObject

from accounts import inbox


def unread_notifications(request):
    """The header's unread count: counted (one query) only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": SimpleLazyObject(lambda: inbox.unread_count(user))}
