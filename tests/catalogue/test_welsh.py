"""The statistics pages in Welsh: the list, a statistic and who to talk to, with
statuses and cadences in Welsh and the producers' words left as they wrote them."""

import pytest

from catalogue.factories import StatisticFactory
from tests.in_welsh import page_in_welsh

pytestmark = pytest.mark.django_db


@pytest.fixture
def ehs(ons, housing):
    return StatisticFactory(
        name="English Housing Survey",
        producer=ons,
        status="accredited",
        cadence="annual",
        themes=[housing],
    )


def test_the_list_of_statistics_is_in_welsh(client, ehs):
    html = page_in_welsh(client, "/statistics/")

    for welsh in [
        "Ystadegau",
        "1 ystadegyn",
        "Ystadegau swyddogol achrededig",
        "Blynyddol",
        "Unrhyw gynhyrchydd",
        "English Housing Survey",
    ]:
        assert welsh in html, welsh
    for english in [
        "The statistics discussed here",
        "Accredited official statistics",
        "Annual",
        "Any producer",
    ]:
        assert english not in html, english


def test_a_statistic_is_in_welsh(client, ehs):
    html = page_in_welsh(client, ehs.get_absolute_url())

    for welsh in [
        "Gyda phwy i siarad",
        "Holi am yr ystadegyn hwn",
        "Cynhyrchydd",
        "Datganiad nesaf",
        "Mewngofnodwch",
    ]:
        assert welsh in html, welsh
    for english in [
        'id="contacts">Who to talk to',
        "Ask about this statistic",
        "Next release",
        "to follow this statistic",
    ]:
        assert english not in html, english


def test_who_to_talk_to_is_in_welsh(client, ehs):
    html = page_in_welsh(client, "/contacts/")

    assert '<h1 class="govuk-heading-xl">Gyda phwy i siarad</h1>' in html
    assert "Does dim cysylltiadau wedi'u henwi eto." in html
    assert "No contacts have been named yet." not in html
