"""The data-gap register in the Wagtail admin: a listing of the gaps a person may
triage, and a triage view. Gaps are never edited raw here: status only changes
through services.change_status."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.forms import IdChoiceField
from gaps import admin_views, services
from gaps.choosers import data_gap_chooser_viewset
from gaps.models import DataGap, Status
from themes import roles
from themes.models import ThemePage

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class TriagePermissionPolicy(BasePermissionPolicy):
    """Who may see which gaps in the admin: the people who may triage them.

    The per-theme chairs and producers groups hold no model permissions on
    DataGap (only admin access and page rights), so "view" comes from
    services.may_triage instead of auth permissions. Adding, editing and deleting
    raw gaps is offered to nobody: a status moves only through change_status.
    """

    def user_has_permission(self, user, action):
        return action == "view" and services.triages_anything(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return triagers(roles.holders(services.TRIAGE_ROLES))

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and services.may_triage(user, instance.theme)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return DataGap.objects.none()
        return services.gaps_triaged_by(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        if "view" not in actions:
            return get_user_model().objects.none()
        return triagers(roles.holders(services.TRIAGE_ROLES, theme=instance.theme_id))


def triagers(role_holders):
    """Editors, and these holders of theme roles."""
    users = get_user_model().objects
    editors = users.with_perm(services.TRIAGE_ALL, backend=MODEL_BACKEND)
    return users.filter(
        Q(pk__in=editors.values("pk")) | Q(pk__in=role_holders.values("pk")),
        is_active=True,
    )


register_permission_policy(DataGap, TriagePermissionPolicy(DataGap))


def triaged_themes(request):
    """The theme filter offers only the themes the person triages."""
    if request is None:
        return ThemePage.objects.none()
    return services.themes_triaged_by(request.user).order_by("title")


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField


class DataGapFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    theme = IdChoiceFilter(queryset=triaged_themes)

    class Meta:
        model = DataGap
        fields = ["status", "theme"]


class DataGapIndexView(IndexView):
    triage_url_name = None

    def get_base_queryset(self):
        # Per person: editors see every theme's gaps, others only their themes'.
        return services.gaps_triaged_by(self.request.user).select_related(
            "theme", "owner_organisation"
        )

    def get_edit_url(self, instance):
        # The title links to triage: the only change made to a gap here.
        return reverse(self.triage_url_name, args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Triage"),
                url=reverse(self.triage_url_name, args=[instance.pk]),
                icon_name="tasks",
                attrs={
                    "aria-label": _("Triage '%(title)s'") % {"title": instance.title}
                },
                priority=10,
            ),
            MenuItem(
                _("View on the site"),
                url=instance.get_absolute_url(),
                icon_name="view",
                priority=20,
            ),
        ]


class DataGapViewSet(ModelViewSet):
    model = DataGap
    name = "data_gaps"
    url_prefix = "data-gaps"
    icon = "warning"
    menu_label = _("Data gaps")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = DataGapIndexView
    list_display = [
        "title",
        "theme",
        "status",
        Column("support_count", label=_("Supporters"), sort_key="support_count"),
        Column("owner_organisation", label=_("Owning organisation")),
        # A new member's gap waits for approval on its page on the site.
        BooleanColumn("is_public", label=_("Visible")),
        DateColumn("last_moved_at", label=_("Last moved"), sort_key="last_moved_at"),
    ]
    filterset_class = DataGapFilterSet
    # Plain database search on the title: the per-person queryset joins themes,
    # which the Wagtail search backends cannot filter on.
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            triage_url_name=self.get_url_name("triage"), **kwargs
        )

    @property
    def url_finder_class(self):
        # Links to a gap from elsewhere in the admin (site history) go to triage.
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("triage")
        return finder

    def get_urlpatterns(self):
        # No add, edit, copy or delete views: a gap is raised on the site and
        # its status moves only through triage.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "<id:pk>/triage/",
                admin_views.TriageView.as_view(
                    index_url_name=self.get_url_name("index"),
                    triage_url_name=self.get_url_name("triage"),
                ),
                name="triage",
            ),
        ]


class ChangeStatusFormatter(LogFormatter):
    label = _("Change data gap status")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            before = Status(data["from_status"]).label.lower()
            after = Status(data["to_status"]).label.lower()
        except (KeyError, ValueError):
            return _("Changed the status of a data gap")
        return _("Changed the status of a data gap from %(before)s to %(after)s") % {
            "before": before,
            "after": after,
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


@hooks.register("register_log_actions")
def register_gap_log_actions(actions):
    actions.register_action(services.CHANGE_STATUS)(ChangeStatusFormatter)
    actions.register_action(
        services.APPROVE, _("Approve data gap"), _("Approved a new member's data gap")
    )
    actions.register_action(
        services.REJECT, _("Reject data gap"), _("Rejected and deleted a held data gap")
    )


@hooks.register("register_admin_viewset")
def register_data_gap_viewset():
    return DataGapViewSet()


@hooks.register("register_admin_viewset")
def register_data_gap_chooser():
    # Minutes actions link their gap through this, not a select of every gap.
    return data_gap_chooser_viewset
