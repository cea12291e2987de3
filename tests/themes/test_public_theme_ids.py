"""Which themes are public is kept in the cache (themes.roles.public_theme_ids): every
change that makes a theme public or not is seen by the very next list."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from forums.factories import ThreadFactory
from forums.visibility import threads_visible_to
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def listed():
    return set(threads_visible_to(AnonymousUser()).values_list("title", flat=True))


@pytest.fixture
def threads(migration, housing):
    ThreadFactory(theme=migration, title="On migration")
    ThreadFactory(theme=housing, title="On housing")
    assert listed() == {"On migration", "On housing"}  # and now kept


def test_a_new_theme_is_listed_at_once(threads, theme_index):
    ThreadFactory(theme=ThemePageFactory(parent=theme_index), title="On crime")
    assert "On crime" in listed()


def test_an_unpublished_theme_leaves_at_once(threads, migration):
    migration.unpublish()
    assert listed() == {"On housing"}
    migration.save_revision().publish()
    assert listed() == {"On migration", "On housing"}


@pytest.mark.parametrize("where", ["the theme", "the themes index", "the home page"])
def test_a_view_restriction_anywhere_above_is_seen_at_once(threads, migration, where):
    page = {
        "the theme": migration,
        "the themes index": migration.get_parent(),
        "the home page": migration.get_parent().get_parent(),
    }[where]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert listed() == (set() if where != "the theme" else {"On housing"})
    restriction.delete()
    assert listed() == {"On migration", "On housing"}


def test_a_deleted_theme_leaves_at_once(threads, housing):
    housing.delete()
    assert listed() == {"On migration"}
