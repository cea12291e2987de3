"""On SQLite a request that only reads begins DEFERRED and takes no write lock; one
that may write begins IMMEDIATE and waits its turn at the start
(core/transactions.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="PostgreSQL takes no such lock"
    ),
]


def begins(client, method, url, **data):
    with CaptureQueriesContext(connection) as queries:
        getattr(client, method)(url, data)
    return [q["sql"] for q in queries if q["sql"].startswith("BEGIN")]


def test_a_page_read_begins_deferred_and_a_form_sent_begins_immediate(
    client, home_page
):
    client.force_login(UserFactory())
    assert begins(client, "get", "/my/") == ["BEGIN DEFERRED"]
    assert begins(client, "post", "/accounts/notifications/") == ["BEGIN IMMEDIATE"]
    # Whatever the request before it, the next write waits for the lock.
    assert connection.transaction_mode == "IMMEDIATE"
