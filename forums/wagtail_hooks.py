from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from forums import admin_views
from forums.choosers import thread_chooser_viewset

LOG_ACTIONS = [
    ("forums.approve_reply", _("Approve reply"), _("Approved a reply")),
    ("forums.hide_reply", _("Hide reply"), _("Hid a reply")),
    ("forums.delete_reply", _("Delete reply"), _("Deleted a reply")),
    ("forums.approve_thread", _("Approve thread"), _("Approved a new member's thread")),
    ("forums.delete_thread", _("Delete thread"), _("Deleted a thread")),
    ("forums.pin_thread", _("Pin thread"), _("Pinned a thread")),
    ("forums.unpin_thread", _("Unpin thread"), _("Unpinned a thread")),
    ("forums.lock_thread", _("Lock thread"), _("Locked a thread")),
    ("forums.unlock_thread", _("Unlock thread"), _("Unlocked a thread")),
    ("forums.move_thread", _("Move thread"), _("Moved a thread to another theme")),
    ("forums.suspend_member", _("Suspend member"), _("Suspended a member for a week")),
]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.moderates_anything(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("moderation/", admin_views.queue, name="forums_moderation"),
        path(
            "moderation/replies/<id:reply_id>/",
            admin_views.moderate_reply,
            name="forums_moderate_reply",
        ),
        path(
            "moderation/threads/<id:thread_id>/",
            admin_views.moderate_thread,
            name="forums_moderate_thread",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation"), reverse("forums_moderation"), icon_name="warning", order=230
    )


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_thread_chooser():
    return thread_chooser_viewset
