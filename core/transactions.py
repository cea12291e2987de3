"""SQLite's request transactions: a request that only reads takes no write lock.

Every request runs in one transaction (`ATOMIC_REQUESTS`), which on SQLite begins
IMMEDIATE (site/settings/base.py): a writer takes the database's one write lock as it
begins, so it waits its turn there instead of failing "database is locked" halfway.
A request that only reads needs no such lock, but IMMEDIATE took it all the same:
each gunicorn worker waited for the other's whole request, in SQLite's busy handler,
which sleeps up to 100 ms between tries. That made the slowest signed-in pages
(bench/README.md: p99 2.8x django-machina's, 0.7x without it). GET, HEAD and OPTIONS
now begin DEFERRED, as reads in WAL mode need no lock at all.

The price: a GET that writes (marking a notification read) fails if another
process committed a write since its transaction began, where IMMEDIATE would have
waited. PostgreSQL, production's database, has neither problem.
"""

from django.db import connection

READS = {"GET", "HEAD", "OPTIONS"}


class ReadsWithoutTheWriteLockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if connection.vendor != "sqlite" or request.method not in READS:
            return self.get_response(request)
        connection.ensure_connection()  # which sets the mode from the settings
        writes_as = connection.transaction_mode
        connection.transaction_mode = "DEFERRED"
        try:
            return self.get_response(request)
        finally:
            connection.transaction_mode = writes_as
