import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.factories import OrganisationFactory, UserFactory
from themes import roles, services
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

ROOT = Path(__file__).resolve().parents[2]
# Where the code of the site lives; the virtualenv and node_modules do not.
SOURCE_FOLDERS = [
    "accounts",
    "bench",
    "consultations",
    "core",
    "demo",
    "events",
    "forums",
    "gaps",
    "home",
    "search",
    "site",
]
# Ways of reaching ThemeRole rows without naming the model: its related names.
ROLE_RELATIONS = {"roles", "theme_roles"}


@pytest.fixture
def themes(theme_index):
    return (
        ThemePageFactory(parent=theme_index, title="Migration"),
        ThemePageFactory(parent=theme_index, title="Housing"),
    )


@pytest.mark.django_db
def test_a_chair_holds_their_role_in_their_theme_and_nowhere_else(themes, editor):
    migration, housing = themes
    chair = appoint(migration, Role.CHAIR, editor)

    assert roles.holds_role(chair, migration, Role.CHAIR)
    assert roles.holds_role(chair, migration, [Role.PRODUCER, Role.CHAIR])
    assert roles.holds_role(chair, migration)
    assert not roles.holds_role(chair, migration, Role.PRODUCER)
    assert not roles.holds_role(chair, housing)
    assert roles.holds_role_anywhere(chair, Role.CHAIR)
    assert not roles.holds_role_anywhere(chair, Role.PRODUCER)


@pytest.mark.django_db
def test_a_visitor_or_a_member_without_a_role_holds_none(themes):
    migration, _ = themes
    member = UserFactory()

    for person in (AnonymousUser(), member):
        assert not roles.holds_role(person, migration)
        assert not roles.holds_role_anywhere(person)
        assert roles.role_held(person, migration) is None
        assert not roles.themes_where(person).exists()


@pytest.mark.django_db
def test_the_themes_where_someone_holds_a_role_compose_with_other_filters(
    themes, editor
):
    migration, housing = themes
    producer = appoint(migration, Role.PRODUCER, editor)
    services.grant_role(housing, producer, Role.CHAIR, granted_by=editor)

    assert set(roles.themes_where(producer)) == {migration, housing}
    assert list(roles.themes_where(producer, Role.PRODUCER)) == [migration]
    assert (
        list(roles.themes_where(producer, Role.CHAIR).filter(title="Migration")) == []
    )


@pytest.mark.django_db
def test_the_role_held_carries_who_they_speak_for(themes, editor):
    migration, _ = themes
    ons = OrganisationFactory(name="Office for National Statistics")
    producer = appoint(migration, Role.PRODUCER, editor, organisation=ons)

    role = roles.role_held(producer, migration, [Role.PRODUCER, Role.CHAIR])

    assert role.role == Role.PRODUCER
    assert role.organisation == ons
    assert roles.role_held(producer, migration, Role.CHAIR) is None


@pytest.mark.django_db
def test_the_holders_of_a_role_are_listed_once_per_theme_or_everywhere(themes, editor):
    migration, housing = themes
    both = appoint(migration, Role.PRODUCER, editor)
    services.grant_role(migration, both, Role.CHAIR, granted_by=editor)
    elsewhere = appoint(housing, Role.CHAIR, editor)

    assert list(roles.holders([Role.PRODUCER, Role.CHAIR], migration)) == [both]
    assert set(roles.holders(Role.CHAIR)) == {both, elsewhere}
    assert list(roles.holders(Role.PRODUCER, housing)) == []


@pytest.mark.django_db
def test_roles_in_a_theme_are_found_by_author_for_their_badges(themes, editor):
    migration, housing = themes
    producer = appoint(migration, Role.PRODUCER, editor)
    chair_elsewhere = appoint(housing, Role.CHAIR, editor)
    member = UserFactory()

    found = roles.roles_in(migration, [producer, chair_elsewhere, member, None])

    assert list(found) == [producer.pk]
    assert found[producer.pk].role == Role.PRODUCER


@pytest.mark.django_db
def test_roles_in_a_theme_give_the_readers_own_in_the_same_query(
    themes, editor, django_assert_num_queries
):
    migration, _housing = themes
    both = appoint(migration, Role.PRODUCER, editor)
    services.grant_role(migration, both, Role.CHAIR, granted_by=editor)
    reader = appoint(migration, Role.PRODUCER, editor)

    with django_assert_num_queries(1):
        badges, held = roles.roles_in(migration, [both.pk, None], reader=reader)
        assert roles.holds_role(reader, migration, Role.PRODUCER, held=held)
        assert not roles.holds_role(reader, migration, Role.CHAIR, held=held)

    # A chair who also produces shows as chair; the reader has no post here.
    assert {user_id: role.role for user_id, role in badges.items()} == {
        both.pk: Role.CHAIR,
        reader.pk: Role.PRODUCER,
    }
    assert held == {Role.PRODUCER}
    assert roles.roles_in(migration, [both], reader=AnonymousUser())[1] == set()


def queries_roles(node):
    """Does this piece of syntax name ThemeRole or follow one of its related names?"""
    if isinstance(node, ast.Name | ast.alias):
        return "ThemeRole" in (getattr(node, "id", None), getattr(node, "name", None))
    if isinstance(node, ast.Attribute):
        return node.attr in ROLE_RELATIONS
    if isinstance(node, ast.keyword) and node.arg:
        lookups = node.arg.split("__")
        return len(lookups) > 1 and bool(ROLE_RELATIONS & set(lookups[:-1]))
    return False


def role_queries_in(path):
    """Lines of `path` that query ThemeRole rows."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return sorted({node.lineno for node in ast.walk(tree) if queries_roles(node)})


def test_no_module_outside_themes_queries_theme_roles_itself():
    # themes.roles answers every question about roles, so that the rule lives once.
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in SOURCE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts
        for line in role_queries_in(path)
    ]

    assert offenders == []


def test_the_role_scan_finds_a_direct_query(tmp_path):
    offender = tmp_path / "offender.py"
    offender.write_text(
        "from themes.models import ThemeRole\n"
        "ThemeRole.objects.filter(user=user)\n"
        "theme.roles.filter(role='chair')\n"
        "ThemePage.objects.filter(roles__user=user)\n"
    )

    assert role_queries_in(offender) == [1, 2, 3, 4]
