"""A theme's sections: its Meetings and Consultations pages (issue 12).

Each feature makes its section when a theme is made; the section is where the
feature's pages live, so their tree path is their address, and it lists them.
Nobody, not even a superuser, moves, copies, unpublishes, renames or deletes a
section on its own; deleting the theme takes its sections with it.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationIndexPage, ConsultationPage
from events.factories import EventPageFactory
from events.models import EventPage, MeetingIndexPage, MinutesPage
from home.models import StandardPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

SECTIONS = [
    pytest.param(MeetingIndexPage, "meetings", "Meetings", id="meetings"),
    pytest.param(
        ConsultationIndexPage, "consultations", "Consultations", id="consultations"
    ),
]


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True, two_factor=True)


def section_of(theme, section_class):
    return section_class.objects.child_of(theme).get()


# Made with the theme


@pytest.mark.parametrize(("section_class", "slug", "title"), SECTIONS)
def test_a_new_theme_gets_its_section_live_at_its_address(
    housing, section_class, slug, title
):
    section = section_of(housing, section_class)

    assert (section.slug, section.title, section.live) == (slug, title, True)
    assert section.url == f"/themes/housing/{slug}/"


def test_saving_a_theme_again_makes_no_second_section(housing):
    housing.title = "Housing and planning"
    housing.save_revision().publish()

    assert [type(page) for page in housing.get_children().specific()] == [
        MeetingIndexPage,
        ConsultationIndexPage,
    ]


def test_a_theme_made_in_the_admin_gets_its_sections(client, theme_index, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["themes", "themepage", theme_index.pk]),
        {
            "title": "Transport",
            "slug": "transport",
            "summary": "Roads and railways.",
            "introduction-count": "0",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
            "contacts-MIN_NUM_FORMS": "0",
            "contacts-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302
    theme = ThemePage.objects.get(slug="transport")
    assert [page.slug for page in theme.get_children()] == [
        "meetings",
        "consultations",
    ]


# What may go where


def test_nothing_can_be_added_under_a_theme_itself(housing, superuser):
    assert ThemePage.creatable_subpage_models() == []
    assert not housing.permissions_for_user(superuser).can_add_subpage()
    for page_class in (EventPage, ConsultationPage, StandardPage, MinutesPage):
        assert not page_class.can_create_at(housing)


def test_the_admin_offers_nothing_to_add_under_a_theme(client, housing, superuser):
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[housing.pk]))

    # Wagtail sends someone who may add nothing here back to the dashboard.
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_each_section_takes_only_its_own_kind_of_page(housing):
    meetings = section_of(housing, MeetingIndexPage)
    consultations = section_of(housing, ConsultationIndexPage)

    assert MeetingIndexPage.creatable_subpage_models() == [EventPage]
    assert ConsultationIndexPage.creatable_subpage_models() == [ConsultationPage]
    assert not ConsultationPage.can_create_at(meetings)
    assert not EventPage.can_create_at(consultations)
    assert not StandardPage.can_create_at(meetings)
    assert not MeetingIndexPage.can_create_at(housing)


def test_a_meeting_lives_in_its_themes_meetings(housing):
    meeting = EventPageFactory(parent=housing, slug="spring")

    assert meeting.get_parent().specific == section_of(housing, MeetingIndexPage)
    assert meeting.theme == housing
    assert meeting.url == "/themes/housing/meetings/spring/"
    assert meeting.url_path.endswith("/themes/housing/meetings/spring/")


# Nobody moves, copies, unpublishes, renames or deletes a section on its own


@pytest.mark.parametrize(("section_class", "slug", "title"), SECTIONS)
def test_not_even_a_superuser_may_move_copy_unpublish_or_delete_a_section(
    housing, health, superuser, section_class, slug, title
):
    section = section_of(housing, section_class)
    may = section.permissions_for_user(superuser)

    assert not may.can_delete()
    assert not may.can_move()
    assert not may.can_move_to(health)
    assert not may.can_copy()
    assert not may.can_copy_to(health)
    assert not may.can_unpublish()
    assert may.can_edit()


@pytest.mark.parametrize("action", ["delete", "move", "copy", "unpublish"])
def test_the_admin_refuses_a_superuser_each_action_on_a_section(
    client, housing, superuser, action
):
    section = section_of(housing, MeetingIndexPage)
    client.force_login(superuser)
    url = reverse(f"wagtailadmin_pages:{action}", args=[section.pk])

    asked = client.get(url)
    sent = client.post(url, {"new_title": "Copy", "new_slug": "copy"})

    assert asked.status_code in (302, 403) and sent.status_code in (302, 403)
    assert asked.get("Location", "/admin/") == "/admin/"
    section.refresh_from_db()
    assert (section.live, section.get_parent().specific) == (True, housing)
    assert MeetingIndexPage.objects.count() == 1


@pytest.mark.parametrize(("section_class", "slug", "title"), SECTIONS)
def test_a_sections_address_cannot_change(housing, section_class, slug, title):
    section = section_of(housing, section_class)
    section.slug = "elsewhere"

    with pytest.raises(ValidationError) as refused:
        section.save()

    assert "slug" in refused.value.message_dict
    assert Page.objects.get(pk=section.pk).slug == slug


def test_the_editor_of_a_section_is_offered_no_slug(client, housing, superuser):
    section = section_of(housing, MeetingIndexPage)
    client.force_login(superuser)

    form = client.get(reverse("wagtailadmin_pages:edit", args=[section.pk]))

    assert form.status_code == 200
    assert 'name="slug"' not in form.content.decode()


def test_deleting_the_theme_deletes_its_sections_and_their_pages(
    client, housing, superuser
):
    meeting = EventPageFactory(parent=housing)
    ConsultationPageFactory(parent=housing)
    client.force_login(superuser)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[housing.pk]))

    assert response.status_code == 302
    assert not ThemePage.objects.filter(pk=housing.pk).exists()
    assert not MeetingIndexPage.objects.exists()
    assert not ConsultationIndexPage.objects.exists()
    assert not EventPage.objects.filter(pk=meeting.pk).exists()


def test_copying_a_theme_copies_it_alone_with_sections_of_its_own(
    client, housing, superuser, theme_index
):
    EventPageFactory(parent=housing)
    client.force_login(superuser)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[housing.pk]),
        {
            "new_title": "Housing (copy)",
            "new_slug": "housing-copy",
            "new_parent_page": theme_index.pk,
            "copy_subpages": "on",
        },
    )

    assert response.status_code == 302
    copy = ThemePage.objects.get(slug="housing-copy")
    assert [type(page) for page in copy.get_children().specific()] == [
        MeetingIndexPage,
        ConsultationIndexPage,
    ]
    assert not EventPage.objects.descendant_of(copy).exists()


# The sections are the theme's lists


def test_a_themes_meetings_lists_that_themes_meetings_only(client, housing, health):
    EventPageFactory(parent=housing, title="Rents forum")
    EventPageFactory(parent=health, title="Waiting times")

    response = client.get("/themes/housing/meetings/")

    assert response.status_code == 200
    assert [m.title for m in response.context["meetings"]] == ["Rents forum"]
    body = response.content.decode()
    assert "Waiting times" not in body
    # The theme is fixed, so there is no choosing another.
    assert 'name="theme"' not in body
    assert '<a class="govuk-breadcrumbs__link" href="/themes/housing/">' in body


def test_a_themes_consultations_lists_that_themes_consultations_only(
    client, housing, health
):
    ConsultationPageFactory(parent=housing, title="Rents by ward")
    ConsultationPageFactory(parent=health, title="Waiting lists")

    response = client.get("/themes/housing/consultations/")

    assert response.status_code == 200
    assert [c.title for c in response.context["consultations"]] == ["Rents by ward"]
    assert "Waiting lists" not in response.content.decode()


def test_the_site_wide_list_chosen_by_theme_still_finds_its_meetings(
    client, housing, health
):
    EventPageFactory(parent=housing, title="Rents forum")
    EventPageFactory(parent=health, title="Waiting times")

    response = client.get("/meetings/", {"theme": "housing"})

    assert [m.title for m in response.context["meetings"]] == ["Rents forum"]


@pytest.mark.parametrize("slug", ["meetings", "consultations"])
def test_an_unpublished_themes_sections_and_their_pages_are_not_there(
    client, housing, slug
):
    meeting = EventPageFactory(parent=housing, slug="spring")
    consultation = ConsultationPageFactory(parent=housing, slug="rents")
    housing.unpublish()

    assert client.get(f"/themes/housing/{slug}/").status_code == 404
    assert client.get(meeting.url).status_code == 404
    assert client.get(consultation.url).status_code == 404
    assert client.get("/sitemap.xml").content.decode().count("/housing/") == 0


def test_a_restricted_themes_sections_ask_to_sign_in(client, housing):
    PageViewRestriction.objects.create(
        page=housing, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/themes/housing/meetings/")

    assert response.status_code == 302
    assert "/login/" in response.url


# Pages answer at their tree path only


def test_a_meeting_is_not_at_its_old_place_under_the_theme(client, housing):
    EventPageFactory(parent=housing, slug="spring")
    ConsultationPageFactory(parent=housing, slug="rents")

    assert client.get("/themes/housing/meetings/spring/").status_code == 200
    assert client.get("/themes/housing/spring/").status_code == 404
    assert client.get("/themes/housing/consultations/rents/").status_code == 200
    assert client.get("/themes/housing/rents/").status_code == 404
    assert client.get("/themes/housing/consultations/spring/").status_code == 404


def test_search_finds_meetings_not_the_sections_listing_them(client, housing):
    EventPageFactory(parent=housing, title="Meetings about rents")

    response = client.get("/search/", {"query": "meetings"})

    found = {(result.kind, result.title) for result in response.context["results"]}
    # (PostgreSQL's stemming finds the home page's words too.)
    assert ("meeting", "Meetings about rents") in found
    assert not {title for _, title in found} & {"Meetings", "Consultations"}
