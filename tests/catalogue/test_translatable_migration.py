"""Statistics and organisations made before they were translatable become the
English rows of record, keeping their ids (Wagtail's two steps for existing rows:
BootstrapTranslatableMixin, then TranslatableMixin)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.models import Statistic
from core.translation import of_record

BEFORE = [
    ("catalogue", "0002_editors_manage_statistics"),
    ("accounts", "0012_email_language"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.data_migration
@pytest.mark.django_db(transaction=True)
def test_existing_rows_become_english_with_a_translation_key_each(root_page):
    try:
        old = migrate(BEFORE)
        ons = old.get_model("accounts", "Organisation").objects.create(
            name="Office for National Statistics", acronym="ONS"
        )
        lfs = old.get_model("catalogue", "Statistic").objects.create(
            name="Labour Force Survey",
            slug="labour-force-survey",
            description="Employment.",
            producer=ons,
            status="official",
            cadence="monthly",
            producer_url="https://www.ons.gov.uk/lfs",
        )
        aps = old.get_model("catalogue", "Statistic").objects.create(
            name="Annual Population Survey",
            slug="annual-population-survey",
            description="Employment by area.",
            producer=ons,
            status="official",
            cadence="annual",
            producer_url="https://www.ons.gov.uk/aps",
        )
    finally:
        migrate(latest())

    statistics = of_record(Statistic.objects).order_by("pk")
    assert [s.pk for s in statistics] == [lfs.pk, aps.pk]
    assert all(s.locale.language_code == "en-gb" for s in statistics)
    assert len({s.translation_key for s in statistics}) == 2
    assert statistics[0].producer.locale.language_code == "en-gb"
    assert statistics[0].producer.translation_key is not None
