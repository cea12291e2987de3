"""Digest items held before the outbox became its rows, waiting at their cadence."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Notification

# Transactional: SQLite cannot change its schema inside the test's transaction.
pytestmark = [pytest.mark.data_migration, pytest.mark.django_db(transaction=True)]

BEFORE = [("accounts", "0005_organisation_moves_from_themes")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader


def test_pending_digest_items_become_outbox_rows_and_none_is_lost():
    try:
        old = migrate(BEFORE).project_state(BEFORE).apps
        member = old.get_model("accounts", "User").objects.create(
            email="reader@example.org"
        )
        item = old.get_model("accounts", "PendingDigestItem")
        weekly = item.objects.create(
            user=member,
            kind="new_thread",
            frequency="weekly",
            template="new_thread",
            context={"thread_title": "Rents"},
        )
        item.objects.create(
            user=member,
            kind="thread_reply",
            frequency="daily",
            template="thread_reply",
            context={"thread_title": "Census"},
        )
        migrate()

        rows = Notification.objects.filter(user_id=member.pk).order_by("pk")
        assert [(r.kind, r.cadence, r.status) for r in rows] == [
            ("new_thread", "weekly", "pending"),
            ("thread_reply", "daily", "pending"),
        ]
        assert rows[0].context == {"thread_title": "Rents"}
        assert rows[0].created_at == weekly.created_at
    finally:
        migrate()
