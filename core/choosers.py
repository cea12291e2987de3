"""Admin choosers whose chosen view answers 404, not 500, for an id that is none.

Wagtail's chosen views take any text as the id (`chosen/<str:pk>/`) and let the
database refuse it.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.views.generic.chooser import ChosenView

from core.ids import as_id


class ChosenByIdMixin:
    def get_object(self, pk):
        if as_id(str(pk)) is None:
            raise ObjectDoesNotExist
        return super().get_object(pk)


class ChosenByIdView(ChosenByIdMixin, ChosenView):
    pass
