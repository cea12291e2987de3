"""Joining, leaving, the members and producer requests are Django URLs under the
theme's address (themes.urls), answered as the theme page itself is: nothing when
the theme is not live, and its privacy (sign-in, groups, password) asked first.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from themes import services
from themes.models import ProducerRequest, ThemeMembership

pytestmark = pytest.mark.django_db

# (name, address, method)
ACTIONS = [
    ("themes:join", "/themes/housing/join/", "post"),
    ("themes:leave", "/themes/housing/leave/", "post"),
    ("themes:members", "/themes/housing/members/", "get"),
    ("themes:producer_request", "/themes/housing/become-a-producer/", "get"),
]


def ask(client, address, method):
    return getattr(client, method)(address)


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_each_action_keeps_its_address_under_the_theme(housing, name, address, method):
    assert reverse(name, kwargs={"theme_slug": "housing"}) == address


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_nothing_answers_in_a_theme_that_is_not_published(
    client, housing, name, address, method
):
    member = UserFactory()
    services.join_theme(member, housing)
    housing.unpublish()
    client.force_login(member)

    assert ask(client, address, method).status_code == 404


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_nothing_answers_in_a_theme_that_does_not_exist(
    client, housing, name, address, method
):
    client.force_login(UserFactory())

    response = ask(client, address.replace("housing", "no-such-theme"), method)

    assert response.status_code == 404


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_a_theme_for_signed_in_people_asks_visitors_to_sign_in_first(
    client, housing, name, address, method
):
    PageViewRestriction.objects.create(page=housing, restriction_type="login")

    response = ask(client, address, method)

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=" + address


def test_a_member_joins_a_theme_for_signed_in_people(client, housing):
    PageViewRestriction.objects.create(page=housing, restriction_type="login")
    member = UserFactory()
    client.force_login(member)

    response = client.post("/themes/housing/join/")

    assert response.status_code == 302
    assert response.url == housing.url
    assert ThemeMembership.objects.filter(user=member, theme=housing).exists()


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_a_theme_for_some_groups_sends_everyone_else_to_sign_in(
    client, housing, name, address, method
):
    restriction = PageViewRestriction.objects.create(
        page=housing, restriction_type="groups"
    )
    restriction.groups.add(Group.objects.create(name="Housing analysts"))
    outsider = UserFactory()
    services.join_theme(outsider, housing)
    client.force_login(outsider)

    response = ask(client, address, method)

    assert response.status_code == 302
    assert "login" in response.url
    assert ThemeMembership.objects.filter(user=outsider).count() == 1


def test_someone_in_the_group_asks_to_be_a_producer(client, housing):
    analysts = Group.objects.create(name="Housing analysts")
    restriction = PageViewRestriction.objects.create(
        page=housing, restriction_type="groups"
    )
    restriction.groups.add(analysts)
    analyst = UserFactory()
    analyst.groups.add(analysts)
    client.force_login(analyst)

    response = client.get("/themes/housing/become-a-producer/")

    assert response.status_code == 200
    assert response.context["page"] == housing


@pytest.mark.parametrize(("name", "address", "method"), ACTIONS)
def test_a_theme_behind_a_password_asks_for_it_and_does_nothing(
    client, housing, name, address, method
):
    restriction = PageViewRestriction.objects.create(
        page=housing, restriction_type="password", password="rents"
    )
    member = UserFactory()
    client.force_login(member)

    response = ask(client, address, method)

    assert response.status_code == 200
    assert (
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, housing.pk]
        )
        in response.content.decode()
    )
    assert not ThemeMembership.objects.exists()
    assert not ProducerRequest.objects.exists()


def test_with_the_password_given_a_member_joins(client, housing):
    restriction = PageViewRestriction.objects.create(
        page=housing, restriction_type="password", password="rents"
    )
    member = UserFactory()
    client.force_login(member)
    client.post(
        reverse(
            "wagtailcore_authenticate_with_password",
            args=[restriction.pk, housing.pk],
        ),
        {"password": "rents", "return_url": "/themes/housing/join/"},
    )

    response = client.post("/themes/housing/join/")

    assert response.status_code == 302
    assert ThemeMembership.objects.filter(user=member, theme=housing).exists()
