import pytest

from accounts.factories import OrganisationFactory, UserFactory
from forums import services as forums
from themes.factories import ThemePageFactory, appoint
from themes.models import Role


@pytest.fixture
def ons(db):
    return OrganisationFactory(name="Office for National Statistics", acronym="ONS")


@pytest.fixture
def migration(theme_index):
    return ThemePageFactory(parent=theme_index, title="Migration", slug="migration")


@pytest.fixture
def producer(migration, editor, ons):
    return appoint(migration, Role.PRODUCER, editor, ons, first_name="Priya")


@pytest.fixture
def member(db):
    return UserFactory(first_name="Ada", last_name="Lovelace", display_name="")


@pytest.fixture
def visa_thread(migration, member):
    return forums.start_thread(
        member,
        migration,
        title="Visa statistics by nationality",
        body="Where are the quarterly visa figures?",
        kind="question",
        tell=False,
    )


def titles(response):
    return [result.title for result in response.context["results"]]
