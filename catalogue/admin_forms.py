from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from catalogue import permissions


class StatisticAdminForm(WagtailAdminModelForm):
    """A producer offers only the organisations they answer for as the producer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.has_perm("catalogue.change_statistic"):
            self.fields["producer"].queryset = permissions.organisations_managed_by(
                user
            )
        self.fields["themes"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["themes"].choices
        )
