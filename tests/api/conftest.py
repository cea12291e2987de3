import copy

import pytest
from django.db import transaction

from tests.api.fixtures import build_everything
from tests.builders import default_home, make_editor, wagtail_root
from themes.factories import ThemeIndexPageFactory


@pytest.fixture(scope="module")
def everything_built_once(django_db_setup, django_db_blocker):
    """`everything`, built once for a module of the API's tests, which read it or
    change it only in their own transaction: it took 0.7 s a test on SQLite and 3 s
    on PostgreSQL. It stands in a transaction of its own, rolled back after the
    module's last test; each test's rolls back to it. A module that uses it uses no
    other fixture that builds pages (a second theme index would clash with it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        root = wagtail_root()
        theme_index = ThemeIndexPageFactory(parent=default_home(root))
        yield build_everything(theme_index, make_editor(root))
        transaction.set_rollback(True)


@pytest.fixture
def everything(db, everything_built_once):
    """Each test its own copies of the objects, so what one test sets on them (a
    cached relation, a field it saved) is not what the next one starts from."""
    return copy.deepcopy(everything_built_once)
