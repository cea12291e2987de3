"""Timeline entries stored with one English 'who answered' get it in each language:
the English as stored, the Welsh said again from the role and organisation where
they are known, the stored words where not; and back again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.factories import OrganisationFactory
from demo.welsh import translate_snippet
from gaps.factories import DataGapFactory
from gaps.models import GapUpdate

# Transactional: SQLite cannot change its schema inside the test's transaction.
pytestmark = [pytest.mark.data_migration, pytest.mark.django_db(transaction=True)]

BEFORE = [("gaps", "0007_author_labels_in_each_language")]

STORED_AND_WELSH = {
    "Office for National Statistics, Statistics producer": (
        "Swyddfa Ystadegau Gwladol, Cynhyrchydd ystadegau"
    ),
    # No Welsh name: the English one, as a Welsh page names it now.
    "Office for Lonely Figures, Statistics producer": (
        "Office for Lonely Figures, Cynhyrchydd ystadegau"
    ),
    # Renamed or gone since: the organisation as it was stored.
    "Department of Yesterday, Forum chair": (
        "Department of Yesterday, Cadeirydd y fforwm"
    ),
    "Forum chair": "Cadeirydd y fforwm",
    "Editor": "Golygydd",
    # Not a label the site wrote: kept as it is.
    "Chief statistician": "Chief statistician",
}


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def test_stored_labels_are_kept_in_english_and_said_again_in_welsh(housing, welsh):
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})
    OrganisationFactory(name="Office for Lonely Figures", acronym="")
    gap = DataGapFactory(theme=housing)
    ids = {}
    try:
        old = migrate(BEFORE).get_model("gaps", "GapUpdate")
        for stored in [*STORED_AND_WELSH, ""]:
            ids[stored] = old.objects.create(
                gap_id=gap.pk, author_label=stored, to_status="acknowledged", note="."
            ).pk
    finally:
        migrate()

    for stored, cymraeg in STORED_AND_WELSH.items():
        labels = GapUpdate.objects.get(pk=ids[stored]).author_labels
        assert labels == {"in_languages": {"en-gb": stored, "cy": cymraeg}}, stored
    assert GapUpdate.objects.get(pk=ids[""]).author_labels == {}
    assert GapUpdate.objects.get(pk=ids["Editor"]).shown_author_label == "Editor"


def test_going_back_keeps_the_english(housing, welsh):
    gap = DataGapFactory(theme=housing)
    update = GapUpdate.objects.create(
        gap=gap,
        to_status="acknowledged",
        note=".",
        author_labels={"in_languages": {"en-gb": "Editor", "cy": "Golygydd"}},
    )
    try:
        old = migrate(BEFORE).get_model("gaps", "GapUpdate")
        assert old.objects.get(pk=update.pk).author_label == "Editor"
    finally:
        migrate()
