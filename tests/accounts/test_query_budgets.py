"""Account pages make the same number of queries however much a member has done."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import OrganisationFactory, UserFactory
from themes import services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db

BUDGET = 20


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def involve(member, theme_index, editor, themes):
    organisation = OrganisationFactory()
    for _ in range(themes):
        theme = ThemePageFactory(parent=theme_index)
        services.join_theme(member, theme)
        services.grant_role(
            theme,
            member,
            Role.PRODUCER,
            granted_by=editor,
            organisation=organisation,
            tell=False,
        )
        services.request_producer_status(
            member,
            ThemePageFactory(parent=theme_index),
            organisation=organisation,
            job_title="Statistician",
        )


@pytest.mark.parametrize(
    "url_name", ["dashboard", "public_profile", "notification_preferences"]
)
def test_account_pages_stay_within_budget(client, theme_index, editor, url_name):
    member = UserFactory()
    member.expertise.add("census", "migration")
    client.force_login(member)
    url = (
        member.get_absolute_url() if url_name == "public_profile" else reverse(url_name)
    )
    involve(member, theme_index, editor, themes=1)
    client.get(url)
    small = count_queries(client, url)

    involve(member, theme_index, editor, themes=8)
    # New themes and roles replace what the cache kept (public themes, permissions).
    client.get(url)
    large = count_queries(client, url)

    assert large == small
    assert large <= BUDGET


def test_the_member_list_stays_within_budget(client, theme_index):
    theme = ThemePageFactory(parent=theme_index)
    member = UserFactory()
    services.join_theme(member, theme)
    client.force_login(member)
    client.get(theme.url + "members/")
    small = count_queries(client, theme.url + "members/")

    for other in UserFactory.create_batch(60, organisation=OrganisationFactory()):
        services.join_theme(other, theme)
    large = count_queries(client, theme.url + "members/")

    assert large == small
    # One more than the account pages: the breadcrumbs above the theme.
    assert large <= BUDGET + 1
