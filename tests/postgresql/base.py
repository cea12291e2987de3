"""PostgreSQL for the test suite, where a transactional test's flush empties the
tables by DELETE, not TRUNCATE.

TRUNCATE gives each of the project's 200-odd tables new files, which took 4 s a
transactional test here (45 tests, 3 minutes of a CI run); DELETE of the few rows
a test leaves takes milliseconds. The foreign keys Django makes are deferrable,
so the order of the deletes does not matter within the flush's transaction.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences:
            return super().sql_flush(
                style,
                tables,
                reset_sequences=reset_sequences,
                allow_cascade=allow_cascade,
            )
        return [
            "SET CONSTRAINTS ALL DEFERRED",
            # The names are Django's own list of its tables, quoted.
            *(f"DELETE FROM {self.quote_name(table)}" for table in tables),  # noqa: S608
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
