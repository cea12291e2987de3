"""Admin choosers whose chosen view answers 404, not 500, for an id that is none.

Wagtail's chosen views take any text as the id (`chosen/<str:pk>/`) and let the
database refuse it.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.views.generic.chooser import ChosenView

from core.ids import as_id
from core.translation import of_record


class ChosenByIdMixin:
    def get_object(self, pk):
        if as_id(str(pk)) is None:
            raise ObjectDoesNotExist
        return super().get_object(pk)


class ChosenByIdView(ChosenByIdMixin, ChosenView):
    pass


class OfRecordChooserMixin:
    """For the chooser viewset of a translatable snippet: it offers the English rows
    only, one a thing, since whatever chooses one names the row of record (a
    translation is shown in its place on Welsh pages)."""

    def get_object_list(self):
        return of_record(self.model._default_manager.all())
