"""Choosing a data gap in the admin, e.g. to link a minutes action to it."""

from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.choosers import ChosenByIdView
from gaps.models import DataGap
from themes.models import ThemePage


class DataGapChooserViewSet(ChooserViewSet):
    model = DataGap
    icon = "help"
    choose_one_text = "Choose a data gap"
    choose_another_text = "Choose another data gap"
    edit_item_text = "Change"
    chosen_view_class = ChosenByIdView

    def get_object_list(self):
        # Search can filter on the gap's own indexed fields only, so live themes
        # are named by id. Duplicates point elsewhere: link the original instead.
        live_themes = list(ThemePage.objects.live().values_list("pk", flat=True))
        return (
            DataGap.objects.filter(theme_id__in=live_themes)
            .exclude(status=DataGap.Status.DUPLICATE)
            .order_by("-last_moved_at")
        )


data_gap_chooser_viewset = DataGapChooserViewSet("data_gap_chooser")
