"""/get-involved/: every way to take part now, a visitor's view; a member's themes
first and what they took part in marked in words."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from events import services as events
from events.factories import EventPageFactory
from forums import services as forums
from forums.factories import ThreadFactory
from gaps import services as gaps
from gaps.factories import DataGapFactory
from gaps.models import DataGap, Status
from themes.services import join_theme

pytestmark = pytest.mark.django_db

URL = "/get-involved/"


def listed(response, section):
    return [item.title for item in response.context["sections"][section].items]


def days(n):
    return timezone.now() + timedelta(days=n)


def test_the_navigation_leads_to_get_involved(client, home_page):
    response = client.get("/")
    assert '<a class="govuk-service-navigation__link" href="/get-involved/"' in (
        response.content.decode()
    )


def test_a_visitor_sees_open_consultations_closing_soonest_first(
    client, migration, housing
):
    ConsultationPageFactory(parent=migration, title="Later", closes_at=days(20))
    ConsultationPageFactory(parent=housing, title="Sooner", closes_at=days(3))
    ConsultationPageFactory(
        parent=housing, title="Not yet open", opens_at=days(2), closes_at=days(9)
    )
    ConsultationPageFactory(
        parent=housing, title="Closed", opens_at=days(-30), closes_at=days(-1)
    )
    ConsultationPageFactory(parent=housing, title="Draft", live=False)

    response = client.get(URL)

    assert listed(response, "consultations") == ["Sooner", "Later"]
    html = response.content.decode()
    assert "Sooner" in html and "Housing" in html


def test_meetings_listed_are_those_still_taking_registrations_with_a_place(
    client, migration, member
):
    EventPageFactory(parent=migration, title="Open, unlimited", start=days(9))
    full = EventPageFactory(parent=migration, title="Full", capacity=1)
    events.register(full, UserFactory(), tell_them=False)
    EventPageFactory(parent=migration, title="Past", start=days(-3))
    EventPageFactory(
        parent=migration,
        title="Cancelled",
        status="cancelled",
        status_reason="The venue is closed.",
    )
    EventPageFactory(parent=migration, title="Closed", registration_closes=days(-1))
    EventPageFactory(parent=migration, title="Not yet", registration_opens=days(2))
    EventPageFactory(parent=migration, title="Two places", capacity=3, start=days(4))
    events.register(
        EventPageFactory._meta.model.objects.get(title="Two places"),
        UserFactory(),
        tell_them=False,
    )

    response = client.get(URL)

    assert listed(response, "meetings") == ["Two places", "Open, unlimited"]
    html = response.content.decode()
    assert "2 places left" in html
    assert "Places not limited" in html


def test_gaps_under_assessment_or_raised_recently_are_listed_if_public(
    client, migration
):
    DataGapFactory(theme=migration, title="Assessed", status=Status.UNDER_ASSESSMENT)
    DataGapFactory(theme=migration, title="Just raised")
    old = DataGapFactory(theme=migration, title="Raised long ago")
    DataGap.objects.filter(pk=old.pk).update(created_at=days(-40))
    DataGapFactory(theme=migration, title="Held", is_public=False)
    closed = DataGapFactory(theme=migration, title="Met already", status=Status.MET)
    assert closed.is_closed

    response = client.get(URL)

    assert sorted(listed(response, "gaps")) == ["Assessed", "Just raised"]
    assert "Producers are assessing it" in response.content.decode()


def test_questions_waiting_for_an_answer_are_listed(client, migration, ons_producer):
    waiting = ThreadFactory(theme=migration, title="Waiting", kind="question")
    answered = ThreadFactory(theme=migration, title="Answered", kind="question")
    reply = forums.post_reply(answered, ons_producer, "Table 4.", tell=False)
    forums.mark_answer(answered, reply, marked_by=ons_producer, tell=False)
    ThreadFactory(theme=migration, title="A discussion", kind="discussion")
    ThreadFactory(theme=migration, title="Held", kind="question", is_public=False)
    ThreadFactory(theme=migration, title="Locked", kind="question", is_locked=True)

    response = client.get(URL)

    assert listed(response, "questions") == [waiting.title]


def test_a_private_or_unpublished_theme_shows_nothing(client, migration, housing):
    ThreadFactory(theme=housing, title="Private question", kind="question")
    DataGapFactory(theme=housing, title="Private gap")
    ConsultationPageFactory(parent=housing, title="Private consultation")
    EventPageFactory(parent=housing, title="Private meeting")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=housing, restriction_type="login")

    response = client.get(URL)

    html = response.content.decode()
    for title in ["Private question", "Private gap", "Private meeting"]:
        assert title not in html
    assert "Private consultation" not in html


def test_an_empty_site_says_so_in_words(client, home_page):
    response = client.get(URL)

    html = response.content.decode()
    assert "There is nothing open to take part in right now" in html
    assert "No consultation is open at the moment" in html
    assert "No meeting is taking registrations with places left" in html
    assert "Every question has an answer at the moment" in html


def test_a_member_sees_their_themes_first(client, migration, housing):
    member = UserFactory()
    join_theme(member, housing)
    ConsultationPageFactory(parent=migration, title="Migration's", closes_at=days(3))
    ConsultationPageFactory(parent=housing, title="Housing's", closes_at=days(20))
    EventPageFactory(parent=migration, title="Migration meeting", start=days(2))
    EventPageFactory(parent=housing, title="Housing meeting", start=days(8))
    DataGapFactory(theme=housing, title="Housing gap")
    DataGapFactory(theme=migration, title="Migration gap")
    ThreadFactory(theme=housing, title="Housing question", kind="question")
    ThreadFactory(theme=migration, title="Migration question", kind="question")
    client.force_login(member)

    response = client.get(URL)

    assert listed(response, "consultations") == ["Housing's", "Migration's"]
    assert listed(response, "meetings") == ["Housing meeting", "Migration meeting"]
    assert listed(response, "gaps") == ["Housing gap", "Migration gap"]
    assert listed(response, "questions") == ["Housing question", "Migration question"]
    # A visitor gets the plain order.
    client.logout()
    assert listed(client.get(URL), "consultations") == ["Migration's", "Housing's"]


def test_what_a_member_took_part_in_is_marked_in_words(client, migration):
    member = UserFactory()
    consultation = ConsultationPageFactory(parent=migration, title="Responded to")
    ResponseFactory(consultation=consultation, user=member)
    started = ConsultationPageFactory(parent=migration, title="Started")
    ResponseFactory(consultation=started, user=member, status="draft")
    meeting = EventPageFactory(parent=migration, title="Registered for")
    events.register(meeting, member, tell_them=False)
    gap = DataGapFactory(theme=migration, title="Supported gap")
    gaps.support(gap, member)
    DataGapFactory(theme=migration, title="Own gap", author=member)
    question = ThreadFactory(theme=migration, title="Replied to", kind="question")
    forums.post_reply(question, member, "We use table 3.", tell=False)
    ThreadFactory(theme=migration, title="Untouched", kind="question")
    client.force_login(member)

    response = client.get(URL)

    html = response.content.decode()
    for mark in [
        "Responded",
        "Response started",
        "Registered",
        "Supported",
        "Raised by you",
        "Replied",
    ]:
        assert f'<strong class="govuk-tag govuk-tag--green">{mark}</strong>' in html
    sections = response.context["sections"]
    assert {item.title: item.mark for item in sections["questions"].items} == {
        "Replied to": "Replied",
        "Untouched": "",
    }
    # Another member sees no marks.
    client.force_login(UserFactory())
    assert "govuk-tag--green" not in client.get(URL).content.decode()


def test_more_than_a_page_of_each_links_to_the_rest(client, migration):
    for n in range(12):
        ConsultationPageFactory(parent=migration, title=f"Consultation {n}")
        DataGapFactory(theme=migration, title=f"Gap {n}")
        ThreadFactory(theme=migration, title=f"Question {n}", kind="question")

    response = client.get(URL)

    html = response.content.decode()
    assert len(listed(response, "consultations")) == 10
    assert "See all 12 open consultations" in html
    assert "?status=under_assessment" in html
    assert "2 more questions are waiting" in html


def test_the_page_advertises_its_feed(client, home_page):
    html = client.get(URL).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Get involved" '
        'href="/get-involved.atom">'
    ) in html
