"""Welsh pages name a theme by its live Welsh translation's title (the English one
where it has none, or only a draft), and list Welsh names in the order of the Welsh
alphabet: get involved, the theme filters and the organisation filters of the
data-gap register and the contacts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from consultations.factories import ConsultationPageFactory
from demo.welsh import translate_snippet
from events.factories import EventPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from gaps.models import Status
from tests.in_welsh import in_welsh, page_in_welsh, translated
from themes.factories import ThemeContactFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

MUDO = "Mudo"
TAI = "Tai"


@pytest.fixture
def mudo(migration, welsh):
    return translated(migration, welsh, MUDO)


def one_of_each_kind(theme, batch=1):
    ConsultationPageFactory(
        parent=theme,
        title=f"Monthly {batch}?",
        closes_at=timezone.now() + timezone.timedelta(days=10),
    )
    EventPageFactory(parent=theme, title=f"Spring meeting {batch}", capacity=4)
    DataGapFactory(theme=theme, title="Visas", status=Status.UNDER_ASSESSMENT)
    ThreadFactory(theme=theme, title="Where?", kind="question")


# 1. Get involved


def test_get_involved_names_each_kinds_theme_in_welsh(client, mudo, migration):
    one_of_each_kind(migration)

    cymraeg = page_in_welsh(client, "/get-involved/")
    english = client.get("/get-involved/").content.decode()

    assert cymraeg.count(f"· {MUDO}") == 4
    assert "Migration" not in cymraeg
    assert english.count("· Migration") == 4


def test_get_involved_keeps_the_english_title_of_a_theme_not_yet_translated(
    client, migration, welsh
):
    translated(migration, welsh, "Drafft", publish=False)
    one_of_each_kind(migration)

    cymraeg = page_in_welsh(client, "/get-involved/")

    assert cymraeg.count("· Migration") == 4
    assert "Drafft" not in cymraeg


def test_get_involved_marks_what_a_member_did_in_welsh(client, migration, welsh):
    member = UserFactory()
    thread = ThreadFactory(theme=migration, title="Where?", kind="question")
    forum_services.post_reply(thread, member, "Table 3.", tell=False)
    client.force_login(member)

    cymraeg = page_in_welsh(client, "/get-involved/")

    assert ">Wedi ateb</strong>" in cymraeg
    assert ">Replied</strong>" in client.get("/get-involved/").content.decode()


def test_welsh_get_involved_costs_the_same_however_many_themes_are_translated(
    client, theme_index, welsh
):
    themes = [
        ThemePageFactory(parent=theme_index, title=f"Theme {n}") for n in range(3)
    ]
    for theme in themes:
        one_of_each_kind(theme)
    untranslated = welsh_queries(client)

    for theme in themes:
        translated(theme, welsh, f"Thema {theme.pk}")
        one_of_each_kind(theme, batch=2)

    assert welsh_queries(client) == untranslated


def welsh_queries(client):
    in_welsh(client.get, "/get-involved/")  # the per-process caches
    with CaptureQueriesContext(connection) as run:
        response = in_welsh(client.get, "/get-involved/")
    assert response.status_code == 200
    return len(run)


# 2. The statistics' theme filter


def test_the_statistics_theme_filter_offers_welsh_titles_in_welsh_order(
    client, migration, housing, welsh
):
    translated(migration, welsh, MUDO)
    translated(housing, welsh, TAI)
    StatisticFactory(name="Visas", themes=[migration])
    StatisticFactory(name="Rents", themes=[housing])

    cymraeg = page_in_welsh(client, "/statistics/")
    english = client.get("/statistics/").content.decode()

    assert cymraeg.index(f">{MUDO}</option>") < cymraeg.index(f">{TAI}</option>")
    assert ">Migration</option>" not in cymraeg
    assert english.index(">Housing</option>") < english.index(">Migration</option>")
    # The option still carries the theme of record's slug, and filters by it.
    assert f'value="migration">{MUDO}</option>' in cymraeg
    filtered = page_in_welsh(client, "/statistics/?theme=migration")
    assert "Visas" in filtered and "Rents" not in filtered


def test_the_theme_filter_keeps_an_untranslated_themes_english_title(
    client, migration, welsh
):
    translated(migration, welsh, "Drafft", publish=False)
    StatisticFactory(name="Visas", themes=[migration])

    cymraeg = page_in_welsh(client, "/statistics/")

    assert ">Migration</option>" in cymraeg
    assert "Drafft" not in cymraeg


# 3. Organisation filters in the order of their Welsh names


@pytest.fixture
def organisations(welsh):
    """In English, Archives before Welsh Government; in Welsh, Llywodraeth Cymru
    (ll, after l) before Yr Archif."""
    archives = OrganisationFactory(name="Archives Wales", acronym="")
    government = OrganisationFactory(name="Welsh Government", acronym="")
    translate_snippet(archives, welsh, {"name": "Yr Archif"})
    translate_snippet(government, welsh, {"name": "Llywodraeth Cymru"})
    return archives, government


@pytest.mark.parametrize(
    ("address", "listed"),
    [
        (
            "/data-gaps/",
            lambda theme, owner: DataGapFactory(theme=theme, owner_organisation=owner),
        ),
        (
            "/contacts/",
            lambda theme, owner: ThemeContactFactory(theme=theme, organisation=owner),
        ),
    ],
    ids=["register", "contacts"],
)
def test_an_organisation_filter_is_in_the_order_of_the_welsh_names(
    client, housing, organisations, address, listed
):
    for organisation in organisations:
        listed(housing, organisation)

    cymraeg = page_in_welsh(client, address)
    english = client.get(address).content.decode()

    assert cymraeg.index(">Llywodraeth Cymru</option>") < cymraeg.index(
        ">Yr Archif</option>"
    )
    assert english.index(">Archives Wales</option>") < english.index(
        ">Welsh Government</option>"
    )


def test_the_contacts_statistic_filter_is_in_the_order_of_the_welsh_names(
    client, welsh
):
    census = StatisticFactory(name="Census")
    survey = StatisticFactory(name="National Survey for Wales")
    translate_snippet(census, welsh, {"name": "Cyfrifiad"})
    translate_snippet(survey, welsh, {"name": "Arolwg Cenedlaethol Cymru"})
    for statistic in (census, survey):
        StatisticContactFactory(statistic=statistic)

    cymraeg = page_in_welsh(client, "/contacts/")

    # In English, Census came first.
    assert cymraeg.index(">Arolwg Cenedlaethol Cymru<") < cymraeg.index(">Cyfrifiad<")
