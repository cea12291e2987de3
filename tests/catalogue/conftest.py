import pytest

from accounts.factories import OrganisationFactory
from catalogue.factories import StatisticFactory
from themes.factories import appoint
from themes.models import Role


@pytest.fixture
def dluhc(db):
    return OrganisationFactory(
        name="Ministry of Housing, Communities and Local Government", acronym="MHCLG"
    )


@pytest.fixture
def ons_producer(housing, editor, ons):
    """A producer who answers for ONS in the housing theme."""
    return appoint(housing, Role.PRODUCER, editor, ons)


@pytest.fixture
def lfs(ons, housing):
    return StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])


@pytest.fixture
def ehs(dluhc, housing):
    return StatisticFactory(
        name="English Housing Survey",
        producer=dluhc,
        status="accredited",
        themes=[housing],
    )
