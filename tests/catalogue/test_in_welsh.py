"""Statistics and organisations in Welsh (wagtail-localize snippets): a translation
holds the words; everything else, and everything naming them, is the English row's."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import StringSegment, Translation

from accounts.factories import OrganisationFactory
from accounts.models import Organisation
from catalogue import imports, services
from catalogue.factories import StatisticContactFactory, StatisticFactory
from catalogue.models import Statistic
from core.translation import of_record
from demo.welsh import translate_snippet
from gaps.factories import DataGapFactory
from tests.in_welsh import page_in_welsh
from themes.factories import appoint
from themes.models import Role, ThemePage

pytestmark = pytest.mark.django_db

ONS_IN_WELSH = "Swyddfa Ystadegau Gwladol"
LFS_IN_WELSH = {
    "name": "Arolwg o'r Llafurlu",
    "description": "Arolwg o aelwydydd am gyflogaeth a diweithdra.",
}


@pytest.fixture
def welsh_lfs(lfs, ons, welsh):
    translate_snippet(ons, welsh, {"name": ONS_IN_WELSH})
    return translate_snippet(lfs, welsh, LFS_IN_WELSH)


def test_a_translation_holds_the_words_and_copies_what_identifies_it(
    lfs, ons, welsh_lfs
):
    assert welsh_lfs.locale.language_code == "cy"
    assert welsh_lfs.name == "Arolwg o'r Llafurlu"
    assert welsh_lfs.slug == lfs.slug
    # Synchronised, not translated: it names the English producer, the one of record.
    assert welsh_lfs.producer_id == ons.pk
    assert welsh_lfs.producer_url == lfs.producer_url
    assert ons.get_translation(welsh_lfs.locale).name == ONS_IN_WELSH
    assert ons.get_translation(welsh_lfs.locale).acronym == "ONS"


def test_wagtail_localize_offers_the_words_only(lfs, ons, welsh_lfs):
    fields = {
        segment.context.path
        for segment in StringSegment.objects.filter(
            source__object_id=lfs.translation_key
        ).select_related("context")
    }
    assert fields == {"name", "description"}
    organisation_fields = {
        segment.context.path
        for segment in StringSegment.objects.filter(
            source__object_id=ons.translation_key
        ).select_related("context")
    }
    assert organisation_fields == {"name"}


def test_contacts_and_themes_stay_with_the_english_row(ons, housing, welsh):
    statistic = StatisticFactory(producer=ons, themes=[housing])
    StatisticContactFactory(statistic=statistic)

    translation = translate_snippet(statistic, welsh, {"name": "Rhywbeth"})

    assert not translation.contacts.exists()
    assert not translation.themes.exists()
    assert list(housing.statistics.all()) == [statistic]


def test_a_translated_statistic_shows_in_welsh_on_its_welsh_page(
    client, lfs, welsh_lfs
):
    english = client.get(lfs.get_absolute_url()).content.decode()
    cymraeg = page_in_welsh(client, lfs.get_absolute_url())

    assert "Labour Force Survey" in english
    assert "Office for National Statistics" in english
    assert "Arolwg o'r Llafurlu" not in english
    assert "Arolwg o'r Llafurlu" in cymraeg
    assert "Arolwg o aelwydydd am gyflogaeth a diweithdra." in cymraeg
    assert ONS_IN_WELSH in cymraeg


def test_an_untranslated_statistic_falls_back_to_english(client, ehs, welsh):
    cymraeg = page_in_welsh(client, ehs.get_absolute_url())

    assert "English Housing Survey" in cymraeg
    assert "Ministry of Housing, Communities and Local Government" in cymraeg


def test_the_welsh_list_names_each_statistic_once_in_welsh_where_translated(
    client, lfs, ehs, welsh_lfs
):
    cymraeg = page_in_welsh(client, "/statistics/")

    assert "Arolwg o'r Llafurlu" in cymraeg
    assert "English Housing Survey" in cymraeg
    assert cymraeg.count(f'href="/cy{lfs.get_absolute_url()}"') == 1
    assert "Labour Force Survey" not in cymraeg


def test_the_welsh_theme_page_names_its_organisations_in_welsh(
    client, housing, ons, welsh
):
    housing.organisations.add(ons)
    housing.save_revision().publish()
    translate_snippet(ons, welsh, {"name": ONS_IN_WELSH})

    assert ONS_IN_WELSH in page_in_welsh(client, housing.url)
    assert ONS_IN_WELSH not in client.get(housing.url).content.decode()


def test_the_welsh_list_costs_the_same_whatever_is_translated(
    client, housing, welsh, django_assert_max_num_queries
):
    def budget():
        page_in_welsh(client, "/statistics/")
        with CaptureQueriesContext(connection) as queries:
            page_in_welsh(client, "/statistics/")
        return len(queries)

    first = StatisticFactory(themes=[housing])
    translate_snippet(first, welsh, {"name": "Ystadegyn 0"})
    one = budget()
    for i in range(1, 8):
        statistic = StatisticFactory(themes=[housing])
        translate_snippet(statistic, welsh, {"name": f"Ystadegyn {i}"})
        translate_snippet(statistic.producer, welsh, {"name": f"Corff {i}"})

    assert budget() == one
    # Three more than English (9): the statistics', their producers' and the
    # producer filter's options' translations.
    with django_assert_max_num_queries(12):
        page_in_welsh(client, "/statistics/")


def test_the_welsh_statistic_page_costs_three_queries_more(client, lfs, welsh_lfs):
    url = lfs.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as english:
        client.get(url)
    page_in_welsh(client, url)
    with CaptureQueriesContext(connection) as cymraeg:
        page_in_welsh(client, url)

    # The statistic's translation, its producer's, and its themes' Welsh titles.
    assert len(cymraeg) <= len(english) + 3


def test_an_address_is_unique_in_each_language_not_across_them(lfs, welsh_lfs):
    assert Statistic.objects.filter(slug=lfs.slug).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        StatisticFactory(slug=lfs.slug, producer=lfs.producer)


def test_the_import_updates_the_english_row_and_leaves_the_translation(
    ons, lfs, welsh_lfs
):
    text = (
        ",".join(imports.COLUMNS)
        + "\n"
        + (
            "Labour Force Survey,labour-force-survey,,A survey of work.,official,"
            "monthly,,,https://www.ons.gov.uk/lfs\n"
        )
    )

    result = services.import_statistics(ons, text)

    assert not result.has_errors
    assert of_record(Statistic.objects).count() == 1
    lfs.refresh_from_db()
    welsh_lfs.refresh_from_db()
    assert lfs.description == "A survey of work."
    assert welsh_lfs.name == "Arolwg o'r Llafurlu"


def test_the_api_stays_in_the_language_of_record(client, lfs, welsh_lfs):
    body = client.get("/api/v2/statistics/").json()
    names = [statistic["name"] for statistic in body["results"]]

    assert names == ["Labour Force Survey"]
    organisations = client.get("/api/v2/organisations/").json()["results"]
    assert [o["name"] for o in organisations] == ["Office for National Statistics"]


def test_the_admin_lists_and_chooses_one_row_per_statistic(
    client, editor, lfs, welsh_lfs
):
    client.force_login(editor)

    listing = client.get("/admin/snippets/catalogue/statistic/").content.decode()
    chooser = client.get("/admin/snippets/choose/catalogue/statistic/")
    organisations = client.get("/admin/snippets/choose/accounts/organisation/")

    assert "Labour Force Survey" in listing
    assert "Arolwg o'r Llafurlu" not in listing
    assert [s.pk for s in chooser.context["items"]] == [lfs.pk]
    assert [o.pk for o in organisations.context["items"]] == [lfs.producer_id]


def test_an_editor_translates_a_statistic_in_the_admin(client, editor, lfs, welsh):
    client.force_login(editor)

    submitted = client.post(
        f"/admin/localize/submit/snippet/catalogue/statistic/{lfs.pk}/",
        {"locales": [welsh.pk]},
    )

    assert submitted.status_code == 302
    translation_row = lfs.get_translation(welsh)
    edit_url = f"/admin/snippets/catalogue/statistic/edit/{translation_row.pk}/"
    assert client.get(edit_url).status_code == 200
    # What the translation editor (a React app) sends for each string, then its
    # "Publish".
    translation = Translation.objects.get(
        source__object_id=lfs.translation_key, target_locale=welsh
    )
    for segment in StringSegment.objects.filter(source=translation.source):
        words = LFS_IN_WELSH[segment.context.path]
        saved = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            encode_multipart(BOUNDARY, {"value": words}),
            content_type=MULTIPART_CONTENT,
        )
        assert saved.status_code == 201
    published = client.post(edit_url, {"action": "publish"})

    assert published.status_code == 302
    translation_row.refresh_from_db()
    assert translation_row.name == "Arolwg o'r Llafurlu"
    assert "Arolwg o'r Llafurlu" in page_in_welsh(client, lfs.get_absolute_url())
    assert of_record(Statistic.objects).get() == lfs


def test_a_producer_cannot_translate(client, ons_producer, lfs, welsh):
    client.force_login(ons_producer)

    client.post(
        f"/admin/localize/submit/snippet/catalogue/statistic/{lfs.pk}/",
        {"locales": [welsh.pk]},
    )

    assert lfs.get_translation_or_none(welsh) is None


def test_organisation_names_are_unique_in_each_language(ons, welsh):
    translation = translate_snippet(ons, welsh, {"name": ONS_IN_WELSH})
    twin = Organisation(name=ons.name, locale=ons.locale)

    with pytest.raises(Exception, match="already exists"):
        twin.full_clean()
    translation.name = ons.name
    translation.full_clean()


def test_a_theme_offers_the_organisations_of_record_only(ons, welsh):
    translate_snippet(ons, welsh, {"name": ONS_IN_WELSH})

    form = ThemePage.get_edit_handler().get_form_class()()
    offered = form.fields["organisations"].queryset

    assert list(offered) == [ons]


def test_a_gaps_owner_and_a_themes_producers_are_named_in_welsh(
    client, housing, ons, welsh, editor
):
    gap = DataGapFactory(theme=housing, owner_organisation=ons)
    gaps = [gap, *DataGapFactory.create_batch(2, theme=housing, owner_organisation=ons)]
    appoint(housing, Role.PRODUCER, editor, organisation=ons)
    translate_snippet(ons, welsh, {"name": ONS_IN_WELSH})

    for path in (gap.get_absolute_url(), "/data-gaps/", f"{housing.url}figures/"):
        assert ONS_IN_WELSH in page_in_welsh(client, path), path
        assert ONS_IN_WELSH not in client.get(path).content.decode(), path
    # The register finds the owners' Welsh names at once, not one by one, and its
    # theme filter the themes' Welsh titles: a query each.
    in_english = count_queries(client, "/data-gaps/")
    for extra in gaps[1:]:
        extra.owner_organisation = OrganisationFactory()
        extra.save()
    assert count_queries(client, "/cy/data-gaps/") <= in_english + 2


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "chooser",
    [
        "/admin/snippets/choose/catalogue/statistic/results/",
        "/admin/snippets/choose/accounts/organisation/results/",
    ],
)
def test_the_admin_choosers_search_in_one_language(
    client, editor, lfs, welsh_lfs, chooser
):
    # The chooser filters its search by locale__language_code, which PostgreSQL's
    # search backend refused (a 500) until the models indexed it.
    client.force_login(editor)

    assert client.get(chooser, {"q": "Labour"}).status_code == 200
