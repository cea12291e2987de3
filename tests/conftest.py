import pytest
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Workflow,
    WorkflowTask,
)

from accounts.factories import OrganisationFactory, UserFactory
from home.factories import home_as_default_site
from tests.builders import default_home, make_editor, wagtail_root
from themes.factories import ThemeIndexPageFactory, ThemePageFactory

# Fixtures an app's tests and its browser journeys share.
pytest_plugins = [
    "tests.concurrently",
    "tests.consultations.fixtures",
    "tests.events.fixtures",
    "tests.forums.fixtures",
    "tests.api.fixtures",
    "tests.accounts.identity_provider",
]


class SignedInClient(Client):
    """`force_login(user)` stands for a whole sign-in through allauth.

    allauth records in the session how it signed someone in: their password and,
    when they have an authenticator, the code they typed. The admin asks for that
    second record, so a test that skips the forms records what they would have.
    A plain `django.test.Client` signs in with no record, like Django's own forms.
    """

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        request = RequestFactory().get("/")
        request.session, request.user = self.session, user
        record_authentication(request, user, "password", email=user.email)
        for authenticator in Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ):
            record_authentication(
                request, user, "mfa", id=authenticator.pk, type=authenticator.type
            )
        request.session.save()


@pytest.fixture
def client():
    return SignedInClient()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits live in the cache: each test starts with none used up."""
    cache.clear()


@pytest.fixture(autouse=True)
def page_cache_only_where_tested(request, settings):
    """Tests of a view count its queries or read its context, fetching the same page
    twice as a visitor: they measure the view, so the page cache is off for them.
    Tests marked `page_cache` (tests/core/test_page_cache.py) have it on."""
    if request.node.get_closest_marker("page_cache") is None:
        settings.MIDDLEWARE = [
            name
            for name in settings.MIDDLEWARE
            if name != "core.pagecache.PageCacheMiddleware"
        ]


@pytest.fixture
def root_page(db):
    return wagtail_root()


@pytest.fixture
def welsh(root_page):
    """The Welsh locale: made by home 0002, and again after a transactional test
    flushed it."""
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Each worker's test database starts with the home page that most tests stand
    on, built once: deleting Wagtail's welcome page and building it took about 110
    queries a test. Every test's transaction rolls back to it; a transactional test
    flushes it, and `home_page` rebuilds it. Tests on the rows migrations made
    (on_migrated_data) find those rows untouched."""
    if any(on_migrated_data(item) for item in request.session.items):
        return
    with django_db_blocker.unblock():
        home_as_default_site()


@pytest.fixture
def home_page(root_page):
    return default_home(root_page)


@pytest.fixture
def theme_index(home_page):
    return ThemeIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(root_page):
    return make_editor(root_page)


def editors_workflow(editor, name, task_name):
    """A workflow as migrations make it: one task, for the Editors group."""
    workflow, _ = Workflow.objects.get_or_create(name=name, active=True)
    task, _ = GroupApprovalTask.objects.get_or_create(name=task_name)
    task.groups.set(editor.groups.filter(name="Editors"))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    return workflow


@pytest.fixture
def minutes_approval(editor):
    return editors_workflow(editor, "Minutes approval", "Editors approve the minutes")


@pytest.fixture
def consultation_approval(editor):
    return editors_workflow(
        editor, "Consultation approval", "Editors approve the consultation"
    )


# Themes, an organisation and a new member that the tests of many apps share.


@pytest.fixture
def migration(theme_index):
    return ThemePageFactory(parent=theme_index, title="Migration", slug="migration")


@pytest.fixture
def ons(db):
    return OrganisationFactory(name="Office for National Statistics", acronym="ONS")


@pytest.fixture
def housing(theme_index):
    return ThemePageFactory(parent=theme_index, title="Housing", slug="housing")


@pytest.fixture
def health(theme_index):
    return ThemePageFactory(parent=theme_index, title="Health", slug="health")


@pytest.fixture
def newcomer():
    """A member whose posts wait for a moderator (accounts.trust)."""
    return UserFactory(trusted_since=None, date_joined=timezone.now(), sector="media")


@pytest.fixture
def gap_fields():
    """What a member types to raise a data gap."""
    return {
        "title": "Overcrowding by ward",
        "measure": "Overcrowded households.",
        "purpose": "Our housing strategy.",
    }


def pytest_addoption(parser):
    parser.addoption(
        "--migrated-data-only",
        action="store_true",
        help="run only the tests marked on_migrated_data (make test runs them so)",
    )
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that touch the database (.ci/run's second database)",
    )


def pytest_collection_modifyitems(config, items):
    """Tests that need the rows migrations made (marker on_migrated_data) run in a
    pytest process of their own, as `make test` runs them: a transactional test run
    before them on the same worker flushes those rows, and their own flush would
    take the rows from the tests after them. Asked for alone, they run as usual."""

    if config.getoption("--migrated-data-only"):
        kept = [item for item in items if on_migrated_data(item)]
    elif all(on_migrated_data(item) for item in items):
        return
    else:
        kept = [item for item in items if not on_migrated_data(item)]
    if config.getoption("--database-tests-only"):
        kept = [item for item in kept if touches_the_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    # The walker takes minutes: started first, it runs while the other workers share
    # out the rest, not alone at the end (it is not transactional, so this keeps
    # pytest-django's order of transactional tests last).
    items[:] = sorted(kept, key=lambda item: item.get_closest_marker("walker") is None)


def on_migrated_data(item):
    return item.get_closest_marker("on_migrated_data") is not None


def touches_the_database(item):
    """A test that reads no rows gives the same answer on any database: CI runs it
    once, on SQLite, not again on PostgreSQL."""
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db"} & set(getattr(item, "fixturenames", ()))
    )
