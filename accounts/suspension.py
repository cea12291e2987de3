"""What a suspended member is told, wherever the suspension stops them, and the
one check every feature makes before a member adds to a theme."""

from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from core.ratelimit import seconds_to_wait, wait_in_words
from core.translation import title_in_language


class ContributionRefused(ValidationError):
    """A member may not add to a theme just now: too often (429 Too Many
    Requests), or suspended (403, below)."""

    status = 429


class Suspended(ContributionRefused):
    """A moderator has stopped the member taking part in a theme for a while."""

    status = 403


def suspension_notice(user, theme, doing):
    """Why the member may not do this in the theme now, or "" when they may.

    `doing` finishes "You can read, but not ..., until then.", in the reader's
    language.
    """
    if not user.is_authenticated:
        return ""
    until = user.suspended_until_in(theme)
    if until is None:
        return ""
    return _(
        "A moderator has suspended you from taking part in %(theme)s until "
        "%(until)s. You can read, but not %(doing)s, until then."
    ) % {
        "theme": title_in_language(theme),
        "until": dateformat.format(timezone.localtime(until), "j F Y, H:i"),
        "doing": doing,
    }


def check_not_suspended(user, theme, doing):
    if notice := suspension_notice(user, theme, doing):
        raise Suspended(notice)


def check_may_contribute(user, theme, *, doing, action, limit, period, done):
    """Suspensions hold in every feature; each action has its own rate limit.

    `done` finishes "You have ..." (in the reader's language) when the member has
    gone past `limit` times `action` in `period` seconds.
    """
    check_not_suspended(user, theme, doing)
    wait = seconds_to_wait(f"{action}:{user.pk}", limit=limit, period=period)
    if wait:
        raise ContributionRefused(
            _("You have %(done)s. Try again in %(wait)s: what you wrote is still here.")
            % {"done": done, "wait": wait_in_words(wait)}
        )
