"""Choosing a data gap in the admin, e.g. to link a minutes action to it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.choosers import ChosenByIdView
from gaps.models import DataGap


class DataGapChooserViewSet(ChooserViewSet):
    model = DataGap
    icon = "help"
    choose_one_text = _("Choose a data gap")
    choose_another_text = _("Choose another data gap")
    edit_item_text = _("Change")
    chosen_view_class = ChosenByIdView

    def get_object_list(self):
        # Only what the public sees: a linked gap shows on public pages (minutes,
        # consultations). Duplicates point elsewhere: link the original instead.
        return (
            DataGap.objects.visible()
            .exclude(status=DataGap.Status.DUPLICATE)
            .order_by("-last_moved_at")
        )


data_gap_chooser_viewset = DataGapChooserViewSet("data_gap_chooser")
