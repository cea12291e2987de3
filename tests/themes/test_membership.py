import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from themes import services
from themes.factories import ThemePageFactory
from themes.models import ThemeMembership

pytestmark = pytest.mark.django_db


def test_a_member_joins_and_leaves_a_theme(client, migration):
    member = UserFactory()
    client.force_login(member)

    response = client.post(migration.url + "join/")
    assert response.status_code == 302
    page = client.get(migration.url).content.decode()
    assert "1 member" in page
    assert "You are a member" in page
    assert "Leave Migration" in page

    client.post(migration.url + "leave/")
    assert not ThemeMembership.objects.filter(user=member).exists()
    assert "0 members" in client.get(migration.url).content.decode()


def test_joining_twice_keeps_one_membership(client, migration):
    member = UserFactory()
    client.force_login(member)

    client.post(migration.url + "join/")
    client.post(migration.url + "join/")

    assert ThemeMembership.objects.filter(user=member).count() == 1


def test_joining_takes_a_post_not_a_link(client, migration):
    client.force_login(UserFactory())

    assert client.get(migration.url + "join/").status_code == 405
    assert not ThemeMembership.objects.exists()


def test_visitors_are_asked_to_sign_in_to_join(client, migration):
    page = client.get(migration.url).content.decode()
    assert "to join this theme" in page

    response = client.post(migration.url + "join/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not ThemeMembership.objects.exists()


def test_an_unverified_member_cannot_join(client, migration):
    client.force_login(UserFactory(verified=False))

    client.post(migration.url + "join/")

    assert not ThemeMembership.objects.exists()


def test_members_see_who_else_has_joined_but_never_their_emails(client, migration):
    member = UserFactory()
    other = UserFactory(
        first_name="Olu",
        last_name="Ade",
        email="olu@example.org",
        organisation_name="LGA",
    )
    services.join_theme(member, migration)
    services.join_theme(other, migration)
    client.force_login(member)

    response = client.get(migration.url + "members/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Olu Ade" in html
    assert "LGA" in html
    assert "olu@example.org" not in html


def test_people_who_have_not_joined_cannot_see_the_member_list(client, migration):
    services.join_theme(UserFactory(first_name="Hidden"), migration)
    client.force_login(UserFactory())

    response = client.get(migration.url + "members/")

    assert response.status_code == 403
    assert "Only members can see who has joined Migration" in response.content.decode()
    assert "Hidden" not in response.content.decode()


def test_visitors_are_asked_to_sign_in_for_the_member_list(client, migration):
    response = client.get(migration.url + "members/")

    assert response.url.startswith(reverse("account_login"))


def test_the_dashboard_lists_my_themes(client, migration, theme_index):
    member = UserFactory()
    services.join_theme(member, migration)
    ThemePageFactory(parent=theme_index, title="Crime and justice")
    client.force_login(member)

    html = client.get(reverse("dashboard")).content.decode()

    assert "Migration" in html
    assert "Crime and justice" not in html
