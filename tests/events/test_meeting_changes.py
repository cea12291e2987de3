from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import Revision

from accounts.factories import UserFactory
from events import services
from events.factories import EventPageFactory
from events.models import EventPage
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(theme_index):
    migration = ThemePageFactory(parent=theme_index, title="Migration")
    return EventPageFactory(
        parent=migration, title="Spring users meeting", slug="spring", capacity=1
    )


@pytest.fixture
def registrants(meeting):
    first, second = UserFactory(email="first@example.org"), UserFactory()
    services.register(meeting, first, tell_them=False)
    services.register(meeting, second, tell_them=False)
    return first, second


def publish(meeting, **changes):
    """Edit and publish the meeting as the admin does: through a revision."""
    draft = meeting.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return EventPage.objects.get(pk=meeting.pk)


def test_moving_a_meeting_tells_every_registrant_and_raises_the_sequence(
    meeting, registrants, mailoutbox
):
    later = meeting.start + timedelta(days=7)

    meeting = publish(meeting, start=later, end=later + timedelta(hours=2))

    assert meeting.sequence == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in registrants)
    confirmed = next(m for m in mailoutbox if m.to == ["first@example.org"])
    assert confirmed.subject == "Changed: Spring users meeting"
    assert "The chairs have changed the time of Spring users meeting" in confirmed.body
    [(filename, content, _)] = confirmed.attachments
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == later.replace(microsecond=0)
    waiting = next(m for m in mailoutbox if m.to != ["first@example.org"])
    assert "You are still on the waiting list." in waiting.body
    assert waiting.attachments == []


def test_cancelling_says_why_and_marks_the_calendar_event_cancelled(
    meeting, registrants, mailoutbox
):
    publish(meeting, status="cancelled", status_reason="The speakers cannot come.")

    message = next(m for m in mailoutbox if m.to == ["first@example.org"])
    assert message.subject == "Cancelled: Spring users meeting"
    assert "The speakers cannot come." in message.body
    [event] = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"


def test_changing_only_the_words_tells_no_one(meeting, registrants, mailoutbox):
    meeting = publish(meeting, summary="A better summary.", title="Spring meeting")

    assert mailoutbox == []
    assert meeting.sequence == 0


def test_an_old_revision_cannot_roll_the_sequence_back(meeting, registrants):
    old_revision = meeting.save_revision()
    moved = meeting.start + timedelta(days=1)
    publish(meeting, start=moved, end=moved + timedelta(hours=2))

    # As the admin does, from the database: not the page object cached on it.
    Revision.objects.get(pk=old_revision.pk).publish()

    meeting = EventPage.objects.get(pk=meeting.pk)
    # Publishing the old time again is itself a change registrants hear about.
    assert meeting.sequence == 2
    assert meeting.announced["start"] == meeting.start.isoformat()


def test_moving_a_meeting_sends_its_reminders_again(meeting, registrants):
    meeting.registrations.update(week_reminder_sent_at=timezone.now())

    moved = meeting.start + timedelta(days=14)
    publish(meeting, start=moved, end=moved + timedelta(hours=2))

    assert not meeting.registrations.filter(week_reminder_sent_at__isnull=False)


def test_cancelled_registrations_are_not_told(meeting, registrants, mailoutbox):
    first, second = registrants
    services.cancel(services.registration_of(first, meeting), tell_them=False)
    mailoutbox.clear()  # The second has been told of their place.

    publish(meeting, venue="Room 2", format="hybrid")

    assert [m.to for m in mailoutbox] == [[second.email]]
    assert "place" in mailoutbox[0].body
