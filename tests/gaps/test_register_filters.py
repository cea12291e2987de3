"""The register asked for directly, with a theme and a query string as values."""

import pytest
from django.http import QueryDict

from gaps.factories import DataGapFactory
from gaps.register import register_of
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db
SITE = "https://statsforum.example"


@pytest.fixture
def themes(theme_index):
    return (
        ThemePageFactory(parent=theme_index, title="Migration", slug="migration"),
        ThemePageFactory(parent=theme_index, title="Crime", slug="crime"),
    )


def test_a_themes_register_holds_only_its_gaps_filtered_by_topic(themes):
    migration, crime = themes
    wanted = DataGapFactory(theme=migration, topics=["housing"])
    DataGapFactory(theme=migration, topics=["health"])
    DataGapFactory(theme=crime, topics=["housing"])

    register = register_of(migration, QueryDict("tag=housing"), SITE)

    assert list(register.gaps()) == [wanted]
    assert register.is_filtered
    assert register.query(format="csv") == "?tag=housing&format=csv"


def test_every_themes_register_offers_a_theme_filter(themes):
    migration, crime = themes
    DataGapFactory(theme=migration)
    in_crime = DataGapFactory(theme=crime)

    register = register_of(None, QueryDict("theme=crime"), SITE)

    assert list(register.gaps()) == [in_crime]
    assert "theme" in register.form().fields
    assert "theme" not in register_of(migration, QueryDict(), SITE).form().fields


def test_a_filter_that_is_not_an_option_is_dropped_not_refused(themes):
    migration, _ = themes
    gaps = DataGapFactory.create_batch(2, theme=migration)

    register = register_of(
        migration, QueryDict("status=nonsense&organisation=x&sort=worst"), SITE
    )

    assert register.filters == {}
    assert not register.is_filtered
    assert set(register.gaps()) == set(gaps)
