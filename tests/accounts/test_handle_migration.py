"""Members who joined before handles each get one from their name; erased ones none."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import User

# Transactional: SQLite cannot change its schema inside the test's transaction.
pytestmark = [pytest.mark.data_migration, pytest.mark.django_db(transaction=True)]

BEFORE = [("accounts", "0007_notification_read_at")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader


def test_existing_members_get_unique_handles_and_erased_ones_none():
    try:
        old = migrate(BEFORE).project_state(BEFORE).apps
        users = old.get_model("accounts", "User").objects
        first = users.create(
            email="a@example.org", first_name="Jane", last_name="Smith"
        )
        second = users.create(
            email="b@example.org", first_name="Jane", last_name="Smith"
        )
        named = users.create(email="c@example.org", display_name="Stats Fan")
        erased = users.create(email="d@example.org", erased_at=timezone.now())
        migrate()

        handles = dict(User.objects.values_list("pk", "handle"))
        assert handles[first.pk] == "jane_smith"
        assert handles[second.pk] == "jane_smith_2"
        assert handles[named.pk] == "stats_fan"
        assert handles[erased.pk] is None
    finally:
        migrate()
