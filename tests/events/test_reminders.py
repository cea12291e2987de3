from datetime import datetime, timedelta
from io import StringIO

import icalendar
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from accounts.factories import UserFactory
from accounts.models import NotificationPreference
from accounts.notifications import get_kind, set_frequency
from events import reminders
from events.calendar import LONDON
from events.factories import EventPageFactory
from events.models import EventPage, MeetingRegistration

pytestmark = pytest.mark.django_db

Status = MeetingRegistration.Status
# Nine in the morning UK time, so "tomorrow" and "next week" are unambiguous.
NOW = datetime(2031, 3, 4, 9, 0, tzinfo=LONDON)


def meeting_at(parent, start, **kwargs):
    return EventPageFactory(parent=parent, start=start, **kwargs)


def registered(meeting, registered_at, status=Status.CONFIRMED, user=None):
    registration = MeetingRegistration.objects.create(
        meeting=meeting, user=user or UserFactory(), status=status
    )
    # created_at is set on insert; move it to when they registered.
    MeetingRegistration.objects.filter(pk=registration.pk).update(
        created_at=registered_at
    )
    return registration


def test_a_member_who_registered_early_is_reminded_a_week_before(migration, mailoutbox):
    meeting = meeting_at(
        migration, NOW + timedelta(days=6, hours=23), title="Census users meeting"
    )
    registration = registered(meeting, NOW - timedelta(days=30))

    assert reminders.queue_reminders(NOW) == 1

    [message] = mailoutbox
    assert message.to == [registration.user.email]
    assert message.subject == "Reminder: Census users meeting is next week"
    registration.refresh_from_db()
    assert registration.week_reminder_sent_at == NOW
    assert registration.day_reminder_sent_at is None


def test_a_meeting_more_than_a_week_away_gets_no_reminder_yet(migration, mailoutbox):
    meeting = meeting_at(migration, NOW + timedelta(days=7, hours=1))
    registered(meeting, NOW - timedelta(days=30))

    assert reminders.queue_reminders(NOW) == 0
    assert mailoutbox == []


def test_a_member_is_reminded_the_day_before(migration, mailoutbox):
    meeting = meeting_at(
        migration, NOW + timedelta(hours=23), title="Census users meeting"
    )
    registration = registered(meeting, NOW - timedelta(days=3))

    assert reminders.queue_reminders(NOW) == 1

    [message] = mailoutbox
    assert message.subject == "Reminder: Census users meeting is tomorrow"
    registration.refresh_from_db()
    assert registration.day_reminder_sent_at == NOW
    # Registered three days before: too late for a week reminder, and it is past.
    assert registration.week_reminder_sent_at is None


def test_someone_who_registered_within_the_week_gets_no_week_reminder(
    migration, mailoutbox
):
    meeting = meeting_at(migration, NOW + timedelta(days=4))
    registration = registered(meeting, meeting.start - timedelta(days=3))

    assert reminders.queue_reminders(NOW) == 0
    # They still get the day reminder.
    assert reminders.queue_reminders(meeting.start - timedelta(hours=20)) == 1
    registration.refresh_from_db()
    assert registration.week_reminder_sent_at is None
    assert registration.day_reminder_sent_at is not None
    assert len(mailoutbox) == 1


def test_someone_who_registered_within_the_day_gets_no_reminder(migration, mailoutbox):
    meeting = meeting_at(migration, NOW + timedelta(hours=10))
    registered(meeting, NOW - timedelta(hours=2))

    assert reminders.queue_reminders(NOW) == 0
    assert mailoutbox == []


def test_a_meeting_that_has_started_gets_no_reminder(migration, mailoutbox):
    meeting = meeting_at(migration, NOW - timedelta(minutes=5))
    registered(meeting, NOW - timedelta(days=30))

    assert reminders.queue_reminders(NOW) == 0


@pytest.mark.parametrize(
    "status", [Status.WAITING, Status.CANCELLED], ids=["waiting", "cancelled"]
)
def test_only_confirmed_registrations_are_reminded(migration, mailoutbox, status):
    meeting = meeting_at(migration, NOW + timedelta(hours=20))
    registered(meeting, NOW - timedelta(days=30), status=status)

    assert reminders.queue_reminders(NOW) == 0
    assert mailoutbox == []


@pytest.mark.parametrize(
    "status", [EventPage.Status.CANCELLED, EventPage.Status.POSTPONED]
)
def test_cancelled_and_postponed_meetings_send_no_reminders(
    migration, mailoutbox, status
):
    meeting = meeting_at(
        migration,
        NOW + timedelta(hours=20),
        status=status,
        status_reason="The venue is closed.",
    )
    registered(meeting, NOW - timedelta(days=30))

    assert reminders.queue_reminders(NOW) == 0
    assert mailoutbox == []


def test_an_unpublished_meeting_sends_no_reminders(migration, mailoutbox):
    meeting = meeting_at(migration, NOW + timedelta(hours=20))
    registered(meeting, NOW - timedelta(days=30))
    meeting.unpublish()

    assert reminders.queue_reminders(NOW) == 0
    assert mailoutbox == []


def test_each_reminder_is_sent_once(migration, mailoutbox):
    meeting = meeting_at(migration, NOW + timedelta(days=6))
    registered(meeting, NOW - timedelta(days=30))

    assert reminders.queue_reminders(NOW) == 1
    assert reminders.queue_reminders(NOW + timedelta(hours=1)) == 0
    assert reminders.queue_reminders(meeting.start - timedelta(hours=23)) == 1
    assert reminders.queue_reminders(meeting.start - timedelta(hours=22)) == 0
    assert len(mailoutbox) == 2


def test_a_reminder_another_run_has_claimed_is_not_sent(migration, mailoutbox):
    meeting = meeting_at(migration, NOW + timedelta(hours=20))
    registration = registered(meeting, NOW - timedelta(days=30))
    # Another run's UPDATE lands between this run's query and its claim.
    [due] = reminders.due_reminders(NOW)
    MeetingRegistration.objects.filter(pk=registration.pk).update(
        day_reminder_sent_at=NOW
    )

    assert not reminders.claim(due, "day", NOW)
    assert mailoutbox == []


def test_a_reminder_that_fails_is_tried_again_and_holds_up_no_one(
    migration, mailoutbox, monkeypatch
):
    meeting = meeting_at(migration, NOW + timedelta(hours=20))
    unlucky = registered(meeting, NOW - timedelta(days=30))
    registered(meeting, NOW - timedelta(days=30))
    notify = reminders.notify

    def fail_for_one(user, *args, **kwargs):
        if user == unlucky.user:
            raise ConnectionError("The task queue is down.")
        return notify(user, *args, **kwargs)

    monkeypatch.setattr(reminders, "notify", fail_for_one)
    assert reminders.queue_reminders(NOW) == 1
    unlucky.refresh_from_db()
    assert unlucky.day_reminder_sent_at is None

    monkeypatch.setattr(reminders, "notify", notify)
    assert reminders.queue_reminders(NOW + timedelta(hours=1)) == 1
    assert len(mailoutbox) == 2


def test_members_who_turned_reminders_off_get_none_but_count_as_done(
    migration, mailoutbox
):
    meeting = meeting_at(migration, NOW + timedelta(hours=20))
    registration = registered(meeting, NOW - timedelta(days=30))
    set_frequency(
        registration.user,
        get_kind("meeting_reminder"),
        NotificationPreference.Frequency.OFF,
    )

    assert reminders.queue_reminders(NOW) == 0

    assert mailoutbox == []
    registration.refresh_from_db()
    assert registration.day_reminder_sent_at == NOW


def test_the_reminder_gives_the_details_the_joining_link_and_a_calendar_file(
    migration, mailoutbox
):
    meeting = meeting_at(
        migration,
        datetime(2031, 3, 5, 10, 0, tzinfo=LONDON),
        end=datetime(2031, 3, 5, 12, 30, tzinfo=LONDON),
        title="Census users meeting",
        slug="census",
        format=EventPage.Format.HYBRID,
        venue="Government Buildings",
        address="Cardiff Road\nNewport",
        joining_link="https://meet.example.org/census",
    )
    registered(meeting, NOW - timedelta(days=30))

    reminders.queue_reminders(NOW)

    [message] = mailoutbox
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Wednesday 5 March 2031, 10:00 to 12:30 (UK time)" in body
        assert "In person and online" in body
        assert "Government Buildings" in body
        assert "https://meet.example.org/census" in body
        assert "/themes/migration/meetings/census/" in body
    assert 'href="https://meet.example.org/census"' in html
    assert message.extra_headers["List-Unsubscribe"]
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("meeting.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.pk}@statsforum"
    assert str(event["SUMMARY"]) == "Census users meeting"
    assert event.decoded("DTSTART") == meeting.start
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"


@pytest.mark.parametrize(
    ("start", "coming"),
    [
        (datetime(2031, 3, 4, 18, 0), "today"),
        (datetime(2031, 3, 5, 8, 0), "tomorrow"),
        (datetime(2031, 3, 7, 10, 0), "on Friday"),
        (datetime(2031, 3, 11, 8, 0), "next week"),
    ],
)
def test_the_subject_says_when_in_uk_days(start, coming):
    assert reminders.coming(start.replace(tzinfo=LONDON), NOW) == coming


def test_the_command_sends_what_is_due_and_nothing_the_second_time(
    migration, mailoutbox
):
    # The command works from the real clock.
    now = timezone.now()
    week = meeting_at(migration, now + timedelta(days=5))
    day = meeting_at(migration, now + timedelta(hours=12))
    registered(week, now - timedelta(days=20))
    registered(day, now - timedelta(days=20))
    registered(day, now - timedelta(days=20))

    first, second = StringIO(), StringIO()
    call_command("send_meeting_reminders", stdout=first)
    call_command("send_meeting_reminders", stdout=second)

    assert first.getvalue() == "Queued 3 meeting reminders.\n"
    assert second.getvalue() == "Queued 0 meeting reminders.\n"
    assert len(mailoutbox) == 3


def test_the_query_count_does_not_grow_with_the_number_of_meetings(migration):
    def count_queries(meetings, members):
        for meeting in meetings:
            for _ in range(members):
                registered(meeting, NOW - timedelta(days=30))
        with CaptureQueriesContext(connection) as queries:
            assert reminders.queue_reminders(NOW) == len(meetings) * members
        return len(queries)

    start = NOW + timedelta(hours=20)
    Site.get_site_root_paths()  # cached from here on, as on a running site
    one_meeting = count_queries([meeting_at(migration, start)], members=10)
    ten_meetings = count_queries(
        [meeting_at(migration, start) for _ in range(10)], members=1
    )

    assert ten_meetings == one_meeting
