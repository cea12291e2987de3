import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import StandardPageFactory
from home.models import HomePage
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_site_is_for_and_lists_the_themes(
    client, home_page, theme_index
):
    ThemePageFactory(parent=theme_index, title="Housing and planning")

    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert home_page.intro in html
    assert "Housing and planning" in html
    assert f'href="{theme_index.url}"' in html


def test_home_page_has_no_empty_sections_when_there_is_no_content(client, home_page):
    html = client.get("/").content.decode()

    assert ">Themes</h2>" not in html
    assert "Find your theme" not in html


def test_home_page_links_to_every_theme_when_it_cannot_show_them_all(
    client, theme_index
):
    for n in range(HomePage.themes_shown + 1):
        ThemePageFactory(parent=theme_index, title=f"Theme {n:02}")

    html = client.get("/").content.decode()

    assert f"See all {HomePage.themes_shown + 1} themes" in html
    assert f"Theme {HomePage.themes_shown:02}" not in html


def test_standard_page_shows_its_body_and_review_date(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Accessibility statement",
        body=[
            {"type": "heading", "value": "Compliance status"},
            {"type": "paragraph", "value": "<p>Partially compliant.</p>"},
            {
                "type": "details",
                "value": {"summary": "More", "content": "<p>Hidden detail.</p>"},
            },
            {"type": "inset_text", "value": "An inset."},
            {"type": "warning_text", "value": "A warning."},
        ],
        last_reviewed=datetime.date(2026, 11, 25),
    )

    html = client.get(page.url).content.decode()

    assert 'id="compliance-status">Compliance status</h2>' in html
    assert "Partially compliant." in html
    assert 'class="govuk-details"' in html
    assert 'class="govuk-inset-text"' in html
    assert 'class="govuk-warning-text"' in html
    assert "Last reviewed 25 November 2026" in html


def test_breadcrumbs_lead_home(client, theme_index):
    theme = ThemePageFactory(parent=theme_index, title="Migration")

    html = client.get(theme.url).content.decode()

    assert 'class="govuk-breadcrumbs"' in html
    assert '<a class="govuk-breadcrumbs__link" href="/">Home</a>' in html
    assert f'href="{theme_index.url}">Themes</a>' in html


def test_footer_lists_the_standard_pages_shown_in_menus(client, home_page):
    StandardPageFactory(parent=home_page, title="Privacy notice", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Hidden page", show_in_menus=False)

    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="govuk-footer">') :]

    assert "Privacy notice" in footer
    assert "Hidden page" not in footer


def test_the_footer_is_kept_costing_no_query_on_the_next_page(client, home_page):
    StandardPageFactory(parent=home_page, title="Privacy notice", show_in_menus=True)
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()

    assert "Privacy notice" in html[html.index('<footer class="govuk-footer">') :]
    assert not [q for q in queries if "home_standardpage" in q["sql"]]


def test_every_page_has_the_shell(client, home_page):
    html = client.get("/").content.decode()

    assert 'class="govuk-skip-link"' in html
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html
    assert "govuk-service-navigation" in html
    assert "govuk-generic-header" in html
    assert "govuk-crest" not in html
    assert 'aria-current="page"' not in html
