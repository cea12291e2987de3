"""What connections tells accounts: the minutes actions whose status a member
updated (`connections.services.update_action_status` records who)."""

from django.utils.translation import gettext_lazy as _

from accounts.personal_data import PersonalData
from connections.models import ActionItem


def export_status_updates(user):
    return [
        {
            "action": action.description,
            "status": action.status,
            "note": action.status_note,
            "updated": action.status_changed_at.isoformat(),
        }
        for action in ActionItem.objects.filter(status_changed_by=user).order_by(
            "status_changed_at"
        )
    ]


def erase_status_updates(user, keep_public_posts):
    # The status and its note are the minutes' record; who set them is the member's.
    ActionItem.objects.filter(status_changed_by=user).update(status_changed_by=None)


PERSONAL_DATA = PersonalData(
    key="action_status_updates",
    label=_("Minutes actions whose status you updated"),
    export=export_status_updates,
    erase=erase_status_updates,
)
