"""What a suspended member is told, wherever the suspension stops them."""

from django.utils import timezone


def suspension_notice(user, theme, doing="post"):
    """Why the member may not do this in the theme now, or "" when they may.

    `doing` finishes "You can read, but not ..., until then."
    """
    if not user.is_authenticated:
        return ""
    until = user.suspended_until_in(theme)
    if until is None:
        return ""
    return (
        f"A moderator has suspended you from posting in {theme.title} until "
        f"{timezone.localtime(until):%-d %B %Y, %H:%M}. "
        f"You can read, but not {doing}, until then."
    )
