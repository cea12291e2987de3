"""Get involved as Atom and as iCalendar: what the page lists a visitor."""

from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from gaps.models import Status
from tests.feeds import parsed

pytestmark = pytest.mark.django_db

FEED = "/get-involved.atom"
CALENDAR = "/get-involved.ics"


def days(n):
    return timezone.now() + timedelta(days=n)


def test_the_addresses_sit_beside_the_page():
    assert reverse("home:get_involved") == "/get-involved/"
    assert reverse("home:get_involved_feed") == FEED
    assert reverse("home:get_involved_calendar") == CALENDAR


def test_the_feed_lists_every_kind_of_opportunity_newest_first(
    client, migration, housing, ons
):
    ConsultationPageFactory(
        parent=migration,
        title="Monthly <or> quarterly?",
        contact_organisation=ons,
        opens_at=days(-3),
        closes_at=days(10),
    )
    EventPageFactory(parent=housing, title="Housing users meeting", capacity=4)
    DataGapFactory(
        theme=migration,
        title="Visas by age & sex",
        measure="Visas <granted> by age.",
        status=Status.UNDER_ASSESSMENT,
    )
    ThreadFactory(
        theme=housing, title="Where are rents?", kind="question", body="*Rents* now?"
    )
    ThreadFactory(theme=housing, title="A chat", kind="discussion")

    feed = parsed(client, FEED)

    assert feed.feed.title == "statsforum: get involved"
    assert feed.feed.link == "http://testserver/get-involved/"
    titles = [entry.title for entry in feed.entries]
    assert sorted(titles) == [
        "Consultation: Monthly <or> quarterly?",
        "Data gap: Visas by age & sex",
        "Meeting: Housing users meeting",
        "Question: Where are rents?",
    ]
    assert len({entry.id for entry in feed.entries}) == 4
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    by_title = {entry.title: entry for entry in feed.entries}
    gap = by_title["Data gap: Visas by age & sex"]
    assert gap.summary.startswith("<p>Visas &lt;granted&gt; by age.</p>")
    assert {tag.term for tag in gap.tags} == {"Data gaps", "Migration"}
    assert gap.link.startswith("http://testserver/themes/migration/data-gaps/")
    meeting = by_title["Meeting: Housing users meeting"]
    assert "4 places left." in meeting.summary
    question = by_title["Question: Where are rents?"]
    assert question.summary == "<p><em>Rents</em> now?</p>"
    consultation = by_title["Consultation: Monthly <or> quarterly?"]
    assert "Asked by Office for National Statistics." in consultation.summary


def test_the_feed_leaves_out_held_posts_and_private_themes(client, migration, housing):
    from wagtail.models import PageViewRestriction

    DataGapFactory(theme=migration, title="Held gap", is_public=False)
    ThreadFactory(theme=migration, title="Held", kind="question", is_public=False)
    ThreadFactory(theme=housing, title="Private", kind="question")
    EventPageFactory(parent=housing, title="Private meeting")
    PageViewRestriction.objects.create(page=housing, restriction_type="login")
    client.force_login(UserFactory())  # the feed is a visitor's view for anyone

    feed = parsed(client, FEED)

    assert feed.entries == []


def test_the_calendar_has_the_meetings_and_the_consultations_closing(client, migration):
    meeting = EventPageFactory(parent=migration, title="Spring meeting")
    consultation = ConsultationPageFactory(
        parent=migration, title="Monthly?", closes_at=days(12)
    )
    EventPageFactory(parent=migration, title="Past meeting", start=days(-4))
    ConsultationPageFactory(parent=migration, title="Not open yet", opens_at=days(3))

    response = client.get(CALENDAR)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "statsforum: get involved"
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        f"meeting-{meeting.pk}@statsforum",
        f"consultation-closes-{consultation.pk}@statsforum",
    }
    closing = events[f"consultation-closes-{consultation.pk}@statsforum"]
    assert str(closing["summary"]) == "Consultation closes: Monthly?"
    assert closing.decoded("dtstart") == consultation.closes_at.replace(microsecond=0)
    assert str(closing["url"]).endswith(consultation.url)
    assert "dtend" not in closing
