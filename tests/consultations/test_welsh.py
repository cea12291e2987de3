"""Consultations in Welsh: the list, a consultation, responding to it and the
refusals speak Welsh; the agreement scale is shown in Welsh and kept in English."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from consultations import notifications
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.forms import answer_field
from consultations.models import ConsultationPage
from core.dates import time_and_date
from tests.in_welsh import in_welsh, page_in_welsh, text_of

pytestmark = pytest.mark.django_db


def respond_url(consultation):
    return consultation.url + "respond/"


def test_the_list_of_consultations_is_in_welsh(client, consultation):
    html = page_in_welsh(client, "/consultations/")

    for welsh in ["Ymgyngoriadau", "Ar agor", "Yn cau", "Cyflwr", "Unrhyw gyflwr"]:
        assert welsh in html, welsh
    for english in ["Producers ask what you think", "Any state", "Closes "]:
        assert english not in html, english


def test_an_open_consultation_is_in_welsh_with_its_times(client, consultation, member):
    client.force_login(member)

    html = page_in_welsh(client, consultation.url)

    with translation.override("cy"):
        closes = time_and_date(consultation.closes_at)
    assert " ar " in closes
    for welsh in [
        "Ymgynghoriad",
        f"Mae'r ymgynghoriad hwn ar agor tan {closes}.",
        "Ymateb i'r ymgynghoriad hwn",
        "Am yr ymgynghoriad hwn",
        "Pwy all ymateb",
        "Aelodau sydd â chyfeiriad e-bost wedi'i ddilysu",
        "Y cwestiynau",
        "Clywed y canlyniad",
        "Dilyn yr ymgynghoriad hwn",
    ]:
        assert welsh in html, welsh
    for english in [
        "This consultation is open until",
        "Respond to this consultation",
        "About this consultation",
        "Who may respond",
        "Hear the outcome",
        "Follow this consultation",
    ]:
        assert english not in html, english


def test_the_response_form_and_its_errors_are_in_welsh(client, consultation, member):
    client.force_login(member)

    response = in_welsh(client.post, respond_url(consultation), {"action": "continue"})

    html = text_of(response)
    for welsh in [
        "Gwall:",
        "Ydych chi'n ymateb fel unigolyn neu ar ran sefydliad?",
        "Dewiswch a ydych chi'n ymateb fel unigolyn neu ar ran sefydliad",
        "Gawn ni gyhoeddi eich ymateb ar ôl i'r ymgynghoriad gau?",
        "Cyflwyno eich ymateb",
        "Cadw a dod yn ôl yn nes ymlaen",
    ]:
        assert welsh in html, welsh
    for english in [
        "Are you responding as an individual",
        "Select whether you are responding",
        "Submit your response",
        "Save and come back later",
    ]:
        assert english not in html, english


def test_a_closed_consultation_refuses_a_response_in_welsh(
    client, consultation, member
):
    client.force_login(member)
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        opens_at=consultation.opens_at.replace(year=2020),
        closes_at=consultation.opens_at.replace(year=2021),
    )

    response = in_welsh(client.get, respond_url(consultation))

    html = text_of(response)
    assert "Nid yw'r ymgynghoriad hwn yn derbyn ymatebion" in html
    assert "Nid yw'n derbyn ymatebion mwyach." in html
    assert "not taking responses" not in html


def test_the_agreement_scale_is_shown_in_welsh_and_kept_in_english(consultation):
    agreement = next(
        question
        for question in consultation.all_questions
        if question.kind == "agreement"
    )

    with translation.override("cy"):
        choices = [
            (value, str(label)) for value, label in answer_field(agreement).choices
        ]

    assert ("Strongly agree", "Cytuno'n gryf") in choices
    assert ("Don't know", "Ddim yn gwybod") in choices


def test_published_responses_are_counted_in_welsh(client, labour):
    consultation = ConsultationPageFactory(
        parent=labour,
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    ResponseFactory(consultation=consultation)  # answered "Disagree"

    html = page_in_welsh(client, consultation.url + "responses/")

    # The agreement scale is the site's words; the tally's sentence and columns too.
    assert "Atebodd 1; yr ateb a ddewiswyd amlaf oedd “Anghytuno”" in html
    assert "Cyfran o'r rhai a atebodd" in html
    for english in ["answered; the answer most chosen", "Disagree", "Share of those"]:
        assert english not in html, english
    # The producer's own options stay as they wrote them.
    assert "Every week" in html


def test_a_copy_of_a_response_is_in_the_respondents_language(consultation, mailoutbox):
    for language in ("cy", "en-gb"):
        response = ResponseFactory(
            consultation=consultation, user__email_language=language
        )
        notifications.send_response_copy(response.pk)

    welsh_copy, english_copy = mailoutbox
    for cymraeg in ["Anghytuno", "Yn ymateb: Fel unigolyn", "Gallwch, gyda fy enw"]:
        assert cymraeg in welsh_copy.body, cymraeg
    for english in ["Disagree", "As an individual", "Yes, with my name"]:
        assert english not in welsh_copy.body, english
        assert english in english_copy.body, english
