from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.models import Organisation
from core.choosers import ChosenByIdMixin, OfRecordChooserMixin


class OrganisationChosenView(ChosenByIdMixin, SnippetChosenView):
    pass


class OrganisationChooserViewSet(OfRecordChooserMixin, SnippetChooserViewSet):
    chosen_view_class = OrganisationChosenView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "acronym", "kind", "website"]
    list_filter = ["kind"]
    chooser_viewset_class = OrganisationChooserViewSet
    # No search_fields: the model's own are searched. Naming them here made SQLite's
    # full-text search fail on a number ("no such column: name").
