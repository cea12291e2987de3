"""Editors' pages in Welsh (wagtail-localize): translating a theme, the fallback to
English with a notice, and member-made content shared by both languages."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from accounts.factories import UserFactory
from forums.factories import ThreadFactory
from home.factories import StandardPageFactory
from home.models import HomePage
from themes import services
from themes.factories import ThemePageFactory, appoint
from themes.models import Role, ThemeGroup, ThemePage
from themes.roles import public_themes

pytestmark = pytest.mark.django_db

WELSH_EXTRA = 4

# The notice's heading, whichever language the compiled catalogue gives it.
NOT_YET = 'id="not-yet-translated-title"'


@pytest.fixture
def health(theme_index):
    return ThemePageFactory(
        parent=theme_index,
        title="Health and social care",
        slug="health-and-social-care",
        summary="Statistics on the NHS.",
    )


@pytest.fixture
def user(db):
    return UserFactory()


def translate(page, locale, **fields):
    """What wagtail-localize's editor does: a translation of `page` (and of its
    parents, as its editor offers), then the Welsh text, published."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    welsh_page = page.get_translation(locale)
    for name, value in fields.items():
        setattr(welsh_page, name, value)
    welsh_page.save_revision().publish()
    return welsh_page


def test_the_welsh_locale_exists_beside_the_default_english_one(root_page):
    assert Locale.get_default().language_code == "en-gb"
    assert Locale.objects.filter(language_code="cy").exists()


def test_existing_pages_keep_the_english_locale(health):
    assert health.locale.language_code == "en-gb"


def test_a_translated_theme_is_served_in_welsh_at_its_cy_address(client, health, welsh):
    welsh_theme = translate(
        health,
        welsh,
        title="Iechyd a gofal cymdeithasol",
        summary="Ystadegau am y GIG.",
    )

    response = client.get("/cy/themes/health-and-social-care/")

    assert welsh_theme.url == "/cy/themes/health-and-social-care/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iechyd a gofal cymdeithasol" in html
    assert "Ystadegau am y GIG." in html
    assert NOT_YET not in html
    assert client.get(health.url).context["page"].title == "Health and social care"


def test_a_translation_is_not_a_theme_of_its_own(health, welsh):
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")

    welsh_theme = health.get_translation(welsh)
    # No second groups, papers collection or sections: the English theme's serve it.
    assert not welsh_theme.get_children().exists()
    assert not ThemeGroup.objects.filter(theme=welsh_theme).exists()
    assert ThemeGroup.objects.filter(theme=health).exists()


def test_the_welsh_theme_page_shows_the_english_themes_discussions_and_members(
    client, health, welsh, user
):
    ThreadFactory(theme=health, title="Waiting times in Wales")
    services.join_theme(user, health)
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")

    english = client.get(health.url)
    cymraeg = client.get("/cy/themes/health-and-social-care/")

    for response in (english, cymraeg):
        html = response.content.decode()
        assert "Waiting times in Wales" in html
        assert response.context["member_count"] == 1
    assert cymraeg.context["theme"] == health
    assert 'href="/cy/themes/health-and-social-care/discussions/"' in (
        cymraeg.content.decode()
    )


def test_member_content_under_a_translated_theme_is_found_by_either_slug(
    client, health, welsh
):
    ThreadFactory(theme=health, title="Waiting times in Wales")
    translate(health, welsh, title="Iechyd a gofal cymdeithasol", slug="iechyd")

    english = client.get("/themes/health-and-social-care/discussions/")
    cymraeg = client.get("/cy/themes/health-and-social-care/discussions/")
    welsh_slug = client.get("/cy/themes/iechyd/members/")

    assert "Waiting times in Wales" in english.content.decode()
    assert "Waiting times in Wales" in cymraeg.content.decode()
    assert welsh_slug.status_code in (200, 302)


def test_a_page_with_no_welsh_translation_is_served_in_english_with_a_notice(
    client, home_page, health
):
    response = client.get("/cy/themes/health-and-social-care/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Health and social care" in html
    assert NOT_YET in html
    # WCAG 3.1.2: the English content says it is English.
    assert '<div lang="en-GB">' in html
    assert 'href="/themes/health-and-social-care/" hreflang="en-GB"' in html


def test_the_english_page_has_no_notice(client, health):
    html = client.get(health.url).content.decode()

    assert NOT_YET not in html
    assert '<div lang="en-GB">' not in html


def test_an_untranslated_page_under_a_translated_home_falls_back_to_english(
    client, home_page, welsh
):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    translate(home_page, welsh, title="Hafan", intro="Croeso.")

    home = client.get("/cy/")
    page = client.get("/cy/about/")

    assert "Croeso." in home.content.decode()
    assert NOT_YET not in home.content.decode()
    assert page.status_code == 200
    assert page.context["page"] == about
    assert '<div lang="en-GB">' in page.content.decode()


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="govuk-footer">') :]


def test_the_welsh_footer_links_each_page_in_welsh_where_translated(
    client, home_page, welsh
):
    about = StandardPageFactory(
        parent=home_page, title="About", slug="about", show_in_menus=True
    )
    StandardPageFactory(
        parent=home_page, title="Privacy notice", slug="privacy", show_in_menus=True
    )
    translate(home_page, welsh, title="Hafan")
    translate(about, welsh, title="Ynglŷn â ni")

    footer = footer_of(client.get("/cy/"))

    assert '<a class="govuk-footer__link" href="/cy/about/">Ynglŷn â ni</a>' in footer
    # Not yet in Welsh: the English page, as the lists of themes link it.
    assert '<a class="govuk-footer__link" href="/privacy/">Privacy notice</a>' in footer
    assert 'href="/about/"' not in footer


def test_a_footer_pages_new_title_shows_at_once_in_both_languages(
    client, home_page, welsh
):
    about = StandardPageFactory(
        parent=home_page, title="About", slug="about", show_in_menus=True
    )
    translate(home_page, welsh, title="Hafan")
    assert "About<" in footer_of(client.get("/"))
    assert "About<" in footer_of(client.get("/cy/"))

    about.title = "About statsforum"
    about.save_revision().publish()

    assert "About statsforum<" in footer_of(client.get("/"))
    assert "About statsforum<" in footer_of(client.get("/cy/"))


def test_a_page_taken_out_of_the_footer_leaves_it_at_once(client, home_page):
    about = StandardPageFactory(
        parent=home_page, title="About", slug="about", show_in_menus=True
    )
    assert "About<" in footer_of(client.get("/"))

    about.show_in_menus = False
    about.save_revision().publish()

    assert "About<" not in footer_of(client.get("/"))


def test_an_address_in_neither_language_is_still_not_found(client, home_page, welsh):
    translate(home_page, welsh, title="Hafan")

    assert client.get("/cy/no-such-page/").status_code == 404
    assert client.get("/no-such-page/").status_code == 404


def test_the_welsh_home_lists_every_theme_in_welsh_where_translated(
    client, home_page, theme_index, health, welsh
):
    ThemePageFactory(parent=theme_index, title="Migration", slug="migration")
    translate(home_page, welsh, title="Hafan")
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")

    response = client.get("/cy/")

    titles = [theme.title for theme in response.context["themes"]]
    assert titles == ["Iechyd a gofal cymdeithasol", "Migration"]
    assert response.context["theme_count"] == 2


def test_lists_of_themes_hold_the_themes_of_record_only(client, health, welsh):
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")

    assert list(public_themes()) == [health]


# The editors' side, through wagtail-localize's admin.


def test_an_editor_translates_edits_and_publishes_a_theme_in_the_admin(
    client, editor, health, welsh
):
    client.force_login(editor)

    response = client.post(
        f"/admin/localize/submit/page/{health.pk}/",
        {"locales": [welsh.pk]},
    )

    assert response.status_code == 302
    welsh_theme = health.get_translation(welsh)
    assert welsh_theme.title == "Health and social care"
    edit = client.get(f"/admin/pages/{welsh_theme.pk}/edit/")
    assert edit.status_code == 200
    # The editor writes the Welsh and publishes it, as the translation editor does.
    welsh_theme.title = "Iechyd a gofal cymdeithasol"
    welsh_theme.save_revision(user=editor).publish(user=editor)
    html = client.get("/cy/themes/health-and-social-care/").content.decode()
    assert "Iechyd a gofal cymdeithasol" in html
    assert NOT_YET not in html


@pytest.mark.parametrize("next_address", ["abc", "-1", "2147483648"])
def test_a_next_address_that_is_no_address_is_ignored_not_a_server_error(
    client, editor, health, welsh, next_address
):
    client.force_login(editor)

    response = client.post(
        f"/admin/localize/submit/page/{health.pk}/",
        {"locales": [welsh.pk], "next": next_address},
    )

    assert response.status_code == 302
    assert health.get_translation(welsh)


def test_someone_without_the_translate_permission_cannot_translate(
    client, health, welsh, user
):
    chairs = Group.objects.create(name="Some chairs")
    chairs.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=chairs,
        page=health,
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(chairs)
    client.force_login(user)

    response = client.post(
        f"/admin/localize/submit/page/{health.pk}/", {"locales": [welsh.pk]}
    )

    assert response.status_code in (302, 403)
    assert (
        not ThemePage.objects.filter(translation_key=health.translation_key)
        .exclude(pk=health.pk)
        .exists()
    )


def test_a_welsh_theme_page_costs_a_few_queries_more_than_the_english_one(
    client, health, welsh
):
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")
    client.get(health.url)
    with CaptureQueriesContext(connection) as english:
        client.get(health.url)
    client.get("/cy/themes/health-and-social-care/")
    with CaptureQueriesContext(connection) as cymraeg:
        response = client.get("/cy/themes/health-and-social-care/")

    assert response.status_code == 200
    # Its locale, the Welsh home (Wagtail's `localized`), the theme of record.
    assert len(cymraeg) <= len(english) + WELSH_EXTRA


def test_home_is_the_only_root_of_record(home_page, welsh):
    translate(home_page, welsh, title="Hafan")

    assert HomePage.objects.count() == 2
    assert Page.objects.get(pk=home_page.pk).locale.language_code == "en-gb"


# The page cache (core/pagecache.py): a visitor never sees a stale language.


@pytest.mark.page_cache
def test_publishing_a_translation_replaces_the_cached_fallback_at_once(
    client, health, welsh
):
    address = "/cy/themes/health-and-social-care/"
    assert NOT_YET in client.get(address).content.decode()

    translate(health, welsh, title="Iechyd a gofal cymdeithasol")

    html = client.get(address).content.decode()
    assert "Iechyd a gofal cymdeithasol" in html
    assert NOT_YET not in html


@pytest.mark.page_cache
def test_publishing_the_english_page_refreshes_its_fallback_at_once(client, health):
    address = "/cy/themes/health-and-social-care/"
    client.get(address)

    health.title = "Health and care"
    health.save_revision().publish()

    assert "Health and care" in client.get(address).content.decode()


@pytest.mark.page_cache
def test_publishing_the_welsh_page_again_shows_its_new_text_at_once(
    client, health, welsh
):
    welsh_theme = translate(health, welsh, title="Iechyd a gofal cymdeithasol")
    address = "/cy/themes/health-and-social-care/"
    client.get(address)

    welsh_theme.title = "Iechyd a gofal"
    welsh_theme.save_revision().publish()

    assert "Iechyd a gofal<" in client.get(address).content.decode()


def test_member_content_under_a_welsh_address_has_no_notice(client, health, welsh):
    ThreadFactory(theme=health, title="Waiting times in Wales")

    html = client.get("/cy/themes/health-and-social-care/discussions/").content.decode()

    assert "Waiting times in Wales" in html
    assert NOT_YET not in html


def test_the_welsh_dashboard_names_a_members_themes_in_welsh(
    client, home_page, health, welsh, editor, ons
):
    translate(home_page, welsh, title="Hafan")
    translate(health, welsh, title="Iechyd a gofal cymdeithasol")
    producer = appoint(health, Role.PRODUCER, editor, organisation=ons)
    services.join_theme(producer, health)
    client.force_login(producer)

    welsh_page = client.get("/cy/my/").content.decode()
    english_page = client.get("/my/").content.decode()

    # My themes and my roles.
    assert welsh_page.count("Iechyd a gofal cymdeithasol") == 2
    assert 'href="/cy/themes/health-and-social-care/"' in welsh_page
    assert "Health and social care" not in welsh_page
    assert english_page.count("Health and social care") == 2
