"""A visitor reads a theme's figures (at 320 and 1280 px): the charts pass axe and
the CSP; a bad date is shown by its field and the figures stay. A gap's supporter
answers "Did this meet your need?" from the emailed link."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from figures import satisfaction
from figures.models import SatisfactionAsk
from forums import services as forums
from forums.models import Thread
from gaps import services as gaps
from tests.browser.conftest import assert_accessible
from themes.services import join_theme

pytestmark = pytest.mark.browser


@pytest.fixture
def answered(migration, ons_producer):
    asker = UserFactory(sector="academic")
    join_theme(asker, migration)
    question = forums.start_thread(
        asker,
        migration,
        title="Where are visa tables?",
        body="Which release?",
        kind=Thread.Kind.QUESTION,
        tell=False,
    )
    reply = forums.post_reply(question, ons_producer, "In the quarterly release.")
    forums.mark_answer(question, reply, marked_by=ons_producer, tell=False)
    gap = gaps.raise_gap(
        asker, migration, title="Visas by age", measure="M", purpose="P"
    )
    gaps.change_status(gap, ons_producer, status="met", note="Published.")
    return question


def test_a_visitor_reads_a_themes_figures_and_chooses_a_period(
    page, migration, answered
):
    page.goto(migration.url)
    page.get_by_role("link", name="Figures for Migration").click()

    expect(page.get_by_role("heading", level=1, name="Figures")).to_be_visible()
    expect(page.get_by_role("img", name="Questions for the producers")).to_be_visible()
    expect(page.locator("#questions > p").first).to_contain_text(
        "1 questions asked; 100% answered by a producer"
    )
    expect(
        page.get_by_role("link", name="Where are visa tables?")
    ).to_be_visible()  # you said, we did
    assert_accessible(page)

    page.get_by_text("Choose the period").click()
    page.get_by_role("group", name="From").get_by_label("Day").fill("31")
    page.get_by_role("group", name="From").get_by_label("Month").fill("2")
    page.get_by_role("group", name="From").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show figures").click()

    expect(page.get_by_role("alert")).to_contain_text("From must be a real date")
    expect(page.get_by_role("group", name="From").get_by_label("Day")).to_have_value(
        "31"
    )
    expect(
        page.get_by_role("heading", level=2, name="Questions for the producers")
    ).to_be_visible()
    assert_accessible(page)


def test_a_supporter_answers_from_the_emailed_link(page, migration, answered):
    satisfaction.ask_about_outcomes()
    ask = SatisfactionAsk.objects.get(outcome="gap")
    link = satisfaction.answer_link(ask, False)

    page.goto("/" + link.split("/", 3)[3])

    expect(
        page.get_by_role("heading", level=1, name="Did this meet your need?")
    ).to_be_visible()
    expect(page.get_by_label("No")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Anything you want to add (optional)").fill("Not by age band.")
    page.get_by_role("button", name="Send your answer").click()

    expect(
        page.get_by_role("heading", level=1, name="Thank you for your answer")
    ).to_be_visible()
    assert_accessible(page)
    ask.refresh_from_db()
    assert (ask.satisfied, ask.comment) == (False, "Not by age band.")
