from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.page_buttons import PageKindButton, register_page_button
from events import admin_views
from events.models import EventPage

LOG_ACTIONS = [
    (
        admin_views.EXPORT_ATTENDEES,
        _("Download attendees"),
        _("Downloaded the attendee list"),
    ),
]


@register_page_button
class AttendeesButton(PageKindButton):
    label = _("Attendees")
    icon_name = "group"
    url_name = "events_meeting_attendees"
    page_type = EventPage

    def may_use(self, user, page):
        return admin_views.may_see_attendees(user, page)


@hooks.register("register_admin_urls")
def register_attendee_urls():
    return [
        path(
            "meetings/<id:page_id>/attendees/",
            admin_views.AttendeeListView.as_view(),
            name="events_meeting_attendees",
        ),
    ]


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("before_create_page")
def only_chairs_and_editors_schedule_meetings(request, parent_page, page_class):
    # Wagtail grants "add" per subtree, not per page type, so a theme's producers
    # (who may add pages there) could add meetings too. Whoever may publish in the
    # theme, its chairs and editors, schedules its meetings.
    if (
        issubclass(page_class, EventPage)
        and not parent_page.permissions_for_user(request.user).can_publish_subpage()
    ):
        raise PermissionDenied(
            gettext("Only the theme's chairs and editors add meetings.")
        )
