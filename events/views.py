from datetime import timedelta

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.idempotency import idempotent
from core.translation import title_in_language, titled_in_language
from events import services
from events.calendar import calendar_for
from events.feeds import meetings_feed_url
from events.forms import PAST, MeetingFilters, RegistrationForm
from events.listing import listed_meetings
from events.models import EventPage, MeetingFeed, MeetingRegistration
from themes import roles
from themes.roles import public_pages
from themes.views import get_theme

MEETINGS_PER_PAGE = 20


@verified_email_required
@idempotent
def register(request, meeting):
    # Every field is optional, so an empty POST is still a registration.
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(
                meeting, request.user, form.cleaned_data["access_needs"]
            )
        except services.RegistrationRefused as refusal:
            form.add_error(None, refusal)
            status = refusal.status
        else:
            messages.success(
                request,
                gettext("You are registered. We have emailed you the details.")
                if registration.status == registration.Status.CONFIRMED
                else gettext(
                    "The meeting is full, so you are on the waiting list. We will "
                    "email you if a place comes up."
                ),
            )
            return redirect(meeting.url)
    elif form.errors:
        status = 400
    return TemplateResponse(
        request,
        "events/register.html",
        {"page": meeting, "form": form, "when": services.when(meeting)},
        status=status,
    )


@require_POST
@verified_email_required
def cancel(request, meeting):
    registration = services.registration_of(request.user, meeting)
    if registration:
        services.cancel(registration)
        messages.success(request, gettext("Your registration has been cancelled."))
    return redirect(meeting.url)


def meeting_calendar(request, meeting):
    return calendar_response([meeting], meeting.title, meeting.slug)


def meeting_list(request, theme=None, page=None):
    """Every theme's meetings: upcoming first, or past ones; by theme and format.

    A theme's meetings page (`page`, a MeetingIndexPage) lists its `theme`'s only.
    """
    themes = None if theme else roles.public_themes().order_by("title")
    filters = MeetingFilters(request.GET, themes=themes)
    chosen = filters.chosen()
    past = chosen.get("when") == PAST
    theme = theme or filters.chosen_theme()
    meetings = listed_meetings(chosen, theme)
    listed = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    EventPage.attach_themes(listed)
    # The themes named, in the reader's language: one query for the page.
    titled_in_language([theme, *(meeting.theme for meeting in listed)])
    return render(
        request,
        "events/meeting_list.html",
        {
            "page": page,
            "meetings": listed,
            "past": past,
            "theme": theme,
            "filters": MeetingFilters(initial=chosen, themes=themes),
            "feed_url": roles.advertised_feed(theme, meetings_feed_url),
        },
    )


# Calendar feeds carry the last year of meetings and every one to come.
FEED_HISTORY = timedelta(days=365)


def theme_calendar(request, theme_slug):
    theme = get_theme(theme_slug)
    meetings = feed_meetings().descendant_of(theme)
    return calendar_response(
        meetings,
        gettext("statsforum: %(theme)s meetings") % {"theme": title_in_language(theme)},
        theme.slug,
    )


def all_calendar(request):
    return calendar_response(
        feed_meetings(), gettext("statsforum meetings"), "meetings"
    )


def feed_meetings():
    since = timezone.now() - FEED_HISTORY
    return public_pages(EventPage.objects.filter(end__gte=since)).order_by("start")


def calendar_response(meetings, name, filename):
    response = HttpResponse(calendar_for(meetings, name), content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def my_calendar(request, token):
    """A member's own meetings, at a secret address calendar apps fetch unsigned."""
    feed = get_object_or_404(MeetingFeed, token=token)
    meetings = feed_meetings().filter(
        registrations__user_id=feed.user_id,
        registrations__status__in=[
            MeetingRegistration.Status.CONFIRMED,
            MeetingRegistration.Status.WAITING,
        ],
    )
    response = calendar_response(
        meetings, gettext("statsforum: your meetings"), "my-meetings"
    )
    # The address is the only key: keep it out of shared caches and search engines.
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@verified_email_required
def new_calendar_address(request):
    """Replace the secret address, for a member who has shared it by mistake."""
    services.replace_calendar_address(request.user)
    messages.success(request, gettext("Your old calendar address no longer works."))
    return redirect("dashboard")
