"""Choosing a discussion thread in the admin, e.g. to link a minutes action to it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.choosers import ChosenByIdView
from forums.models import Thread


class ThreadFilterForm(BaseFilterForm):
    # Threads are not in Wagtail's search index: their titles are matched directly.
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(title__icontains=query)
            self.is_searching = True
            self.search_query = query
        return objects


class ThreadChooseView(ChooseView):
    filter_form_class = ThreadFilterForm


class ThreadChooseResultsView(ChooseResultsView):
    filter_form_class = ThreadFilterForm


class ThreadChooserViewSet(ChooserViewSet):
    model = Thread
    icon = "comment"
    choose_one_text = _("Choose a discussion")
    choose_another_text = _("Choose another discussion")
    edit_item_text = _("Change")
    choose_view_class = ThreadChooseView
    choose_results_view_class = ThreadChooseResultsView
    chosen_view_class = ChosenByIdView

    def get_object_list(self):
        # Only what members can see; the liveliest first.
        return Thread.objects.filter(is_public=True).order_by("-last_activity_at")


thread_chooser_viewset = ThreadChooserViewSet("thread_chooser")
