"""Public pages make the same number of queries however many themes and contacts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import OrganisationFactory, UserFactory
from themes import services
from themes.factories import ThemeContactFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

# Anonymous visitors; a signed-in member adds their session, their account,
# whether they have joined the theme and the header's count of their unread
# notifications (one query: issue 13's inbox). The theme page is the dearest: its
# contacts, open consultations, next meetings, open actions, data gaps met (its
# figures are cached) and threads. Open actions are those of minutes a visitor
# reaches (themes.roles.public_pages reads the view restrictions: one more), and
# whether the theme is public, so its page offers its feed only if it answers. With
# pages in Welsh (WAGTAIL_I18N_ENABLED), Wagtail reads the address's locale once to
# route from the home page in that language (`site.root_page.localized`): one more.
BUDGET = {False: 26, True: 32}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_themes(theme_index, count, contacts_each):
    organisations = OrganisationFactory.create_batch(3)
    themes = []
    for _ in range(count):
        theme = ThemePageFactory(parent=theme_index)
        theme.organisations.set(organisations)
        theme.save()
        ThemeContactFactory.create_batch(
            contacts_each, theme=theme, organisation=organisations[0]
        )
        themes.append(theme)
    return themes


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("url_of", ["home", "theme_index", "theme"])
def test_pages_stay_within_budget_as_themes_and_contacts_grow(
    client, theme_index, url_of, signed_in
):
    few = add_themes(theme_index, 1, contacts_each=1)
    if signed_in:
        member = UserFactory()
        services.join_theme(member, few[0])
        client.force_login(member)
    urls = {"home": "/", "theme_index": theme_index.url, "theme": few[0].url}
    client.get(urls[url_of])  # warm the per-process caches (content types, site)
    small = count_queries(client, urls[url_of])

    # Enough that a query a theme, contact or member would show: each is a count.
    many = add_themes(theme_index, 6, contacts_each=4)
    for theme in many:
        for member in UserFactory.create_batch(2):
            services.join_theme(member, theme)
    urls["theme"] = many[0].url
    client.get(urls[url_of])  # and the theme's cached data-gap figures
    large = count_queries(client, urls[url_of])

    assert large == small
    assert large <= BUDGET[signed_in]
