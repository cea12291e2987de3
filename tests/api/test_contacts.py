"""/api/v2/contacts/ lists whom /contacts/ lists: each public theme's contacts and
each statistic's, by name, with the same filters (theme, organisation, statistic,
words); a 400 for a malformed filter, a 404 for a name of nothing; no email."""

import pytest

from accounts.factories import OrganisationFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from themes.factories import ThemeContactFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/contacts/"


@pytest.fixture
def listed(theme_index, housing):
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    mhclg = OrganisationFactory(name="Ministry of Housing", acronym="MHCLG")
    ehs = StatisticFactory(
        name="English Housing Survey", slug="ehs", producer=mhclg, themes=[housing]
    )
    lfs = StatisticFactory(name="Labour Force Survey", slug="lfs", producer=ons)
    private = ThemePageFactory(parent=theme_index, title="Closed", slug="closed")
    private.view_restrictions.create(restriction_type="login")
    return {
        "theme": ThemeContactFactory(
            theme=housing, name="Ann Theme", organisation=ons, role="Statistician"
        ),
        "hidden": ThemeContactFactory(theme=private, name="Zed Hidden"),
        "ehs": StatisticContactFactory(statistic=ehs, name="Bea Housing"),
        "lfs": StatisticContactFactory(statistic=lfs, name="Cy Labour"),
        "ons": ons,
        "mhclg": mhclg,
    }


def names(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_it_lists_theme_and_statistic_contacts_by_name_as_contacts_does(client, listed):
    response = client.get(URL)

    body = response.json()
    assert body["count"] == 3
    assert [row["name"] for row in body["results"]] == [
        "Ann Theme",
        "Bea Housing",
        "Cy Labour",
    ]
    theme, ehs, _lfs = body["results"]
    assert theme["kind"] == "theme"
    assert theme["theme"]["slug"] == "housing"
    assert theme["statistic"] is None
    assert theme["organisation_id"] == listed["ons"].pk
    assert theme["contact_url"].endswith("/themes/housing/#contacts")
    assert ehs["kind"] == "statistic"
    assert ehs["theme"] is None
    assert ehs["statistic"]["slug"] == "ehs"
    assert (ehs["organisation"], ehs["responsible_for"]) == (
        "Ministry of Housing",
        "English Housing Survey",
    )
    assert ehs["contact_url"].endswith("/statistics/ehs/")
    assert "@" not in response.content.decode()


def test_it_filters_as_the_contacts_page_does(client, listed):
    assert names(client, "?theme=housing") == ["Ann Theme", "Bea Housing"]
    assert names(client, f"?organisation={listed['ons'].pk}") == [
        "Ann Theme",
        "Cy Labour",
    ]
    assert names(client, "?statistic=lfs") == ["Cy Labour"]
    assert names(client, "?q=housing+survey") == ["Bea Housing"]
    assert names(client, "?q=statistician") == ["Ann Theme"]
    assert names(client, "?theme=housing&statistic=lfs") == []


def test_a_private_themes_contacts_are_not_listed(client, listed):
    assert "Zed Hidden" not in names(client)
    assert client.get(URL + "?theme=closed").status_code == 404


def test_a_name_of_nothing_is_a_404_and_a_malformed_filter_a_400(client, listed):
    nobody = OrganisationFactory()
    for query, status in [
        (f"?organisation={nobody.pk}", 404),
        ("?statistic=no-such-statistic", 404),
        ("?organisation=ons", 400),
        ("?organisation=0", 400),
        ("?statistic=not%20a%20slug", 400),
        ("?q=" + "x" * 101, 400),
    ]:
        response = client.get(URL + query)
        assert response.status_code == status, (query, response.content)
    refused = client.get(URL + f"?organisation={nobody.pk}").json()
    assert "organisation with contacts" in refused["detail"]


def test_the_contacts_list_stays_within_budget_however_many(
    client, listed, housing, django_assert_max_num_queries
):
    for n in range(30):
        ThemeContactFactory(theme=housing, name=f"Theme person {n}")
        StatisticContactFactory(
            statistic=listed["ehs"].statistic, name=f"Statistic person {n}"
        )
    client.get(URL)  # Warm the site's caches.

    with django_assert_max_num_queries(10):
        assert client.get(URL + "?limit=100").status_code == 200
