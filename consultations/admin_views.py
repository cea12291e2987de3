"""A consultation's responses in the Wagtail admin: the summary, each response, and
the downloads. Responses are personal data: only the theme's producers and editors
see them (permissions.may_see_responses).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import GenericPageBreadcrumbsMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from consultations import exports, tasks
from consultations.forms import WithholdForm
from consultations.models import ConsultationPage, ConsultationResponse, ResponseExport
from consultations.permissions import may_see_responses
from consultations.services import publication, responding

Response = ConsultationResponse
EXPORT_RESPONSES = "consultations.export_responses"


def submitted_at(response):
    return f"{timezone.localtime(response.submitted_at):%-d %b %Y, %H:%M}"


class ConsultationAdminMixin(GenericPageBreadcrumbsMixin):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # `object` is what the page breadcrumbs are built from.
        self.object = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns this into a redirect to the dashboard with a message.
        if not may_see_responses(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.title


class ResponseListView(ConsultationAdminMixin, BaseListingView):
    template_name = "consultations/admin/responses.html"
    page_title = _("Responses")
    header_icon = "form"
    paginate_by = 50
    columns = [
        TitleColumn(
            "respondent",
            label=_("Respondent"),
            accessor="respondent_name",
            get_url=lambda r: reverse(
                "consultations_response", args=[r.consultation_id, r.pk]
            ),
        ),
        Column(
            "responding_as", label=_("Responding"), accessor="get_respond_as_display"
        ),
        Column("organisation", label=_("Organisation"), accessor="organisation_name"),
        Column("publication", label=_("Publication"), accessor="publication_status"),
        Column("submitted_at", label=_("Submitted"), accessor=submitted_at),
    ]

    def get(self, request, *args, **kwargs):
        download = request.GET.get("export")
        if download in ResponseExport.Format.values:
            return self.download(request, download)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        """Ask for a large download, built in the background."""
        format = request.POST.get("export")
        if format not in ResponseExport.Format.values:
            return redirect(self.index_url)
        export = ResponseExport.objects.create(
            consultation=self.object, requested_by=request.user, format=format
        )
        log(
            instance=self.object,
            action=EXPORT_RESPONSES,
            user=request.user,
            data={"format": format, "responses": self.total},
        )
        tasks.build_response_export.enqueue(export.pk)
        messages.success(
            request,
            _(
                "Your download is being prepared. We will email you when it is "
                "ready, and list it here."
            ),
        )
        return redirect(self.index_url)

    def download(self, request, format):
        if self.total > exports.INLINE_LIMIT:
            messages.warning(
                request,
                f"{self.total:,} responses are too many to download at once: ask for "
                "the download below and it will be prepared in the background.",
            )
            return redirect(self.index_url)
        log(
            instance=self.object,
            action=EXPORT_RESPONSES,
            user=request.user,
            data={"format": format, "responses": self.total},
        )
        if format == ResponseExport.Format.XLSX:
            return exports.xlsx_download(self.object)
        return exports.csv_download(self.object)

    @cached_property
    def total(self):
        return self.object.responses.submitted().count()

    def get_index_url(self):
        return reverse("consultations_responses", args=[self.object.pk])

    def get_base_queryset(self):
        return (
            self.object.responses.submitted()
            .select_related("user")
            .order_by("-submitted_at", "-pk")
        )

    def get_header_buttons(self):
        if self.total > exports.INLINE_LIMIT:
            return []
        return [
            HeaderButton(
                _("Download CSV"), f"{self.index_url}?export=csv", icon_name="download"
            ),
            HeaderButton(
                _("Download Excel"),
                f"{self.index_url}?export=xlsx",
                icon_name="download",
            ),
        ]

    no_results_message = _("Nobody has submitted a response yet.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total = self.total
        context.update(
            consultation=self.object,
            total=total,
            summary=exports.with_charts(exports.option_counts(self.object)),
            drafts=self.object.responses.exclude(
                status=Response.Status.SUBMITTED
            ).count(),
            large=total > exports.INLINE_LIMIT,
            exports=self.object.exports.filter(requested_by=self.request.user).defer(
                "content"
            )[:5],
            questions_changed=self.object.questions_changed_since_opening,
        )
        return context


class ResponseDetailView(ConsultationAdminMixin, WagtailAdminTemplateMixin, View):
    """One submitted response, as its author gave it; and keeping it off the site."""

    template_name = "consultations/admin/response.html"
    page_title = _("Response")
    header_icon = "form"

    @cached_property
    def response(self):
        return get_object_or_404(
            self.object.responses.submitted().select_related("user"),
            pk=self.kwargs["response_id"],
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=WithholdForm()))

    def post(self, request, *args, **kwargs):
        response = self.response
        if response.publication == Response.Publication.NOT_PUBLISHED:
            return redirect(request.path)
        if response.withheld_at:
            publication.publish_again(response, request.user)
            messages.success(
                request,
                _("This response is no longer withheld: it is published again."),
            )
            return redirect(request.path)
        form = WithholdForm(request.POST)
        if not form.is_valid():
            messages.validation_error(
                request, _("The response was not withheld. Fix the error below."), form
            )
            return self.render_to_response(self.get_context_data(form=form), status=400)
        publication.withhold_from_publication(
            response, request.user, form.cleaned_data["reason"]
        )
        messages.success(
            request, _("This response is withheld from publication. It still counts.")
        )
        return redirect(request.path)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("consultations_responses", args=[self.object.pk]),
                "label": _("Responses"),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            consultation=self.object,
            response=self.response,
            answered=responding.answered(self.object, self.response),
            back_url=reverse("consultations_responses", args=[self.object.pk]),
        )
        return context


def download_export(request, page_id, export_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if not may_see_responses(request.user, consultation):
        raise PermissionDenied
    export = get_object_or_404(
        consultation.exports.filter(completed_at__isnull=False),
        pk=export_id,
        requested_by=request.user,
    )
    return exports.export_download(export)
