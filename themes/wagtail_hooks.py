from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from themes import services
from themes.admin_forms import (
    ProducerDecisionForm,
    ThemeRoleCreateForm,
    ThemeRoleEditForm,
)
from themes.models import ProducerRequest, ThemeRole


class AppointView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.grant_role(
            data["theme"],
            data["member_email"],
            data["role"],
            granted_by=self.request.user,
            organisation=data["organisation"],
            job_title=data["job_title"],
        )


class RemoveRoleView(DeleteView):
    def delete_action(self):
        services.revoke_role(self.object, revoked_by=self.request.user)


class ThemeRoleViewSet(ModelViewSet):
    model = ThemeRole
    icon = "user"
    menu_label = "Chairs and producers"
    menu_order = 210
    add_to_admin_menu = True
    name = "theme_roles"
    list_display = ["user", "role", "theme", "organisation", "granted_at"]
    list_filter = ["role", "theme"]
    copy_view_enabled = False
    add_view_class = AppointView
    delete_view_class = RemoveRoleView

    def get_form_class(self, for_update=False):
        return ThemeRoleEditForm if for_update else ThemeRoleCreateForm


class DecideView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.decide_producer_request(
            self.object,
            decided_by=self.request.user,
            approve=data["decision"] == "approve",
            note=data["decision_note"],
        )


class DecisionsOnlyPolicy(ModelPermissionPolicy):
    """Members ask from the site; in the admin, editors only decide."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "add"]
        )


register_permission_policy(ProducerRequest, DecisionsOnlyPolicy(ProducerRequest))


class ProducerRequestViewSet(ModelViewSet):
    model = ProducerRequest
    icon = "tick-inverse"
    menu_label = "Producer requests"
    menu_order = 220
    add_to_admin_menu = True
    name = "producer_requests"
    list_display = [
        "user",
        "theme",
        "organisation",
        "job_title",
        "status",
        "created_at",
    ]
    list_filter = ["status", "theme"]
    copy_view_enabled = False
    edit_view_class = DecideView
    edit_handler = ObjectList(
        [
            FieldPanel("user", read_only=True),
            FieldPanel("theme", read_only=True),
            FieldPanel("organisation", read_only=True),
            FieldPanel("job_title", read_only=True),
            FieldPanel("reason", read_only=True),
            FieldPanel("status", read_only=True),
            FieldPanel("decision"),
            FieldPanel("decision_note"),
        ],
        base_form_class=ProducerDecisionForm,
    )


@hooks.register("register_admin_viewset")
def register_role_viewsets():
    return [ThemeRoleViewSet(), ProducerRequestViewSet()]
