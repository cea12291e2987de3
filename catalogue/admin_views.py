"""The CSV import in the admin: upload, a preview of what would change with each
row's errors beside it, then the import of every row or none."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from catalogue import imports, permissions, services
from catalogue.forms import ImportForm
from catalogue.models import Statistic


class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "catalogue/admin/import.html"
    page_title = _("Import statistics")
    header_icon = "upload"
    index_url_name = None
    import_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy = permissions.StatisticPermissionPolicy(Statistic)
        if not policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Statistics")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        confirmed = "confirm" in self.request.POST
        producer = form.cleaned_data["producer"]
        try:
            plan = services.import_statistics(
                producer,
                form.cleaned_data["text"],
                user=self.request.user,
                commit=confirmed,
            )
        except imports.ImportRefused as refusal:
            form.add_error("csv_file", str(refusal))
            return self.form_invalid(form)
        if confirmed and not plan.has_errors:
            summary = plan.summary
            messages.success(
                self.request,
                _(
                    "Imported %(producer)s's statistics: %(create)s added, "
                    "%(update)s updated, %(unchanged)s unchanged."
                )
                % {"producer": producer.short_name, **summary},
            )
            return redirect(self.index_url_name)
        if plan.has_errors:
            messages.error(
                self.request,
                _(
                    "Nothing was imported: %(errors)s rows have errors. "
                    "Correct them in your file and upload it again."
                )
                % {"errors": plan.count("error")},
            )
        confirm = ImportForm(
            initial={"producer": producer.pk, "text": form.cleaned_data["text"]},
            user=self.request.user,
        )
        return self.render_to_response(
            self.get_context_data(form=form, plan=plan, confirm=confirm)
        )

    def form_invalid(self, form):
        messages.validation_error(
            self.request, _("The file could not be read. Fix the errors below."), form
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.import_url_name),
            submit_button_label=_("Preview the import"),
            submit_button_active_label=_("Reading…"),
            columns=imports.COLUMNS,
            **kwargs,
        )
