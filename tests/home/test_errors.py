import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from accounts.factories import UserFactory
from forums.factories import ThreadFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_sites_own_404(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="/search/"' in response.content.decode()


def test_the_500_page_renders_without_touching_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_refusal_gets_the_sites_own_403_with_the_reason(client, theme_index):
    thread = ThreadFactory(theme=ThemePageFactory(parent=theme_index, slug="migration"))
    client.force_login(UserFactory())

    response = client.post(thread.get_absolute_url() + "moderate/", {"action": "lock"})

    assert response.status_code == 403
    assert "You cannot do that" in response.content.decode()
    assert "chairs and the editors moderate it" in response.content.decode()
