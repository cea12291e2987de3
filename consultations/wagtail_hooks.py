from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consultations import admin_views
from consultations.models import ConsultationPage
from consultations.permissions import may_add_consultation, may_see_responses
from consultations.services import publication
from core.page_buttons import PageKindButton, register_page_button


@register_page_button
class ResponsesButton(PageKindButton):
    label = _("Responses")
    icon_name = "form"
    url_name = "consultations_responses"
    page_type = ConsultationPage

    def may_use(self, user, page):
        return may_see_responses(user, page)


@hooks.register("register_admin_urls")
def register_response_urls():
    return [
        path(
            "consultations/<id:page_id>/responses/",
            admin_views.ResponseListView.as_view(),
            name="consultations_responses",
        ),
        path(
            "consultations/<id:page_id>/responses/<id:response_id>/",
            admin_views.ResponseDetailView.as_view(),
            name="consultations_response",
        ),
        path(
            "consultations/<id:page_id>/downloads/<id:export_id>/",
            admin_views.download_export,
            name="consultations_download",
        ),
    ]


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action(
        admin_views.EXPORT_RESPONSES,
        _("Download responses"),
        _("Downloaded the responses"),
    )
    actions.register_action(
        publication.WITHHOLD_RESPONSE,
        _("Withhold a response from publication"),
        _("Withheld a response from publication"),
    )
    actions.register_action(
        publication.PUBLISH_RESPONSE_AGAIN,
        _("Publish a withheld response again"),
        _("Published a withheld response again"),
    )


@hooks.register("before_create_page")
def only_producers_and_editors_consult(request, parent_page, page_class):
    # Wagtail grants "add" per subtree, not per page type: a theme's chairs may add
    # pages there too. Consultations come from its producers (and editors).
    # The parent is the theme's consultations section.
    if issubclass(page_class, ConsultationPage) and not may_add_consultation(
        request.user, parent_page.get_parent()
    ):
        raise PermissionDenied(_("Only the theme's producers and editors consult."))
