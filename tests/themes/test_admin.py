import pytest
from django.urls import reverse

from accounts.factories import OrganisationFactory, UserFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, two_factor=True))
    return client


def test_the_theme_editor_has_contacts_and_organisations(admin_client, theme_index):
    theme = ThemePageFactory(parent=theme_index)
    OrganisationFactory(name="Home Office")

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[theme.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="contacts-TOTAL_FORMS"' in html
    assert "Home Office" in html
    assert 'name="organisations"' in html
