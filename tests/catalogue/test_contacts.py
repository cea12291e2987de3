"""/contacts/: everyone named as a contact, the themes' and the statistics', in one
list a visitor filters by theme, organisation, statistic and words. A theme's
contacts are listed while its page is public, as its page lists them."""

import pytest
from django.urls import reverse

from catalogue.factories import StatisticContactFactory, StatisticFactory
from themes.factories import ThemeContactFactory, ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(housing, health, ons, lfs, ehs):
    """Two theme contacts and two statistic contacts."""
    return {
        "housing": ThemeContactFactory(
            theme=housing,
            organisation=ons,
            name="Amara Dlamini",
            responsible_for="House price statistics",
            email="amara@ons.example.org",
        ),
        "health": ThemeContactFactory(
            theme=health, name="Bilal Hussain", responsible_for="Waiting times"
        ),
        "lfs": StatisticContactFactory(
            statistic=lfs, name="Priya Shah", email="lfs@ons.example.org"
        ),
        "ehs": StatisticContactFactory(statistic=ehs, name="Hannah Okafor"),
    }


def names_on(client, query=None):
    html = client.get("/contacts/", query or {}).content.decode()
    names = ["Amara Dlamini", "Bilal Hussain", "Priya Shah", "Hannah Okafor"]
    return {name for name in names if name in html}


def test_the_address_is_readable():
    assert reverse("catalogue:contacts") == "/contacts/"


def test_every_contact_is_listed_by_name_with_what_to_ask_them_about(client, people):
    html = client.get("/contacts/").content.decode()

    assert "4 contacts" in html
    order = [html.index(name) for name in ["Amara", "Bilal", "Hannah", "Priya"]]
    assert order == sorted(order)
    assert "House price statistics" in html
    assert people["lfs"].statistic.get_absolute_url() in html


def test_an_email_address_is_shown_as_the_theme_and_statistic_pages_show_it(
    client, people
):
    html = client.get("/contacts/").content.decode()

    assert 'href="mailto:amara@ons.example.org"' in html
    assert 'href="mailto:lfs@ons.example.org"' in html


def test_filtering_by_theme_lists_its_contacts_and_its_statistics(
    client, people, housing
):
    assert names_on(client, {"theme": housing.slug}) == {
        "Amara Dlamini",
        "Priya Shah",
        "Hannah Okafor",
    }


def test_filtering_by_organisation_lists_its_people_in_themes_and_statistics(
    client, people, ons
):
    assert names_on(client, {"organisation": ons.pk}) == {"Amara Dlamini", "Priya Shah"}


def test_filtering_by_statistic_lists_its_own_contacts(client, people, lfs):
    assert names_on(client, {"statistic": lfs.slug}) == {"Priya Shah"}


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("okafor", {"Hannah Okafor"}),
        ("waiting", {"Bilal Hussain"}),
        ("labour force", {"Priya Shah"}),
    ],
)
def test_words_find_a_name_a_subject_or_a_statistic(client, people, words, found):
    assert names_on(client, {"q": words}) == found


def test_a_theme_that_is_not_public_lists_nobody(client, people, theme_index):
    hidden = ThemePageFactory(parent=theme_index, title="Draft", slug="draft")
    hidden.unpublish()
    ThemeContactFactory(theme=hidden, name="Zed Unseen", email="zed@example.org")

    html = client.get("/contacts/").content.decode()

    assert "Zed Unseen" not in html
    assert "zed@example.org" not in html
    assert 'value="draft"' not in html


@pytest.mark.parametrize(
    "query",
    [
        {"organisation": "99999999999999999999"},
        {"statistic": "<script>"},
        {"theme": "no-such-theme"},
        {"q": "x" * 500},
        {"page": "-1"},
    ],
)
def test_a_hostile_filter_drops_out(client, people, query):
    response = client.get("/contacts/", query)

    assert response.status_code == 200
    assert "Priya Shah" in response.content.decode()


def test_wildcards_in_the_words_are_matched_as_typed(client, people):
    response = client.get("/contacts/", {"q": "%_\u202e'; --"})

    assert response.status_code == 200
    assert "Nobody matches these filters" in response.content.decode()


def test_nobody_matching_says_so(client, people):
    html = client.get("/contacts/", {"q": "nobody here"}).content.decode()

    assert "Nobody matches these filters" in html


def test_the_list_is_paged(client, lfs):
    for number in range(30):
        StatisticContactFactory(statistic=lfs, name=f"Contact {number:02}")

    first = client.get("/contacts/").content.decode()
    second = client.get("/contacts/", {"page": 2}).content.decode()

    assert "30 contacts" in first
    assert "Contact 24" in first and "Contact 25" not in first
    assert "Contact 25" in second


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_takes_the_same_queries_however_many_contacts(
    client, django_assert_max_num_queries, housing, health, count
):
    for number in range(count):
        theme = housing if number % 2 else health
        ThemeContactFactory(theme=theme)
        StatisticContactFactory(statistic=StatisticFactory(themes=[theme]))

    with django_assert_max_num_queries(12):
        response = client.get("/contacts/", {"theme": housing.slug, "q": "e"})

    assert response.status_code == 200


def test_the_theme_and_statistic_pages_link_to_the_list(client, people, housing, lfs):
    theme_page = client.get(housing.url).content.decode()
    statistic_page = client.get(lfs.get_absolute_url()).content.decode()

    assert f"/contacts/?theme={housing.slug}" in theme_page
    assert f"/contacts/?organisation={lfs.producer_id}" in statistic_page


def test_the_navigation_and_footer_link_to_it(client, home_page):
    html = client.get("/").content.decode()

    assert html.count('href="/contacts/"') == 2
