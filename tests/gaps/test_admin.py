import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from wagtail.models import ModelLogEntry

from accounts.factories import OrganisationFactory, UserFactory
from gaps import services
from gaps.models import DataGap, Status
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

NOTE = "The Department for Education owns these figures; we have asked them."
INDEX = "data_gaps:index"


@pytest.fixture
def education(theme_index):
    return ThemePageFactory(parent=theme_index, title="Education", slug="education")


@pytest.fixture
def crime(theme_index):
    return ThemePageFactory(parent=theme_index, title="Crime", slug="crime")


@pytest.fixture
def producer(education, editor):
    return appoint(education, Role.PRODUCER, editor, OrganisationFactory())


@pytest.fixture
def author():
    return UserFactory()


def raise_one(author, theme, title):
    return services.raise_gap(
        author,
        theme,
        title=title,
        measure="Exclusions by reason and local authority.",
        purpose="Planning alternative provision.",
    )


@pytest.fixture
def school_gap(author, education):
    return raise_one(author, education, "Exclusions by reason")


@pytest.fixture
def crime_gap(author, crime):
    return raise_one(author, crime, "Knife crime by ward")


def triage_url(gap):
    return reverse("data_gaps:triage", args=[gap.pk])


# The listing


def test_the_listing_is_at_a_readable_address():
    assert reverse(INDEX) == "/admin/data-gaps/"
    assert reverse("data_gaps:triage", args=[7]) == "/admin/data-gaps/7/triage/"


def test_an_editor_sees_every_themes_gaps(client, editor, school_gap, crime_gap):
    client.force_login(editor)

    response = client.get(reverse(INDEX))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Exclusions by reason" in html
    assert "Knife crime by ward" in html


@pytest.mark.parametrize("role", [Role.PRODUCER, Role.CHAIR])
def test_producers_and_chairs_see_only_their_themes_gaps(
    client, editor, education, school_gap, crime_gap, role
):
    client.force_login(appoint(education, role, editor))

    response = client.get(reverse(INDEX))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Exclusions by reason" in html
    assert "Knife crime by ward" not in html
    assert list(response.context["object_list"]) == [school_gap]


def test_the_listing_shows_what_a_triager_needs(client, producer, school_gap, author):
    organisation = OrganisationFactory(name="Department for Education")
    services.support(school_gap, UserFactory())
    services.change_status(
        school_gap,
        producer,
        status=Status.ACKNOWLEDGED,
        note=NOTE,
        owner_organisation=organisation,
    )
    client.force_login(producer)

    html = client.get(reverse(INDEX)).content.decode()

    for heading in [
        "Title",
        "Theme",
        "Status",
        "Supporters",
        "Owning organisation",
        "Last moved",
    ]:
        assert heading in html
    assert "Acknowledged" in html
    assert "Department for Education" in html
    assert f'href="{triage_url(school_gap)}"' in html
    assert 'aria-label="Triage &#x27;Exclusions by reason&#x27;"' in html


def test_the_data_gaps_menu_item_is_shown_to_a_producer(client, producer):
    client.force_login(producer)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Data gaps" in html
    assert reverse(INDEX) in html


def test_the_data_gaps_menu_item_is_hidden_from_other_admin_users(client, editor):
    # An organisation manager with admin access who triages nothing.
    person = UserFactory(two_factor=True)
    person.groups.add(editor.groups.get(name="Editors"))
    person.groups.get(name="Editors").permissions.remove(
        Permission.objects.get(codename="triage_all_themes")
    )
    client.force_login(person)

    refused = client.get(reverse(INDEX))

    # Wagtail turns a refusal into a redirect home with a message.
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in html


def test_a_member_cannot_reach_the_listing(client, school_gap):
    client.force_login(UserFactory(two_factor=True))

    response = client.get(reverse(INDEX))

    assert response.status_code == 302
    assert "Exclusions" not in response.content.decode()


def test_the_listing_filters_by_status(client, editor, producer, school_gap, crime_gap):
    services.change_status(school_gap, producer, status=Status.ACKNOWLEDGED, note=NOTE)
    client.force_login(editor)

    response = client.get(reverse(INDEX), {"status": "acknowledged"})

    assert list(response.context["object_list"]) == [
        DataGap.objects.get(pk=school_gap.pk)
    ]


def test_the_listing_filters_by_theme(client, editor, crime, school_gap, crime_gap):
    client.force_login(editor)

    response = client.get(reverse(INDEX), {"theme": crime.pk})

    assert list(response.context["object_list"]) == [crime_gap]


def test_the_theme_filter_offers_only_the_triagers_themes(
    client, producer, education, crime
):
    client.force_login(producer)

    response = client.get(reverse(INDEX))

    themes = list(response.context["filters"].form.fields["theme"].queryset)
    assert themes == [education]


def test_the_listing_searches_titles(client, editor, school_gap, crime_gap):
    client.force_login(editor)

    response = client.get(reverse(INDEX), {"q": "knife"})

    assert list(response.context["object_list"]) == [crime_gap]


def test_gaps_cannot_be_added_edited_or_deleted_raw_in_the_admin(
    client, editor, school_gap
):
    client.force_login(editor)

    for view in ["add", "edit", "delete", "copy"]:
        with pytest.raises(NoReverseMatch):
            reverse(f"data_gaps:{view}", args=[school_gap.pk])
    assert client.get(f"/admin/data-gaps/edit/{school_gap.pk}/").status_code == 404
    html = client.get(reverse(INDEX)).content.decode()
    assert "Add data gap" not in html


# Triage in the admin


def test_a_producer_triages_in_the_admin(
    client, producer, school_gap, author, mailoutbox
):
    client.force_login(producer)

    page = client.get(triage_url(school_gap))
    response = client.post(
        triage_url(school_gap),
        {"status": Status.UNDER_ASSESSMENT, "note": NOTE, "target_date": "1/9/2027"},
    )

    assert page.status_code == 200
    assert 'value="under_assessment"' in page.content.decode()
    assert 'value="planned"' not in page.content.decode()
    assert response.status_code == 302
    assert response.url == reverse(INDEX)
    school_gap.refresh_from_db()
    assert school_gap.status == Status.UNDER_ASSESSMENT
    assert str(school_gap.target_date) == "2027-09-01"
    assert school_gap.updates.last().note == NOTE
    [message] = mailoutbox
    assert message.to == [author.email]
    assert NOTE in message.body
    entry = ModelLogEntry.objects.get(action="gaps.change_status")
    assert entry.object_id == str(school_gap.pk)
    assert entry.user == producer


def test_an_editor_triages_any_theme_in_the_admin(client, editor, crime_gap):
    client.force_login(editor)

    response = client.post(
        triage_url(crime_gap), {"status": Status.NOT_FEASIBLE, "note": NOTE}
    )

    assert response.status_code == 302
    crime_gap.refresh_from_db()
    assert crime_gap.status == Status.NOT_FEASIBLE


def test_the_admin_triage_page_shows_the_gap_and_its_timeline(
    client, producer, school_gap
):
    client.force_login(producer)

    html = client.get(triage_url(school_gap)).content.decode()

    assert "Exclusions by reason" in html
    assert "Raised by a member." in html
    assert "Only for the status Duplicate" in html


def test_a_change_without_a_note_is_refused_in_the_admin(
    client, producer, school_gap, mailoutbox
):
    client.force_login(producer)

    response = client.post(
        triage_url(school_gap), {"status": Status.ACKNOWLEDGED, "note": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Write a note saying why: members will read it." in html
    assert response.context["form"]["status"].value() == "acknowledged"
    school_gap.refresh_from_db()
    assert school_gap.status == Status.RAISED
    assert not mailoutbox
    assert not ModelLogEntry.objects.filter(action="gaps.change_status").exists()


def test_an_impossible_jump_is_refused_in_the_admin(client, producer, school_gap):
    client.force_login(producer)

    response = client.post(triage_url(school_gap), {"status": "met ", "note": NOTE})
    planned = client.post(
        triage_url(school_gap), {"status": Status.PLANNED, "note": NOTE}
    )

    assert response.status_code == 200
    assert "Choose one of the statuses offered" in planned.content.decode()
    school_gap.refresh_from_db()
    assert school_gap.status == Status.RAISED


def test_a_producer_of_another_theme_cannot_triage_in_the_admin(
    client, producer, crime_gap
):
    client.force_login(producer)

    get = client.get(triage_url(crime_gap))
    post = client.post(
        triage_url(crime_gap), {"status": Status.ACKNOWLEDGED, "note": NOTE}
    )

    # Wagtail turns a refusal into a redirect home with a message.
    assert get.status_code == post.status_code == 302
    assert get.url == post.url == reverse("wagtailadmin_home")
    crime_gap.refresh_from_db()
    assert crime_gap.status == Status.RAISED


def test_a_duplicate_in_the_admin_moves_its_supporters(
    client, producer, education, school_gap
):
    original = raise_one(UserFactory(), education, "School exclusions by reason")
    supporter = UserFactory()
    services.support(school_gap, supporter)
    client.force_login(producer)

    response = client.post(
        triage_url(school_gap),
        {"status": Status.DUPLICATE, "duplicate_of": original.pk, "note": NOTE},
    )

    assert response.status_code == 302
    original.refresh_from_db()
    assert original.support_count == 2  # the supporter and the duplicate's author
    assert original.supports.filter(user=supporter).exists()


def test_a_duplicate_says_so_instead_of_offering_a_form(
    client, producer, education, school_gap
):
    original = raise_one(UserFactory(), education, "School exclusions by reason")
    services.change_status(
        school_gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=original
    )
    client.force_login(producer)

    html = client.get(triage_url(school_gap)).content.decode()

    assert "so its status cannot change" in html
    assert 'name="note"' not in html


def count_listing_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(INDEX)).status_code == 200
    return len(queries)


def test_the_listing_costs_the_same_however_many_gaps(
    client, editor, education, crime, author
):
    organisation = OrganisationFactory()
    client.force_login(editor)
    raise_one(author, education, "First")
    count_listing_queries(client)  # the first request fills what the cache keeps
    few = count_listing_queries(client)

    for number, theme in enumerate([education, crime] * 3):
        gap = raise_one(author, theme, f"Gap {number}")
        DataGap.objects.filter(pk=gap.pk).update(owner_organisation=organisation)
    many = count_listing_queries(client)

    assert many == few
