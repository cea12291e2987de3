from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from connections.services import ACTION_STATUS


@hooks.register("register_log_actions")
def register_action_log_actions(actions):
    # In the minutes' history: the status changed, not the minutes.
    actions.register_action(
        ACTION_STATUS,
        _("Update an action's status"),
        _("Updated an action's status"),
    )
