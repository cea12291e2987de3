"""The producer the forum tests and the browser journeys share (registered in
tests/conftest.py)."""

import pytest

from accounts.factories import UserFactory
from themes import services as theme_services
from themes.models import Role


@pytest.fixture
def ons_producer(migration, editor, ons):
    """Priya Shah, who answers for ONS in the Migration theme."""
    producer = UserFactory(
        email="priya@example.org", first_name="Priya", last_name="Shah"
    )
    theme_services.grant_role(
        migration,
        producer,
        Role.PRODUCER,
        granted_by=editor,
        organisation=ons,
        tell=False,
    )
    return producer
