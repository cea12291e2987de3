"""Statistics in the admin: editors manage all, producers their organisation's;
the CSV import; the chooser the pages and minutes' actions use."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
    UsageView,
)

from catalogue import admin_views
from catalogue.admin_forms import StatisticAdminForm
from catalogue.models import Statistic
from catalogue.permissions import StatisticPermissionPolicy
from core.choosers import ChosenByIdMixin, OfRecordChooserMixin

register_permission_policy(Statistic, StatisticPermissionPolicy(Statistic))


class StatisticIndexView(IndexView):
    import_url_name = None

    def get_base_queryset(self):
        # Per person: editors see every producer's, producers their own.
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        ).select_related("producer")

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    _("Import from CSV"),
                    url=reverse(self.import_url_name),
                    icon_name="upload",
                )
            )
        return buttons


class OwnOrganisationsOnly:
    """Wagtail's generic views check the model's permission, not the object's: a
    producer opening another organisation's statistic is refused here."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        statistic = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if not policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, statistic
        ):
            raise PermissionDenied
        return statistic


class StatisticEditView(OwnOrganisationsOnly, EditView):
    pass


class StatisticDeleteView(OwnOrganisationsOnly, DeleteView):
    instance_action = "delete"


class StatisticHistoryView(OwnOrganisationsOnly, HistoryView):
    pass


class StatisticUsageView(OwnOrganisationsOnly, UsageView):
    pass


class StatisticChosenView(ChosenByIdMixin, SnippetChosenView):
    pass


class StatisticChooserViewSet(OfRecordChooserMixin, SnippetChooserViewSet):
    # Consultations, meetings and minutes' actions choose from every producer's.
    chosen_view_class = StatisticChosenView


class StatisticViewSet(SnippetViewSet):
    model = Statistic
    icon = "table"
    menu_label = _("Statistics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "producer", "status", "next_release"]
    list_filter = ["status", "producer"]
    index_view_class = StatisticIndexView
    edit_view_class = StatisticEditView
    delete_view_class = StatisticDeleteView
    history_view_class = StatisticHistoryView
    usage_view_class = StatisticUsageView
    edit_handler = ObjectList(Statistic.panels, base_form_class=StatisticAdminForm)
    copy_view_enabled = False
    chooser_viewset_class = StatisticChooserViewSet

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            import_url_name=self.get_url_name("import"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "import/",
                admin_views.ImportView.as_view(
                    index_url_name=self.get_url_name("list"),
                    import_url_name=self.get_url_name("import"),
                ),
                name="import",
            ),
        ]


register_snippet(StatisticViewSet)
