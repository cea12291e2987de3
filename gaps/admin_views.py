"""Triage in the Wagtail admin: the site's TriageForm, the same service, admin dress."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gaps import notifications, services
from gaps.forms import TriageForm
from gaps.models import DataGap
from gaps.views.triage import changed_message


class TriageView(WagtailAdminTemplateMixin, FormView):
    form_class = TriageForm
    template_name = "gaps/admin/triage.html"
    page_title = "Triage"
    header_icon = "tasks"
    # Set by the viewset, so the view knows the listing it belongs to.
    index_url_name = None
    triage_url_name = None

    def dispatch(self, request, pk):
        self.gap = get_object_or_404(
            DataGap.objects.select_related("theme", "duplicate_of"), pk=pk
        )
        if not services.may_triage(request.user, self.gap.theme):
            raise PermissionDenied
        return super().dispatch(request, pk)

    @cached_property
    def index_url(self):
        return reverse(self.index_url_name)

    def get_page_subtitle(self):
        return self.gap.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": _("Data gaps")},
            {"url": "", "label": self.gap.title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gap": self.gap}

    def form_valid(self, form):
        try:
            gap = services.change_status(self.gap, self.request.user, **form.changes())
        except ValidationError as error:
            form.add_service_errors(error)
            return self.form_invalid(form)
        told = len(notifications.people_to_tell(gap, except_user=self.request.user))
        messages.success(
            self.request,
            _("%(title)s: %(change)s")
            % {"title": gap.title, "change": changed_message(gap, told)},
            buttons=[messages.button(gap.get_absolute_url(), _("View on the site"))],
        )
        return redirect(self.index_url)

    def form_invalid(self, form):
        messages.validation_error(
            self.request,
            _("The status could not be changed. Fix the errors below."),
            form,
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "gap": self.gap,
                "updates": self.gap.updates.all(),
                "action_url": reverse(self.triage_url_name, args=[self.gap.pk]),
                "triage_url_name": self.triage_url_name,
                "submit_button_label": _("Change the status"),
                "submit_button_active_label": _("Changing…"),
            }
        )
        return context
