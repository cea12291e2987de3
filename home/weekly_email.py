"""The weekly opportunities email: what became a way to take part last week.

Members choose it on their email preferences page (kind `opportunities`, weekly or
off, off unless they choose it). On Mondays, at each member's digest time (UK
time), `send_opportunities` (a job of core/scheduler.py) queues one email each,
through accounts.notifications and the outbox, of what became an opportunity in
the week to Monday 00:00 (so each item is in one week's email only) and is still
open; their themes first. In a week with nothing new, nothing is sent to anyone.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.digests import UK, members_due
from accounts.models import NotificationPreference
from accounts.notifications import NotificationKind, notify
from core.links import full_url
from core.translation import said_in_each_language, titles_in_each_language
from events import services as events
from home import opportunities
from home.opportunities import CONSULTATIONS, GAPS, MEETINGS, QUESTIONS

Frequency = NotificationPreference.Frequency
# Each kind's first few, the member's themes first; the page has the rest.
SHOWN = 5

OPPORTUNITIES = NotificationKind(
    key="opportunities",
    link="involved_url",
    label=_("New ways to take part"),
    description=_(
        "One email on Mondays, at your digest time, of what opened last week in "
        "every theme: consultations, meetings with places, data gaps asking for "
        "evidence and questions waiting for an answer. Your themes come first. "
        "Nothing is sent in a week with nothing new."
    ),
    default=Frequency.OFF,
    scheduled=Frequency.WEEKLY,
)

HEADINGS = {
    CONSULTATIONS: _("Consultations open now"),
    MEETINGS: _("Meetings with places left"),
    GAPS: _("Data gaps to add your evidence to"),
    QUESTIONS: _("Questions waiting for an answer"),
}


def event_key(monday):
    return f"opportunities:{monday.isoformat()}"


def week_before(monday):
    """The seven days to `monday` at 00:00, UK time."""
    end = datetime.combine(monday, time.min, tzinfo=UK)
    return end - timedelta(days=7), end


def due(now=None):
    """(user id, Monday) for each member whose email is due now and unsent: none
    but on Mondays, and none at all in a week with nothing new."""
    local = timezone.localtime(now or timezone.now(), UK)
    monday = local.date()
    if local.weekday() != 0:
        return []
    if opportunities.is_empty(
        opportunities.gather(period=week_before(monday), shown=1, now=now)
    ):
        return []
    chosen = NotificationPreference.objects.filter(
        user=OuterRef("pk"),
        kind=OPPORTUNITIES.key,
        theme__isnull=True,
        frequency=OPPORTUNITIES.scheduled,
    )
    return [(pk, monday) for pk in members_due(local, chosen, event_key(monday))]


def queue_due(now=None):
    """Queue a task per email due; the scheduler runs this every few minutes."""
    from home.tasks import send_opportunities

    waiting = due(now)
    for user_id, monday in waiting:
        send_opportunities.enqueue(user_id, monday.isoformat())
    return len(waiting)


def send(user_id, monday, now=None):
    """The member's email for the week to `monday`, or None when nothing is new."""
    if isinstance(monday, str):
        monday = datetime.fromisoformat(monday).date()
    user = get_user_model().objects.get(pk=user_id)
    sections = opportunities.gather(
        user, period=week_before(monday), shown=SHOWN, now=now
    )
    if opportunities.is_empty(sections):
        return None
    return notify(
        user,
        OPPORTUNITIES.key,
        "opportunities",
        email_context(sections, monday),
        event_key=event_key(monday),
    )


def email_context(sections, monday):
    """What the email says, as JSON the outbox row keeps: the site's words and the
    themes' titles in each language (core.translation), shown in the email's."""
    themes = [
        item.theme
        for section in sections
        for item in section.items
        if getattr(item, "theme", None) is not None
    ]
    # Each theme's title in each language: one query for them all.
    titles = dict(
        zip(
            (theme.pk for theme in themes),
            titles_in_each_language(themes),
            strict=True,
        )
    )
    return {
        "week_to": said_in_each_language(lambda: date_format(monday, "j F Y")),
        "count": sum(section.total for section in sections),
        "involved_url": full_url(reverse("home:get_involved")),
        "sections": [
            {
                "heading": said_in_each_language(lambda key=section.key: HEADINGS[key]),
                "items": [item_of(section.key, item, titles) for item in section.items],
                "more": section.more,
            }
            for section in sections
            if section.items
        ],
    }


def item_of(key, item, titles):
    theme = getattr(item, "theme", None)
    path = item.url if key in {CONSULTATIONS, MEETINGS} else item.get_absolute_url()
    mark = getattr(item, "mark", "")
    return {
        "title": item.title,
        "url": full_url(path),
        "theme": titles[theme.pk] if theme else "",
        "detail": said_in_each_language(lambda: DETAILS[key](item)),
        "mark": said_in_each_language(lambda: mark) if mark else "",
    }


def uk(moment, pattern="j F Y"):
    """A moment, UK time, in Django's date format: the month in the reader's
    language."""
    return date_format(timezone.localtime(moment, UK), pattern)


DETAILS = {
    CONSULTATIONS: lambda consultation: (
        gettext("Closes %(time)s (UK time)")
        % {"time": uk(consultation.closes_at, "j F Y, H:i")}
    ),
    # Both already in the language said: events.when and places_words gettext.
    MEETINGS: lambda meeting: (
        f"{events.when(meeting)}, {opportunities.places_words(meeting)}"
    ),
    GAPS: lambda gap: (
        gettext("Producers are assessing it")
        if gap.is_assessed
        else gettext("Raised %(date)s") % {"date": uk(gap.created_at)}
    ),
    QUESTIONS: lambda thread: (
        gettext("Asked %(date)s") % {"date": uk(thread.created_at)}
    ),
}
