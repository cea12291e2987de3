"""What comes back by email, in the Wagtail admin, for editors.

Suppressed addresses: editors see them and lift a bounce's. Nobody adds or edits one
here (what comes back about an email makes them), and a spam complaint is lifted only
by the member who made it, from their account page.

Emails received: what became of each email the mail listener took (a reply posted,
held or refused, a bounce read), so a member asking "where did my reply go?" gets an
answer. Read only, and never the message itself: that is the member's own to export.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts import suppressions
from accounts.models import EmailSuppression, InboundMessage


class LimitedPermissionPolicy(ModelPermissionPolicy):
    """A model's permissions, but only for the admin actions in `actions`."""

    actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) & self.actions)


class SuppressionPermissionPolicy(LimitedPermissionPolicy):
    actions = {"view", "delete"}

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.reason != EmailSuppression.Reason.BOUNCE:
            return False
        return self.user_has_permission(user, action)


register_permission_policy(
    EmailSuppression, SuppressionPermissionPolicy(EmailSuppression)
)
register_permission_policy(InboundMessage, LimitedPermissionPolicy(InboundMessage))


class SuppressionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

    def get_delete_url(self, instance):
        may = self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", instance
        )
        return super().get_delete_url(instance) if may else None


class LiftSuppressionView(DeleteView):
    page_title = _("Lift")
    success_message = _("Email to '%(object)s' will be sent again.")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        suppressions.lift(self.object)


class EmailSuppressionViewSet(ModelViewSet):
    model = EmailSuppression
    name = "email_suppressions"
    url_prefix = "email-suppressions"
    icon = "mail"
    menu_label = _("Stopped email addresses")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = SuppressionIndexView
    delete_view_class = LiftSuppressionView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["address", "user", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["address"]
    inspect_view_fields = ["address", "user", "reason", "created_at", "diagnostic"]
    form_fields = ["address"]


class InboundMessageIndexView(IndexView):
    default_ordering = "-received_at"

    def get_base_queryset(self):
        # The raw message stays in the database: the listing never loads it.
        return super().get_base_queryset().defer("raw").select_related("user")


class InboundMessageViewSet(ModelViewSet):
    model = InboundMessage
    name = "emails_received"
    url_prefix = "emails-received"
    icon = "mail"
    menu_label = _("Emails received")
    menu_order = 231
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["from_address", "recipient", "outcome", "received_at"]
    list_filter = ["outcome", "mailbox"]
    search_fields = ["from_address", "recipient", "message_id"]
    inspect_view_fields = [
        "mailbox",
        "recipient",
        "envelope_sender",
        "from_address",
        "user",
        "message_id",
        "received_at",
        "outcome",
        "note",
        "completed_at",
    ]
    index_view_class = InboundMessageIndexView
    # Nobody adds or edits one (the permission policy allows viewing only), but a
    # model viewset builds its forms all the same.
    form_fields = ["note"]
