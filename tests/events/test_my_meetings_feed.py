from datetime import timedelta

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from events import services
from events.factories import EventPageFactory
from events.models import MeetingFeed

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return UserFactory()


def feed_url(user):
    feed, _ = MeetingFeed.objects.get_or_create(user=user)
    return reverse("events:my_calendar", args=[feed.token])


def summaries(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_the_feed_has_exactly_the_members_meetings(client, migration, member):
    full = EventPageFactory(parent=migration, title="Full", capacity=1)
    services.register(full, UserFactory(), tell_them=False)
    mine = EventPageFactory(parent=migration, title="Mine")
    given_up = EventPageFactory(parent=migration, title="Given up")
    EventPageFactory(parent=migration, title="Not mine")
    theirs = EventPageFactory(parent=migration, title="Theirs")
    last_month = EventPageFactory(
        parent=migration,
        title="Last month",
        start=timezone.now() - timedelta(days=30),
    )
    long_ago = EventPageFactory(
        parent=migration, title="Long ago", start=timezone.now() - timedelta(days=800)
    )
    for meeting in (mine, full, given_up):
        services.register(meeting, member, tell_them=False)
    services.cancel(services.registration_of(member, given_up))
    services.register(theirs, UserFactory(), tell_them=False)
    # Registration has closed on meetings in the past; the rows still count.
    for meeting in (last_month, long_ago):
        meeting.registrations.create(user=member, status="confirmed")

    response = client.get(feed_url(member))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    assert response["Cache-Control"] == "private"
    # The waiting list counts too: the member still means to go.
    assert summaries(response) == ["Full", "Last month", "Mine"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "statsforum: your meetings"
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert f"meeting-{mine.pk}@statsforum" in uids


def test_an_unpublished_meeting_leaves_the_feed(client, migration, member):
    meeting = EventPageFactory(parent=migration, title="Withdrawn")
    services.register(meeting, member, tell_them=False)
    meeting.unpublish()

    assert summaries(client.get(feed_url(member))) == []


def test_the_address_is_all_a_calendar_app_needs(migration, member):
    meeting = EventPageFactory(parent=migration, title="Mine")
    services.register(meeting, member, tell_them=False)
    # A calendar app sends no cookies; a browser with someone else signed in is
    # still served the address's owner's meetings.
    someone_else = Client()
    someone_else.force_login(UserFactory())

    signed_out = Client().get(feed_url(member))
    signed_in = someone_else.get(feed_url(member))

    assert summaries(signed_out) == summaries(signed_in) == ["Mine"]
    assert "Set-Cookie" not in signed_out.headers


def test_an_unknown_address_is_not_found(client, member):
    feed_url(member)

    assert client.get("/meetings/mine/not-a-real-token.ics").status_code == 404
    assert client.get("/meetings/mine/.ics").status_code == 404


def test_the_dashboard_gives_the_member_their_address(client, member):
    client.force_login(member)

    html = client.get(reverse("dashboard")).content.decode()

    feed = MeetingFeed.objects.get(user=member)
    assert "Your meetings calendar" in html
    assert f'value="http://127.0.0.1:8000/meetings/mine/{feed.token}.ics"' in html
    # Seeing the page again keeps the same address.
    client.get(reverse("dashboard"))
    assert MeetingFeed.objects.get(user=member).token == feed.token


def test_the_dashboard_makes_one_query_for_the_address(client, member):
    client.force_login(member)
    client.get(reverse("dashboard"))
    MeetingFeed.objects.filter(user=member).delete()

    with CaptureQueriesContext(connection) as first:
        client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as later:
        client.get(reverse("dashboard"))

    feed_queries = [q for q in later if "events_meetingfeed" in q["sql"]]
    assert len(feed_queries) == 1
    # Only the first visit makes the address.
    assert len(first) > len(later)


def test_a_member_can_replace_their_address(client, migration, member):
    meeting = EventPageFactory(parent=migration, title="Mine")
    services.register(meeting, member, tell_them=False)
    old = feed_url(member)
    client.force_login(member)

    response = client.post(reverse("events:new_calendar_address"), follow=True)

    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert "Your old calendar address no longer works." in response.content.decode()
    new = feed_url(member)
    assert new != old
    assert new in response.content.decode()
    assert Client().get(old).status_code == 404
    assert summaries(Client().get(new)) == ["Mine"]


def test_replacing_the_address_before_ever_seeing_it_makes_one(client, member):
    client.force_login(member)

    client.post(reverse("events:new_calendar_address"))

    assert MeetingFeed.objects.filter(user=member).exists()


def test_replacing_the_address_needs_a_post(client, member):
    old = feed_url(member)
    client.force_login(member)

    response = client.get(reverse("events:new_calendar_address"))

    assert response.status_code == 405
    assert feed_url(member) == old


def test_replacing_the_address_needs_the_form_token(member):
    old = feed_url(member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(reverse("events:new_calendar_address"))

    assert response.status_code == 403
    assert feed_url(member) == old


def test_visitors_and_unverified_members_cannot_replace_an_address(client):
    response = client.post(reverse("events:new_calendar_address"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not MeetingFeed.objects.exists()

    unverified = UserFactory(verified=False)
    old = feed_url(unverified)
    client.force_login(unverified)
    client.post(reverse("events:new_calendar_address"))

    assert feed_url(unverified) == old


def test_the_service_replaces_only_this_members_address(member):
    other = UserFactory()
    old, others = feed_url(member), feed_url(other)

    services.replace_calendar_address(member)

    assert feed_url(member) != old
    assert Client().get(old).status_code == 404
    assert feed_url(other) == others
