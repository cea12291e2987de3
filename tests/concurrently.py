"""Run work in real threads at once, each with its own database connection.

PostgreSQL gives every thread its own connection to the test database already.
SQLite's in-memory test database is one shared cache, which locks differently from
a real file, so there the threads work on a file copy of it, opened with the settings'
OPTIONS, as the web server and the worker open the site's own database. The copy is
taken at the first run() or at_once(): what the test made before is in it, and from
then on the test reads and writes only through them.
"""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper


class Database:
    def __init__(self, sqlite_file=None):
        self.sqlite_file = sqlite_file
        self.copied = False

    def run(self, work, *args):
        """The result of work(*args), done in a thread of its own."""
        return self.at_once(1, lambda _: work(*args))[0]

    def at_once(self, count, work):
        """[work(0), …, work(count - 1)], all started together; an exception that
        work raised is returned in its place, so that the test can count them."""
        self._copy()
        start = threading.Barrier(count)

        def one(n):
            self._connect()
            try:
                start.wait()
                return work(n)
            except Exception as error:  # the test counts them
                return error
            finally:
                connections.close_all()

        with ThreadPoolExecutor(max_workers=count) as pool:
            return list(pool.map(one, range(count)))

    def _copy(self):
        if self.sqlite_file is None or self.copied:
            return
        with connection.cursor():  # the in-memory database is open
            target = sqlite3.connect(self.sqlite_file)
            connection.connection.backup(target)
            # In WAL mode already, as migrate leaves the site's database: the
            # threads' first connections would otherwise both switch it at once,
            # and one of them fails "database is locked" without waiting.
            target.execute("PRAGMA journal_mode=WAL")
            target.close()
        self.copied = True

    def _connect(self):
        if self.sqlite_file is None:
            return
        settings_dict = {**connection.settings_dict, "NAME": str(self.sqlite_file)}
        connections["default"] = DatabaseWrapper(settings_dict, "default")


@pytest.fixture
def database(transactional_db, tmp_path):
    """The test database, for threads that write to it at the same moment."""
    if connection.vendor != "sqlite":
        return Database()
    return Database(tmp_path / "db.sqlite3")
