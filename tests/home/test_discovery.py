import pytest

from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_published_pages_only(client, theme_index):
    ThemePageFactory(parent=theme_index, slug="migration")
    ThemePageFactory(parent=theme_index, slug="draft-theme", live=False)

    response = client.get("/sitemap.xml")
    xml = response.content.decode()

    assert response.status_code == 200
    assert "/themes/migration/</loc>" in xml
    assert "draft-theme" not in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
