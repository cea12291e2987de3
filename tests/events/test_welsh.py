"""Meetings in Welsh, at their /cy/ addresses: the page's words, the meeting's format
and the day and month of its date are Welsh; its title and summary stay as written."""

from datetime import datetime, timedelta
from html import unescape

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from core.languages import address_in
from events import reminders
from events.calendar import LONDON
from events.factories import EventPageFactory
from events.models import MeetingRegistration

pytestmark = pytest.mark.django_db


def welsh(path):
    return address_in(path, "cy")


def text(response):
    # Apostrophes arrive escaped (&#x27;): compare the text a reader sees.
    return unescape(response.content.decode())


@pytest.fixture
def meeting(migration):
    return EventPageFactory(
        parent=migration,
        title="Spring users meeting",
        slug="spring",
        start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
        end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
        capacity=20,
    )


def test_a_meeting_page_is_in_welsh_with_a_welsh_date(client, meeting):
    page = text(client.get(welsh(meeting.url)))

    for cymraeg in [
        "Cyfarfod",
        "Pryd",
        "Fformat",
        "Ar-lein",
        "Cofrestru ar gyfer y cyfarfod hwn",
        "Ychwanegu at eich calendr (.ics)",
        "20 o 20 ar ôl",
        "Mawrth 2030",
        "(amser y DU)",
    ]:
        assert cymraeg in page
    assert "Spring users meeting" in page
    for english in [
        "Register for this meeting",
        "Add to your calendar",
        "Joining link",
        "20 of 20 left",
        "March 2030",
        "(UK time)",
    ]:
        assert english not in page


def test_the_meetings_list_is_in_welsh(client, meeting):
    page = text(client.get(welsh(reverse("events:meetings"))))

    for cymraeg in ["Cyfarfodydd", "Gweld cyfarfodydd blaenorol", "Ar-lein"]:
        assert cymraeg in page
    assert "See past meetings" not in page
    assert "Theme meetings where users and producers talk." not in page


def test_registering_asks_for_access_needs_in_welsh(client, meeting):
    client.force_login(UserFactory())

    page = text(client.get(welsh(meeting.url + "register/")))

    assert "Anghenion mynediad (dewisol)" in page
    assert "Cofrestru ar gyfer y cyfarfod hwn" in page
    assert "Access needs (optional)" not in page


def test_the_english_meeting_page_stays_english(client, meeting):
    page = text(client.get(meeting.url))

    assert "Register for this meeting" in page and "March 2030" in page
    assert "Cofrestru" not in page


def test_a_reminder_says_when_the_meeting_is_in_the_members_language(
    meeting, mailoutbox
):
    cymro, sais = UserFactory(email_language="cy"), UserFactory(email_language="en-gb")
    for member in (cymro, sais):
        registration = MeetingRegistration.objects.create(
            meeting=meeting, user=member, status=MeetingRegistration.Status.CONFIRMED
        )
        # Registered long before, so the week's reminder is owed.
        MeetingRegistration.objects.filter(pk=registration.pk).update(
            created_at=meeting.start - timedelta(days=30)
        )

    # Friday, four days before the Tuesday meeting.
    reminders.queue_reminders(datetime(2030, 3, 1, 9, 0, tzinfo=LONDON))

    found = {message.to[0]: message for message in mailoutbox}
    welsh_email, english_email = found[cymro.email], found[sais.email]
    assert welsh_email.subject == "Nodyn atgoffa: mae Spring users meeting ddydd Mawrth"
    assert "on Tuesday" not in welsh_email.body
    assert english_email.subject == "Reminder: Spring users meeting is on Tuesday"
