import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from accounts.factories import OrganisationFactory
from accounts.models import Organisation
from home.models import HomePage, StandardPage
from themes.factories import ThemeContactFactory, ThemePageFactory
from themes.models import ThemeContact, ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db


def test_theme_index_lists_published_themes_alphabetically(client, theme_index):
    ThemePageFactory(parent=theme_index, title="Migration", summary="People moving.")
    ThemePageFactory(parent=theme_index, title="Crime and justice")
    ThemePageFactory(parent=theme_index, title="Draft theme", live=False)

    response = client.get(theme_index.url)

    assert response.status_code == 200
    titles = [theme.title for theme in response.context["themes"]]
    assert titles == ["Crime and justice", "Migration"]
    assert "People moving." in response.content.decode()


def test_theme_index_hides_private_themes(client, theme_index):
    private = ThemePageFactory(parent=theme_index, title="Private theme")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get(theme_index.url)

    assert "Private theme" not in response.content.decode()


def test_theme_index_is_paginated(client, theme_index):
    for n in range(ThemeIndexPage.themes_per_page + 3):
        ThemePageFactory(parent=theme_index, title=f"Theme {n:02}")

    first = client.get(theme_index.url)
    second = client.get(theme_index.url, {"page": 2})
    beyond = client.get(theme_index.url, {"page": "not-a-number"})

    assert len(first.context["themes"]) == ThemeIndexPage.themes_per_page
    assert [t.title for t in second.context["themes"]] == [
        "Theme 24",
        "Theme 25",
        "Theme 26",
    ]
    assert 'aria-label="Pagination"' in first.content.decode()
    assert beyond.context["themes"].number == 1


def test_theme_page_shows_contacts_in_order_and_organisations(client, theme_index):
    ons = OrganisationFactory(
        name="Office for National Statistics",
        acronym="ONS",
        website="https://www.ons.gov.uk",
    )
    rss = OrganisationFactory(
        name="Royal Statistical Society", acronym="RSS", kind=Organisation.Kind.USER
    )
    theme = ThemePageFactory(parent=theme_index, title="Migration")
    theme.organisations.set([ons, rss])
    theme.save()
    ThemeContactFactory(
        theme=theme,
        sort_order=1,
        name="Second Person",
        organisation=ons,
        responsible_for="Visa statistics",
    )
    ThemeContactFactory(
        theme=theme,
        sort_order=0,
        name="First Person",
        organisation=ons,
        responsible_for="Long-term international migration",
        email="migration@example.gov.uk",
        phone="020 7946 0000",
    )

    response = client.get(theme.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.index("First Person") < html.index("Second Person")
    assert "Long-term international migration" in html
    assert 'href="mailto:migration@example.gov.uk"' in html
    assert "020 7946 0000" in html
    assert 'href="https://www.ons.gov.uk"' in html
    assert "Royal Statistical Society" in html
    assert "User body" in html


def test_theme_page_says_when_it_has_no_contacts(client, theme_index):
    theme = ThemePageFactory(parent=theme_index)

    html = client.get(theme.url).content.decode()

    assert "This theme has no named contacts yet." in html


def test_a_contact_needs_an_email_or_a_phone_number():
    contact = ThemeContact(
        name="Someone",
        role="Statistician",
        organisation=OrganisationFactory(),
        responsible_for="Everything",
    )

    with pytest.raises(ValidationError) as error:
        contact.full_clean(exclude=["theme"])

    assert "Give an email address or a phone number" in str(error.value)


def test_the_page_tree_only_allows_the_right_parents():
    assert ThemeIndexPage.allowed_parent_page_models() == [HomePage]
    assert ThemeIndexPage.allowed_subpage_models() == [ThemePage]
    assert ThemePage.allowed_parent_page_models() == [ThemeIndexPage]
    assert HomePage.allowed_subpage_models() == [StandardPage, ThemeIndexPage]
    assert StandardPage.allowed_parent_page_models() == [HomePage, StandardPage]


def test_only_one_theme_index_and_one_home_page(home_page, theme_index):
    assert not ThemeIndexPage.can_create_at(home_page)
    assert not HomePage.can_create_at(home_page.get_parent())
    assert not ThemePage.can_create_at(home_page)
