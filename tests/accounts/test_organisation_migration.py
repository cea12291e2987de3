"""Organisation moved from themes to accounts without copying or losing a row.

The migrations change only Django's record of the models (the table stays
`themes_organisation`), so every organisation, every link to one and every right
to manage them is there after the move, on SQLite and PostgreSQL alike.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Organisation, User
from themes.factories import ThemePageFactory
from themes.models import ThemePage, ThemeRole

# Transactional: SQLite cannot change its schema inside the test's transaction.
pytestmark = [pytest.mark.data_migration, pytest.mark.django_db(transaction=True)]

BEFORE_THE_MOVE = [
    ("accounts", "0004_theme_suspension"),
    ("themes", "0002_editor_permissions"),
]


def migrate(targets=None):
    """Migrate to the targets (or to the end of every app)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader


@pytest.fixture
def theme(theme_index):
    return ThemePageFactory(parent=theme_index, title="Health")


@pytest.fixture
def before_the_move(theme):
    """The models as they were before the move (migrating takes a minute or two)."""
    try:
        yield migrate(BEFORE_THE_MOVE).project_state(BEFORE_THE_MOVE).apps
    finally:
        # The next test finds the database as the code expects, whatever happened.
        migrate()


def test_organisations_their_links_and_the_right_to_manage_them_survive_the_move(
    before_the_move, theme
):
    old = before_the_move
    organisation = old.get_model("themes", "Organisation").objects.create(
        name="Office for National Statistics", acronym="ONS", kind="producer"
    )
    member = old.get_model("accounts", "User").objects.create(
        email="analyst@example.org", organisation_id=organisation.pk
    )
    old.get_model("themes", "ThemeRole").objects.create(
        theme_id=theme.pk, user_id=member.pk, role="producer", organisation=organisation
    )
    theme_organisations = old.get_model("themes", "ThemePage").organisations.through
    theme_organisations.objects.create(
        themepage_id=theme.pk, organisation_id=organisation.pk
    )
    old_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="themes", model="organisation"
    )
    curators = old.get_model("auth", "Group").objects.create(name="Curators")
    curators.permissions.add(
        old.get_model("auth", "Permission").objects.get(
            content_type=old_type, codename="change_organisation"
        )
    )

    migrate()

    moved = Organisation.objects.get(pk=organisation.pk)
    assert (moved.name, moved.acronym, moved.kind) == (
        "Office for National Statistics",
        "ONS",
        "producer",
    )
    assert User.objects.get(pk=member.pk).organisation == moved
    assert ThemeRole.objects.get(user_id=member.pk).organisation == moved
    assert list(ThemePage.objects.get(pk=theme.pk).organisations.all()) == [moved]
    assert list(moved.members.values_list("pk", flat=True)) == [member.pk]
    assert ContentType.objects.get_for_model(Organisation).pk == old_type.pk
    assert not ContentType.objects.filter(
        app_label="themes", model="organisation"
    ).exists()
    assert (
        Group.objects.get(name="Curators").permissions.get().codename
        == "change_organisation"
    )
