"""What a suspended member is told, wherever the suspension stops them, and the
one check every feature makes before a member adds to a theme."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from core.ratelimit import seconds_to_wait, wait_in_words


class ContributionRefused(ValidationError):
    """A member may not add to a theme just now: too often (429 Too Many
    Requests), or suspended (403, below)."""

    status = 429


class Suspended(ContributionRefused):
    """A moderator has stopped the member taking part in a theme for a while."""

    status = 403


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
        f"A moderator has suspended you from taking part in {theme.title} until "
        f"{timezone.localtime(until):%-d %B %Y, %H:%M}. "
        f"You can read, but not {doing}, until then."
    )


def check_not_suspended(user, theme, doing="post"):
    if notice := suspension_notice(user, theme, doing):
        raise Suspended(notice)


def check_may_contribute(user, theme, *, doing, action, limit, period, done):
    """Suspensions hold in every feature; each action has its own rate limit.

    `done` finishes "You have ..." when the member has gone past `limit` times
    `action` in `period` seconds.
    """
    check_not_suspended(user, theme, doing)
    wait = seconds_to_wait(f"{action}:{user.pk}", limit=limit, period=period)
    if wait:
        raise ContributionRefused(
            f"You have {done}. Try again in {wait_in_words(wait)}: what you wrote is "
            "still here."
        )
