import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.translation import in_language_of_record
from events.blocks import AgendaItemBlock
from events.models.minutes import MinutesPage
from events.permissions import MeetingPermissionTester
from themes.models.pages import ThemeChildPageMixin, ThemeSectionIndex


class MeetingIndexPage(ThemeSectionIndex, Page):
    """A theme's meetings: made with the theme, and the list of its meetings."""

    section_slug = "meetings"
    section_title = "Meetings"
    is_creatable = False
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("theme's meetings")
        verbose_name_plural = _("themes' meetings")

    def serve(self, request, *args, **kwargs):
        from events import views

        return views.meeting_list(request, theme=self.theme, page=self)


class EventPage(ThemeChildPageMixin, RoutablePageMixin, Page):
    """A theme's meeting, scheduled by its chairs."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    start = models.DateTimeField(help_text=_("UK time (Europe/London)."))
    end = models.DateTimeField(help_text=_("UK time (Europe/London)."))
    format = models.CharField(max_length=20, choices=Format.choices)
    summary = models.CharField(
        max_length=250, help_text=_("One sentence on what the meeting is for.")
    )
    venue = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    joining_link = models.URLField(
        blank=True, help_text=_("Shown only to members who have registered.")
    )
    agenda = StreamField([("item", AgendaItemBlock())], blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave empty to open registration now.")
    )
    registration_closes = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave empty to close at the start.")
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    status_reason = models.TextField(
        blank=True, help_text=_("Why the meeting is postponed or cancelled.")
    )
    one_place_per_organisation = models.BooleanField(
        default=False,
        help_text=_("Take at most one registration from each organisation."),
    )
    # Calendar apps replace an event when its SEQUENCE goes up.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The time, place and status registrants were last told of (see changes.py).
    announced = models.JSONField(default=dict, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("joining_link"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("one_place_per_organisation"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens"),
                        FieldPanel("registration_closes"),
                    ]
                ),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_reason")], heading=_("Status")
        ),
        MultipleChooserPanel(
            "statistic_links",
            chooser_field_name="statistic",
            heading=_("Statistics it discusses"),
            label=_("Statistic"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("agenda"),
        index.FilterField("start"),
    ]
    # The pages API shows what the page shows a visitor: not the joining link,
    # which only those registered see.
    api_fields = [
        APIField(name)
        for name in [
            "summary",
            "start",
            "end",
            "format",
            "venue",
            "address",
            "agenda",
            "capacity",
            "registration_opens",
            "registration_closes",
            "status",
            "status_reason",
        ]
    ]

    parent_page_types = ["events.MeetingIndexPage"]
    subpage_types = ["events.MinutesPage"]

    # What registrants must hear about when it changes: the time, the place and
    # whether it is on.
    ANNOUNCED_FIELDS = {
        "start": "time",
        "end": "time",
        "format": "format",
        "venue": "place",
        "address": "place",
        "joining_link": "joining link",
        "status": "status",
        "status_reason": "status",
    }

    class Meta:
        verbose_name = _("meeting")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = gettext("The meeting must end after it starts.")
        if (
            self.format in {self.Format.IN_PERSON, self.Format.HYBRID}
            and not self.venue
        ):
            errors["venue"] = gettext(
                "Give the venue of a meeting people attend in person."
            )
        if (
            self.format in {self.Format.ONLINE, self.Format.HYBRID}
            and not self.joining_link
        ):
            errors["joining_link"] = gettext(
                "Give the joining link of an online meeting."
            )
        if self.status != self.Status.SCHEDULED and not self.status_reason:
            errors["status_reason"] = gettext(
                "Say why the meeting is postponed or cancelled."
            )
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = gettext(
                "Registration must close after it opens."
            )
        if errors:
            raise ValidationError(errors)

    def announced_details(self):
        return {
            name: value.isoformat() if hasattr(value, "isoformat") else value
            for name in self.ANNOUNCED_FIELDS
            for value in [getattr(self, name)]
        }

    def save(self, *args, **kwargs):
        # A new meeting starts out as announced: there is no one to tell yet.
        if not self.announced:
            self.announced = self.announced_details()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        # The site keeps these, not the editor: publishing a revision made before
        # registrants were last told must not roll them back.
        page = super().with_content_json(content)
        page.sequence = self.sequence
        page.announced = self.announced
        return page

    def permissions_for_user(self, user):
        # Its only subpage is its minutes, which only editors publish.
        return MeetingPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from events import services

        context = super().get_context(request, *args, **kwargs)
        context["registration"] = services.registration_of(request.user, self)
        context["waiting_position"] = services.waiting_position(context["registration"])
        context["places_left"] = services.places_left(self)
        context["when"] = services.when(self)
        # Minutes inherit the meeting's view restrictions, checked already.
        context["minutes"] = MinutesPage.objects.child_of(self).live().first()
        return context

    # The views import this module, so they are imported where they are used.

    @path("register/", name="register")
    def register(self, request):
        from events import views

        return views.register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        from events import views

        return views.cancel(request, self)

    # Wagtail's page URLs end in a slash and allow no dot, so no ".ics" here.
    @path("calendar/", name="calendar")
    def calendar(self, request):
        from events import views

        return views.meeting_calendar(request, self)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def registration_is_open(self):
        now = timezone.now()
        return (
            self.status == self.Status.SCHEDULED
            and (self.registration_opens is None or self.registration_opens <= now)
            and now < (self.registration_closes or self.start)
        )


class MeetingStatistic(Orderable):
    """A statistic a meeting discusses; its page lists the meeting."""

    page = ParentalKey(
        EventPage, on_delete=models.CASCADE, related_name="statistic_links"
    )
    statistic = models.ForeignKey(
        "catalogue.Statistic",
        on_delete=models.CASCADE,
        related_name="meeting_links",
        limit_choices_to=in_language_of_record,
    )

    panels = [FieldPanel("statistic")]


class MeetingRegistration(models.Model):
    """A member's place at a meeting, or their place in the queue for one."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    access_needs = models.TextField(
        blank=True,
        max_length=500,
        help_text=_("Only the meeting's chairs see this."),
    )
    # Set when the reminder is queued, so the cron job never sends one twice.
    week_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    day_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="events_one_registration_per_member"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.meeting} · {self.get_status_display()}"


def new_feed_token():
    return secrets.token_urlsafe(24)


class MeetingFeed(models.Model):
    """The secret address of a member's own calendar of the meetings they are on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user}'s meetings calendar"
