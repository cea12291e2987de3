"""The one rule for who looks after what members post in a theme, and who sees it:
discussions (chairs) and the data-gap register (producers and chairs) both use it."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from forums.factories import ThreadFactory
from forums.models import Thread
from forums.visibility import threads_visible_to
from gaps import services as gap_services
from gaps.services import gaps_visible_to
from themes.factories import ThemePageFactory, appoint
from themes.models import Role
from themes.roles import holds_role, posts_visible_to, themes_where

pytestmark = pytest.mark.django_db

CHAIRS = [Role.CHAIR]
EVERYWHERE = "forums.moderate_all_themes"


@pytest.fixture
def themes(theme_index):
    return (
        ThemePageFactory(parent=theme_index, title="Migration"),
        ThemePageFactory(parent=theme_index, title="Housing"),
    )


def with_permission_everywhere():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename=EVERYWHERE[7:]))
    return type(person).objects.get(pk=person.pk)  # a fresh permission cache


def test_a_chair_holds_the_role_in_their_theme_only(themes, editor):
    migration, housing = themes
    chair = appoint(migration, Role.CHAIR, editor)

    assert holds_role(chair, migration, CHAIRS, everywhere=EVERYWHERE)
    assert not holds_role(chair, housing, CHAIRS, everywhere=EVERYWHERE)
    assert list(themes_where(chair, CHAIRS, everywhere=EVERYWHERE)) == [migration]


def test_a_producer_is_not_a_chair(themes, editor):
    migration, _ = themes
    producer = appoint(migration, Role.PRODUCER, editor)

    assert not holds_role(producer, migration, CHAIRS, everywhere=EVERYWHERE)
    assert holds_role(
        producer, migration, [Role.PRODUCER, Role.CHAIR], everywhere=EVERYWHERE
    )


def test_the_permission_everywhere_stands_for_the_role_in_every_theme(themes):
    person = with_permission_everywhere()

    assert all(
        holds_role(person, theme, CHAIRS, everywhere=EVERYWHERE) for theme in themes
    )
    assert set(themes_where(person, CHAIRS, everywhere=EVERYWHERE)) >= set(themes)


def test_visitors_and_members_hold_no_role(themes):
    migration, _ = themes
    for person in (AnonymousUser(), UserFactory()):
        assert not holds_role(person, migration, CHAIRS, everywhere=EVERYWHERE)
        assert not themes_where(person, CHAIRS, everywhere=EVERYWHERE)


def test_a_held_post_is_seen_by_its_author_and_who_looks_after_its_theme(
    themes, editor
):
    migration, housing = themes
    author, member = UserFactory(), UserFactory()
    chair_here = appoint(migration, Role.CHAIR, editor)
    chair_elsewhere = appoint(housing, Role.CHAIR, editor)
    public = ThreadFactory(theme=migration)
    held = ThreadFactory(theme=migration, author=author, is_public=False)

    def seen_by(person):
        visible = posts_visible_to(
            person, Thread.objects.all(), CHAIRS, everywhere=EVERYWHERE
        )
        return set(visible)

    assert seen_by(AnonymousUser()) == {public}
    assert seen_by(member) == {public}
    assert seen_by(chair_elsewhere) == {public}
    assert seen_by(author) == {public, held}
    assert seen_by(chair_here) == {public, held}
    assert seen_by(with_permission_everywhere()) == {public, held}


def make_not_public(theme, how):
    if how == "unpublished":
        theme.unpublish()
    elif how == "groups":
        restriction = PageViewRestriction.objects.create(
            page=theme, restriction_type="groups"
        )
        restriction.groups.add(Group.objects.create(name="Analysts"))
    else:
        PageViewRestriction.objects.create(
            page=theme, restriction_type=how, password="rents"
        )


@pytest.mark.parametrize("how", ["unpublished", "login", "password", "groups"])
def test_threads_and_gaps_in_a_theme_that_is_not_public_are_seen_by_nobody(
    themes, editor, how
):
    migration, housing = themes
    author = UserFactory()
    chair_there = appoint(housing, Role.CHAIR, editor)
    producer_there = appoint(housing, Role.PRODUCER, editor)
    open_thread = ThreadFactory(theme=migration, author=author)
    ThreadFactory(theme=housing, author=author)
    ThreadFactory(theme=housing, author=author, is_public=False)
    open_gap = gap_services.raise_gap(
        author, migration, title="Rents by ward", measure="M", purpose="P"
    )
    gap_services.raise_gap(
        author, housing, title="Rents by tenure", measure="M", purpose="P"
    )
    make_not_public(housing, how)

    for person in [
        AnonymousUser(),
        UserFactory(),
        author,
        chair_there,
        producer_there,
        with_permission_everywhere(),
        editor,
    ]:
        assert set(threads_visible_to(person)) == {open_thread}
        assert set(gaps_visible_to(person)) == {open_gap}
