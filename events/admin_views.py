"""A meeting's attendee list in the Wagtail admin, and its CSV download.

Access needs are personal: only people who may edit the meeting see them, and only
here and in the download.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.pages.utils import GenericPageBreadcrumbsMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from core.csv import csv_response
from events.calendar import LONDON
from events.models import EventPage, MeetingRegistration
from events.services import when

Status = MeetingRegistration.Status
EXPORT_ATTENDEES = "events.export_attendees"
CSV_HEADER = [
    "name",
    "email",
    "organisation",
    "sector",
    "status",
    "registered at",
    "access needs",
]


def may_see_attendees(user, page):
    """The people who may edit the meeting: its theme's chairs and editors."""
    return page.permissions_for_user(user).can_edit()


def attendees(meeting, cancelled=False):
    """Registered first, then the waiting list in the order people joined it."""
    statuses = [Status.CANCELLED] if cancelled else [Status.CONFIRMED, Status.WAITING]
    return (
        meeting.registrations.filter(status__in=statuses)
        .select_related("user__organisation")
        .annotate(
            # Each member's place in their own queue: the waiting list's order.
            place=Window(
                RowNumber(),
                partition_by=[F("status")],
                order_by=[F("created_at").asc(), F("pk").asc()],
            )
        )
        .order_by(
            Case(When(status=Status.CONFIRMED, then=Value(0)), default=Value(1)),
            "created_at",
            "pk",
        )
    )


def registration_counts(meeting):
    return meeting.registrations.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Status.values}
    )


def registered_at(registration):
    return timezone.localtime(registration.created_at, LONDON)


def status_label(registration):
    if registration.status == Status.WAITING:
        return gettext("On the waiting list, number %(place)s") % {
            "place": registration.place
        }
    return registration.get_status_display()


class AttendeeListView(GenericPageBreadcrumbsMixin, BaseListingView):
    template_name = "events/admin/attendees.html"
    page_title = _("Attendees")
    header_icon = "group"
    paginate_by = 100
    columns = [
        Column("name", label=_("Name"), accessor=lambda r: r.user.public_name),
        Column("email", label=_("Email"), accessor="user.email"),
        Column(
            "organisation",
            label=_("Organisation"),
            accessor=lambda r: r.user.organisation_label,
        ),
        Column(
            "sector", label=_("Sector"), accessor=lambda r: r.user.get_sector_display()
        ),
        Column("status", label=_("Status"), accessor=status_label),
        Column(
            "registered_at",
            label=_("Registered at"),
            accessor=lambda r: date_format(registered_at(r), "j M Y, H:i"),
        ),
        Column("access_needs", label=_("Access needs")),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # `object` is what the page breadcrumbs are built from.
        self.object = get_object_or_404(EventPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns this into a redirect to the dashboard with a message.
        if not may_see_attendees(request.user, self.object):
            raise PermissionDenied
        if request.GET.get("export") == "csv":
            return export_attendees(request, self.object)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def showing_cancelled(self):
        return self.request.GET.get("status") == "cancelled"

    @cached_property
    def counts(self):
        return registration_counts(self.object)

    def get_page_subtitle(self):
        return self.object.title

    def get_index_url(self):
        return reverse("events_meeting_attendees", args=[self.object.pk])

    def get_base_queryset(self):
        return attendees(self.object, cancelled=self.showing_cancelled)

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Download CSV"), f"{self.index_url}?export=csv", icon_name="download"
            )
        ]

    @cached_property
    def no_results_message(self):
        if self.showing_cancelled:
            return gettext("Nobody has cancelled their registration.")
        return gettext("Nobody has registered yet.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.object,
            when=when(self.object),
            counts=self.counts,
            showing_cancelled=self.showing_cancelled,
        )
        return context


def attendee_row(registration):
    user = registration.user
    return [
        user.public_name,
        user.email,
        user.organisation_label,
        user.get_sector_display(),
        registration.get_status_display(),
        registered_at(registration).isoformat(timespec="seconds"),
        registration.access_needs,
    ]


def export_attendees(request, meeting):
    """Registered, then waiting in order; the download is in the page's history."""
    counts = registration_counts(meeting)
    log(
        instance=meeting,
        action=EXPORT_ATTENDEES,
        user=request.user,
        data={"registrations": counts[Status.CONFIRMED] + counts[Status.WAITING]},
    )
    rows = (attendee_row(r) for r in attendees(meeting).iterator(chunk_size=500))
    return csv_response(f"{meeting.slug}-attendees.csv", CSV_HEADER, rows)
