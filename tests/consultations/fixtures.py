"""The consultations' theme, producer, member and consultation, which the browser
journeys share (registered in tests/conftest.py)."""

import pytest

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from themes.factories import ThemePageFactory, appoint
from themes.models import Role
from themes.services import join_theme


@pytest.fixture
def labour(theme_index):
    return ThemePageFactory(parent=theme_index, title="Labour market", slug="labour")


@pytest.fixture
def producer(labour, editor, ons):
    return appoint(labour, Role.PRODUCER, editor, ons, email="producer@example.org")


@pytest.fixture
def member(labour):
    member = UserFactory(email="member@example.org", first_name="Ada")
    join_theme(member, labour)
    return member


@pytest.fixture
def consultation(labour, ons):
    """An open consultation, published: its questions are the sample ones."""
    return ConsultationPageFactory(
        parent=labour,
        title="Monthly or quarterly?",
        slug="frequency",
        contact_organisation=ons,
    )
