"""The data-gap pages in Welsh: the register, a gap, raising one and triage speak
Welsh, and none of the English they were written in shows through."""

import pytest
from django.urls import reverse
from django.utils import formats, translation

from accounts.factories import UserFactory
from gaps import services
from tests.in_welsh import in_welsh, page_in_welsh, text_of
from themes.models import Role
from themes.services import grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def gap(housing):
    return services.raise_gap(
        UserFactory(sector="voluntary"),
        housing,
        title="Overcrowding by local authority",
        measure="Overcrowded households as a share of all households.",
        purpose="Our housing strategy sets targets by area.",
        geography="Local authority",
    )


@pytest.fixture
def producer(housing, editor):
    producer = UserFactory()
    grant_role(housing, producer, Role.PRODUCER, granted_by=editor, tell=False)
    return producer


def welsh_month(moment):
    with translation.override("cy"):
        return formats.date_format(moment, "F")


def test_the_register_is_in_welsh(client, gap, housing):
    html = page_in_welsh(client, reverse("gaps:register", args=[housing.slug]))

    for welsh in [
        "Bylchau data",
        "Codi bwlch data",
        "1 bwlch data",
        "Wedi'i godi",
        "Dim perchennog eto",
        "Mae angen hyn ar 1 person",
        "Data agored",
        "Lawrlwytho fel CSV",
    ]:
        assert welsh in html, welsh
    for english in [
        "Raise a data gap",
        "Statistics that people need and cannot get",
        "No owner yet",
        "1 person needs this",
        "Download as CSV",
        "Recently updated",
        "Any status",
    ]:
        assert english not in html, english


def test_a_gap_is_in_welsh_with_its_date_in_welsh(client, gap):
    client.force_login(UserFactory())

    html = page_in_welsh(client, gap.get_absolute_url())

    for welsh in [
        "Bwlch data",
        "Beth sydd ar goll",
        "Ar gyfer pa ardaloedd",
        "Oes angen hyn arnoch chi hefyd?",
        "Mae angen hyn arna i hefyd",
        "Sut byddech chi'n eu defnyddio? (dewisol)",
        "Dilyn y bwlch hwn",
        "Llinell amser",
        "Heb benderfynu eto",
        welsh_month(gap.created_at),
    ]:
        assert welsh in html, welsh
    for english in [
        "What is missing",
        "Do you need this too?",
        "I need this too",
        "How would you use them?",
        "Follow this gap",
        "Timeline",
        "Not yet decided",
        "Nobody has described their own use yet.",
    ]:
        assert english not in html, english


def test_the_triage_form_offers_the_statuses_in_welsh(client, gap, producer):
    client.force_login(producer)

    html = page_in_welsh(client, reverse("gaps:triage", args=[gap.theme.slug, gap.pk]))

    for welsh in [
        "Newid y statws",
        "Statws newydd",
        "Wedi'i gydnabod",
        "Nodyn cyhoeddus",
    ]:
        assert welsh in html, welsh
    for english in ["Change the status", "New status", "Acknowledged", "Public note"]:
        assert english not in html, english


def test_a_triage_with_no_note_is_refused_in_welsh(client, gap, producer):
    client.force_login(producer)

    response = in_welsh(
        client.post,
        reverse("gaps:triage", args=[gap.theme.slug, gap.pk]),
        {"status": "acknowledged", "note": ""},
    )

    html = text_of(response)
    assert response.status_code == 400
    assert "Ysgrifennwch nodyn yn dweud pam: bydd aelodau'n ei ddarllen." in html
    assert "Write a note saying why" not in html


def test_a_gap_sent_empty_is_refused_in_welsh(client, housing):
    client.force_login(UserFactory())
    url = reverse("gaps:new_gap", args=[housing.slug])

    response = in_welsh(client.post, url, {"title": ""})

    html = text_of(response)
    assert response.status_code == 400
    for welsh in [
        "Gwall:",
        "Rhowch deitl.",
        "Dywedwch pa ystadegau sydd ar goll.",
        "Pa ystadegau sydd ar goll?",
        "Codi'r bwlch data",
    ]:
        assert welsh in html, welsh
    for english in ["Enter a title.", "What statistics are missing?", "Your sector"]:
        assert english not in html, english


def test_a_member_who_raises_a_gap_is_told_so_in_welsh(client, housing):
    client.force_login(UserFactory(sector="academic"))
    url = reverse("gaps:new_gap", args=[housing.slug])
    details = {
        "title": "Rough sleeping by ward",
        "measure": "People sleeping rough, by ward.",
        "purpose": "Outreach planning.",
    }

    response = in_welsh(client.post, url, details, follow=True)

    html = text_of(response)
    assert "Mae eich bwlch data" in html
    assert "Your data gap" not in html


def test_english_stays_the_default(client, gap):
    html = client.get(gap.get_absolute_url()).content.decode()

    assert "What is missing" in html
    assert "Beth sydd ar goll" not in html
