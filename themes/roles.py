"""Who holds which role in which theme: the one place every feature asks.

`roles` is one Role or several; a person holds "any of" them. Answers that callers
compose further are querysets; nobody outside themes queries ThemeRole itself.
"""

from django.contrib.auth import get_user_model

from themes.models import Role, ThemePage, ThemeRole

ANY_ROLE = tuple(Role)


def _as_list(roles):
    # A Role is a str: without this, "chair" would be read as five roles.
    return [roles] if isinstance(roles, str) else list(roles)


def _roles_held_by(user, roles):
    if not user.is_authenticated:
        return ThemeRole.objects.none()
    return ThemeRole.objects.filter(user=user, role__in=_as_list(roles))


def holds_role(user, theme, roles=ANY_ROLE):
    """Does `user` hold `roles` (any of them) in `theme`?"""
    return _roles_held_by(user, roles).filter(theme=theme).exists()


def holds_role_anywhere(user, roles=ANY_ROLE):
    return _roles_held_by(user, roles).exists()


def role_held(user, theme, roles=ANY_ROLE):
    """The role `user` holds in `theme` (the first of `roles` they hold), with its
    organisation, for saying who they speak for; None when they hold none."""
    return (
        _roles_held_by(user, roles)
        .filter(theme=theme)
        .select_related("organisation")
        .order_by("role")
        .first()
    )


def themes_where(user, roles=ANY_ROLE):
    """The themes in which `user` holds `roles` (any of them)."""
    return ThemePage.objects.filter(pk__in=_roles_held_by(user, roles).values("theme"))


def holders(roles=ANY_ROLE, theme=None):
    """The people who hold `roles` in `theme` (in any theme when None), each once."""
    held = ThemeRole.objects.filter(role__in=_as_list(roles))
    if theme is not None:
        held = held.filter(theme=theme)
    return get_user_model().objects.filter(pk__in=held.values("user"))


def roles_in(theme, users):
    """Each of these people's role in `theme`, by user id, for the badges beside
    their posts."""
    return {
        role.user_id: role
        for role in ThemeRole.objects.filter(
            theme=theme, user__in=[user for user in users if user]
        ).select_related("organisation")
    }


def roles_of(user):
    """Every role `user` holds, with its theme and organisation."""
    return ThemeRole.objects.filter(user=user).select_related("theme", "organisation")
