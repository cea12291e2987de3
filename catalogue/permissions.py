"""Who manages which statistics: editors all of them, producers their own
organisation's (the organisations they answer for in some theme)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from catalogue.models import Statistic
from themes import roles
from themes.models import Role

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
ACTIONS = ("add", "change", "delete", "view")


def _editor_permission(action):
    return f"catalogue.{action}_statistic"


def organisations_managed_by(user):
    """The producer organisations whose statistics `user` manages (not as editor)."""
    if not user.is_authenticated or not user.is_active:
        return roles.organisations_of(user).none()
    return roles.organisations_of(user, Role.PRODUCER)


def may_manage(user, organisation, action="change"):
    """May `user` add, change or delete the statistics of `organisation`?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(_editor_permission(action)):
        return True
    return organisations_managed_by(user).filter(pk=organisation.pk).exists()


def statistics_managed_by(user, action="change"):
    if user.is_authenticated and user.has_perm(_editor_permission(action)):
        return Statistic.objects.all()
    return Statistic.objects.filter(producer__in=organisations_managed_by(user))


class StatisticPermissionPolicy(BasePermissionPolicy):
    """The admin's rights on statistics, from the editors' model permissions and
    the producers' roles (their groups hold no model permission on Statistic)."""

    def user_has_permission(self, user, action):
        if action not in ACTIONS or not user.is_active:
            return False
        return (
            user.has_perm(_editor_permission(action))
            or organisations_managed_by(user).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return action in ACTIONS and may_manage(user, instance.producer, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & set(ACTIONS):
            return Statistic.objects.none()
        if any(user.has_perm(_editor_permission(action)) for action in actions):
            return Statistic.objects.all()
        return statistics_managed_by(user)

    def users_with_any_permission(self, actions):
        return self._managers(actions, roles.holders(Role.PRODUCER))

    def users_with_any_permission_for_instance(self, actions, instance):
        return self._managers(
            actions, roles.speaking_for(instance.producer_id, Role.PRODUCER)
        )

    def _managers(self, actions, producers):
        users = get_user_model().objects
        actions = [action for action in actions if action in ACTIONS]
        if not actions:
            return users.none()
        editors = users.none()
        for action in actions:
            editors |= users.with_perm(
                _editor_permission(action), backend=MODEL_BACKEND
            )
        return users.filter(
            Q(pk__in=editors.values("pk")) | Q(pk__in=producers.values("pk")),
            is_active=True,
        )
