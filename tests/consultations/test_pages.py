from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from connections.models import ConsultationGapLink, ConsultationThreadLink
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import (
    ConsultationPage,
    State,
)
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + timedelta(days=n)


@pytest.fixture
def every_state(labour, housing):
    """One consultation in each state, made in an order that is not the listing's."""
    return {
        State.OUTCOME: ConsultationPageFactory(
            parent=labour,
            title="Decided",
            opens_at=days(-60),
            closes_at=days(-30),
            outcome_date=date.today(),
            outcome_summary="<p>You told us monthly matters.</p>",
        ),
        State.CLOSED: ConsultationPageFactory(
            parent=housing, title="Analysing", opens_at=days(-30), closes_at=days(-2)
        ),
        State.FORTHCOMING: ConsultationPageFactory(
            parent=labour, title="Coming", opens_at=days(5), closes_at=days(30)
        ),
        State.OPEN: ConsultationPageFactory(
            parent=labour, title="Open now", opens_at=days(-1), closes_at=days(20)
        ),
    }


def test_state_follows_from_the_dates_and_the_outcome(every_state):
    for state, consultation in every_state.items():
        assert consultation.state == state
    annotated = {
        page.title: page.state for page in ConsultationPage.objects.with_state()
    }
    assert annotated == {page.title: state for state, page in every_state.items()}


def test_outcome_is_due_twelve_weeks_after_closing_and_overdue_after(labour):
    closed = ConsultationPageFactory(
        parent=labour, opens_at=days(-120), closes_at=days(-90)
    )
    assert closed.outcome_due == timezone.localdate(closed.closes_at) + timedelta(
        weeks=12
    )
    assert closed.outcome_is_overdue
    recent = ConsultationPageFactory(
        parent=labour, opens_at=days(-30), closes_at=days(-2)
    )
    assert not recent.outcome_is_overdue


def test_consultation_lives_under_its_theme_at_one_address(
    client, consultation, member
):
    assert consultation.url == "/themes/labour/consultations/frequency/"
    page = client.get(consultation.url)
    assert page.status_code == 200
    assert b"Monthly or quarterly?" in page.content
    assert b"to respond" in page.content
    client.force_login(member)
    assert b"Respond to this consultation" in client.get(consultation.url).content
    assert client.get("/themes/labour/frequency/").status_code == 404
    assert client.get("/themes/labour/meetings/frequency/").status_code == 404


@pytest.mark.parametrize(
    ("state", "says"),
    [
        (State.FORTHCOMING, "You can read it now and respond from then"),
        (State.OPEN, "This consultation is open until"),
        (State.CLOSED, "We are analysing your feedback and will publish the outcome"),
        (State.OUTCOME, "Outcome: you said, we did"),
    ],
)
def test_each_state_says_what_happens_next(client, every_state, state, says):
    page = client.get(every_state[state].url)
    assert says in page.content.decode()


def test_an_overdue_outcome_is_shown_on_the_page(client, labour):
    late = ConsultationPageFactory(
        parent=labour, opens_at=days(-120), closes_at=days(-90)
    )
    content = client.get(late.url).content.decode()
    assert "The outcome is overdue" in content
    assert "Outcome overdue" in content


def test_list_puts_open_ones_first_and_filters(client, every_state):
    page = client.get("/consultations/")
    titles = [c.title for c in page.context["consultations"]]
    assert titles == ["Open now", "Coming", "Analysing", "Decided"]

    by_state = client.get("/consultations/", {"state": "closed"})
    assert [c.title for c in by_state.context["consultations"]] == ["Analysing"]
    by_theme = client.get("/consultations/", {"theme": "housing"})
    assert [c.title for c in by_theme.context["consultations"]] == ["Analysing"]
    # A filter value that is not one is ignored, not an error.
    odd = client.get("/consultations/", {"state": "nonsense", "theme": "nowhere"})
    assert odd.status_code == 200
    assert len(odd.context["consultations"]) == 4


def test_the_consultations_filters_keep_the_chosen_values(client, every_state):
    html = client.get(
        "/consultations/", {"state": "closed", "theme": "housing"}
    ).content.decode()

    assert '<option value="closed" selected>' in html
    assert '<option value="housing" selected>' in html
    assert "Apply filters</button>" in html
    # A value that drops out is not shown as chosen, nor as an error.
    html = client.get("/consultations/", {"state": "x" * 5000}).content.decode()
    state = html.split('name="state"')[1].split("</select>")[0]
    assert '<option value="" selected>Any state</option>' in state
    assert state.count(" selected>") == 1
    assert "govuk-error-message" not in html


def test_drafts_are_not_listed(client, labour):
    ConsultationPageFactory(parent=labour, title="Secret draft", live=False)
    assert b"Secret draft" not in client.get("/consultations/").content


def test_theme_page_shows_its_open_consultations_only(client, every_state, labour):
    content = client.get(labour.url).content.decode()
    assert "Open now" in content
    assert "Coming" not in content
    assert "Decided" not in content


def test_gaps_and_threads_show_the_consultations_about_them(
    client, consultation, labour
):
    gap = DataGapFactory(theme=labour, title="Monthly local estimates")
    thread = ThreadFactory(theme=labour, title="Why quarterly?")
    ConsultationGapLink.objects.create(page=consultation, data_gap=gap)
    ConsultationThreadLink.objects.create(page=consultation, thread=thread)
    draft = ConsultationPageFactory(parent=labour, title="Draft about gaps", live=False)
    ConsultationGapLink.objects.create(page=draft, data_gap=gap)

    on_consultation = client.get(consultation.url).content.decode()
    assert "Monthly local estimates" in on_consultation
    assert "Why quarterly?" in on_consultation
    for other_half in (gap, thread):
        content = client.get(other_half.get_absolute_url()).content.decode()
        assert '<h3 class="govuk-heading-s">Consultations</h3>' in content
        assert "Monthly or quarterly?" in content
        assert "Draft about gaps" not in content


def test_published_responses_appear_after_closing_as_consented(client, labour):
    consultation = ConsultationPageFactory(
        parent=labour, opens_at=days(-30), closes_at=days(-1)
    )
    named = ResponseFactory(
        consultation=consultation,
        user__first_name="Grace",
        user__last_name="Hopper",
        organisation_name="Users Group",
        respond_as="organisation",
    )
    ResponseFactory(consultation=consultation, publication="anonymous")
    ResponseFactory(
        consultation=consultation,
        publication="not_published",
        answers={"impact": "Keep this private"},
    )
    ResponseFactory(
        consultation=consultation,
        status="draft",
        answers={"impact": "Only a draft"},
    )
    page = client.get(consultation.url + "responses/")
    content = page.content.decode()
    assert page.status_code == 200
    assert f"{named.user.public_name}, for Users Group" in content
    assert "Anonymous respondent" in content
    assert "Keep this private" not in content
    assert "Only a draft" not in content
    # The published responses' choices, counted and drawn; the others count not.
    assert "What the published responses chose" in content
    assert 'role="img"' in content
    tally = page.context["tallies"][0]
    assert sum(row[1] for row in tally.rows) == 2
    assert (
        "Read the 2 published responses"
        in client.get(consultation.url).content.decode()
    )


def test_no_responses_are_published_while_open(client, consultation):
    ResponseFactory(consultation=consultation)
    assert client.get(consultation.url + "responses/").status_code == 404


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_page_and_list_keep_to_a_query_budget(client, member, consultation, labour):
    client.force_login(member)
    ResponseFactory(consultation=consultation, user=member)
    # What every page keeps in the cache (the footer's pages) is kept from the first.
    queries_for(client, consultation.url)
    few = [
        queries_for(client, consultation.url),
        queries_for(client, "/consultations/"),
    ]
    for _ in range(25):
        ConsultationPageFactory(parent=labour)
        ResponseFactory(consultation=consultation)
    many = [
        queries_for(client, consultation.url),
        queries_for(client, "/consultations/"),
    ]
    assert few == many
    page_queries, list_queries = many
    # Since issue 12 the page is routed through its theme's Consultations section:
    # two more to route down that level, one more to see its theme is published;
    # one more reads the address's locale (pages in Welsh).
    assert page_queries <= 29
    assert list_queries <= 16


def test_search_finds_consultations(client, consultation):
    found = client.get("/search/", {"query": "quarterly"}).content.decode()
    assert "Monthly or quarterly?" in found
    # Search now shows a snippet with the matched words marked (issue 14);
    # PostgreSQL's headline starts it at "propose", past the stop word "We".
    assert "propose to publish these statistics <mark>quarterly</mark>" in found
