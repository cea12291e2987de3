"""The meeting the events tests and the browser journeys share (registered in
tests/conftest.py)."""

import pytest

from events.factories import EventPageFactory


@pytest.fixture
def meeting(migration):
    return EventPageFactory(
        parent=migration, title="Spring users meeting", slug="spring", capacity=1
    )
