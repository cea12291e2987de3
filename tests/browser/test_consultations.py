"""A producer consults, an editor approves, a member responds, everyone hears the
outcome."""

import csv
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from connections.models import ConsultationGapLink
from consultations.factories import (
    COMPLETE_ANSWERS,
    ConsultationPageFactory,
    ResponseFactory,
)
from consultations.models import (
    ConsultationPage,
    ConsultationResponse,
)
from gaps.factories import DataGapFactory
from tests.browser.conftest import assert_accessible, settle
from tests.browser.test_account_journeys import (
    approve_as_editor,
    sign_in,
    sign_in_staff,
    sign_out,
)
from themes.services import join_theme

pytestmark = pytest.mark.browser


def insert_block(page, stream, name):
    """Insert a block from a StreamField's menu, once the new section has settled."""
    option = page.get_by_role("option", name=name)
    for _ in range(3):
        stream.get_by_role("button", name="Insert a block").first.click()
        try:
            expect(option).to_be_visible(timeout=3000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    option.click()


def test_a_producer_drafts_a_consultation_and_an_editor_approves_it(
    page, labour, ons, producer, editor, consultation_approval, mailoutbox
):
    member = UserFactory(email="ann@example.org")
    join_theme(member, labour)
    sign_in_staff(page, producer)
    page.goto(f"/admin/pages/add/consultations/consultationpage/{labour.pk}/")
    page.get_by_role("textbox", name="Title*").fill("Quarterly labour statistics")
    page.keyboard.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("quarterly-labour-statistics")
    page.get_by_role("textbox", name="Summary*").fill(
        "Should the Labour Force Survey estimates move to quarterly?"
    )
    opens = timezone.localtime() - timedelta(hours=1)
    page.get_by_role("textbox", name="Opens*").fill(f"{opens:%Y-%m-%d %H:%M}")
    # Closing before opening is the mistake to make first.
    page.get_by_role("textbox", name="Closes*").fill(
        f"{opens - timedelta(days=1):%Y-%m-%d %H:%M}"
    )
    page.get_by_role("combobox", name="Producer*").select_option(label=str(ons))
    page.get_by_role("textbox", name="Contact name*").fill("Priya Shah")
    page.get_by_role("textbox", name="Contact email*").fill("lfs@ons.example.org")
    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    body.get_by_role("textbox").first.fill("We propose quarterly estimates.")

    page.get_by_role("tab", name="Questions").click()
    questions = page.locator("#panel-child-questions-questions-section")
    # Sections are the only block here, so inserting one needs no menu.
    questions.get_by_role("button", name="Insert a block").first.click()
    questions.get_by_role("textbox", name="Heading*").fill("Your view")
    # The field and each section's own list of questions are both "questions".
    section_questions = questions.locator(
        "[data-contentpath='questions'] [data-contentpath='questions']"
    )
    insert_block(page, section_questions, "Agreement scale")
    questions.get_by_role("textbox", name="Question*").fill(
        "Should the estimates be quarterly?"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(
        page.get_by_text("The consultation must close after it opens.")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("tab", name="Content").click()
    page.get_by_role("textbox", name="Closes*").fill(
        f"{opens + timedelta(days=28):%Y-%m-%d %H:%M}"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("'Quarterly labour statistics' created")).to_be_visible()
    # A producer submits; only an editor publishes.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    page.get_by_role("button", name="Submit to Consultation approval").click()
    expect(page.get_by_text("has been submitted")).to_be_visible()
    settle(page)
    assert not [m for m in mailoutbox if m.subject.startswith("Consultation open")]

    approve_as_editor(page, editor, "Quarterly labour statistics")
    expect(page.get_by_text("has been updated")).to_be_visible()
    settle(page)
    consultation = ConsultationPage.objects.get(title="Quarterly labour statistics")
    assert consultation.live
    told = [m for m in mailoutbox if m.subject.startswith("Consultation open")]
    assert "ann@example.org" in {m.to[0] for m in told}

    page.goto(labour.url)
    page.get_by_role("link", name="Quarterly labour statistics").click()
    expect(page.get_by_text("Should the estimates be quarterly?")).to_be_visible()
    assert_accessible(page)


def test_a_member_responds_after_an_error_saves_a_draft_and_hears_the_outcome(
    page, labour, ons, producer, editor, mailoutbox
):
    consultation = ConsultationPageFactory(
        parent=labour,
        title="Monthly or quarterly?",
        slug="frequency",
        contact_organisation=ons,
        one_page_per_section=True,
    )
    gap = DataGapFactory(theme=labour, title="Monthly figures for small areas")
    ConsultationGapLink.objects.create(page=consultation, data_gap=gap)
    member = UserFactory(email="ann@example.org", first_name="Ann")
    sign_in(page, member.email)
    page.goto(consultation.url)
    assert_accessible(page)
    page.get_by_role("link", name="Respond to this consultation").click()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    page.get_by_label("Every week").check()
    page.get_by_role("button", name="Save and continue").click()

    # The agreement question was left out: the error is next to it, and the
    # answer given is kept.
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_agree-quarterly-error")).to_contain_text(
        "Select an answer to"
    )
    expect(page.get_by_label("Every week")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("link", name="Select an answer to").click()
    page.get_by_label("Disagree", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    page.get_by_label("What would the change mean for your work?").fill(
        "We plan services from the monthly figures."
    )
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("Your answers are saved")).to_be_visible()
    assert_accessible(page)

    # Later, the member comes back to the draft.
    page.goto(consultation.url)
    page.get_by_role("link", name="Continue your response").click()
    expect(page.get_by_label("Every week")).to_be_checked()
    page.get_by_role("button", name="Save and continue").click()
    expect(
        page.get_by_label("What would the change mean for your work?")
    ).to_have_value("We plan services from the monthly figures.")
    page.get_by_label("Region").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("On behalf of an organisation").check()
    page.get_by_label("Organisation (if you are responding for one)").fill(
        "Northshire Council"
    )
    page.get_by_label("Yes, with my name").check()
    assert_accessible(page)
    page.get_by_role("button", name="Submit your response").click()
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()
    assert_accessible(page)
    settle(page)
    [copy] = [m for m in mailoutbox if m.subject.startswith("Your response")]
    assert "We plan services from the monthly figures." in copy.body
    # Their account lists it, and the data gap it concerns points to it.
    page.goto("/my/")
    expect(page.get_by_role("link", name="See your response")).to_be_visible()
    assert_accessible(page)
    page.goto(gap.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Monthly or quarterly?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monthly or quarterly?")
    sign_out(page)

    # The producer downloads the responses.
    sign_in_staff(page, producer)
    page.goto(f"/admin/pages/{labour.pk}/")
    page.get_by_role("button", name="More options for 'Monthly or quarterly?'").click()
    page.get_by_role("link", name="Responses").click()
    expect(page.get_by_text("1 response submitted")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    path = download_info.value.path()
    with open(path, encoding="utf-8-sig") as file:
        header, row = list(csv.reader(file))
    assert row[header.index("organisation")] == "Northshire Council"
    assert row[header.index("Which breakdowns do you need?")] == "Region"
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    # It closes; an editor publishes the outcome.
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    sign_in_staff(page, editor)
    page.goto(f"/admin/pages/{consultation.pk}/edit/")
    page.get_by_role("tab", name="Outcome").click()
    page.get_by_role("textbox", name="Outcome date").fill(
        f"{timezone.localdate():%Y-%m-%d}"
    )
    # Writing the summary next also closes the date picker.
    outcome = page.locator("#panel-child-outcome-outcome_summary-section")
    outcome.get_by_role("textbox").click()
    expect(page.locator(".xdsoft_datetimepicker").first).to_be_hidden()
    outcome.get_by_role("textbox").fill("Most respondents use the monthly figures.")
    # Draftail copies the editor into its form field a moment after typing stops.
    expect(page.locator("#id_outcome_summary")).to_have_value(
        re.compile("monthly figures")
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()
    settle(page)
    [told] = [m for m in mailoutbox if m.subject.startswith("Outcome published")]
    assert told.to == ["ann@example.org"]
    page.goto(consultation.url)
    expect(
        page.get_by_role("heading", name="Outcome: you said, we did")
    ).to_be_visible()
    page.get_by_role("link", name="Read the 1 published response").click()
    expect(
        page.get_by_text(f"{member.public_name}, for Northshire Council")
    ).to_be_visible()
    assert_accessible(page)
    assert ConsultationResponse.objects.get().is_submitted


def test_a_producer_withholds_a_response_from_publication(page, labour, ons, producer):
    consultation = ConsultationPageFactory(
        parent=labour, title="Monthly or quarterly?", contact_organisation=ons
    )
    ResponseFactory(
        consultation=consultation,
        user=UserFactory(first_name="Ann", last_name="Lee"),
        answers={**COMPLETE_ANSWERS, "impact": "My manager Bob is useless."},
    )
    sign_in_staff(page, producer)
    page.goto(f"/admin/consultations/{consultation.pk}/responses/")
    page.get_by_role("link", name="Ann Lee").click()
    expect(page.get_by_text("My manager Bob is useless.")).to_be_visible()

    page.get_by_role("button", name="Withhold from publication").click()
    no_reason = page.get_by_text("Say why you are withholding this response")
    expect(no_reason).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why are you withholding it from publication?").fill(
        "It names a colleague."
    )
    page.get_by_role("button", name="Withhold from publication").click()
    withheld = page.get_by_text("withheld from publication. It still counts")
    expect(withheld).to_be_visible()
    expect(page.get_by_role("button", name="Publish it again")).to_be_visible()
    assert_accessible(page)
    assert not consultation.responses.published().exists()
