"""The links keep their rows, and their ids, when they move into connections."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from connections.models import (
    ActionItem,
    ConsultationGapLink,
    ConsultationThreadLink,
    GapMeeting,
    GapThread,
)
from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from themes.factories import ThemePageFactory

# Each feature's last migration before the links moved out of it.
BEFORE = [
    ("gaps", "0004_organisation_in_accounts"),
    ("events", "0005_organisation_in_accounts"),
    ("consultations", "0004_organisation_in_accounts"),
    ("connections", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.data_migration
@pytest.mark.django_db(transaction=True)
def test_every_link_made_before_the_move_is_there_after_it(theme_index):
    theme = ThemePageFactory(parent=theme_index)
    thread = ThreadFactory(theme=theme)
    gap = DataGapFactory(theme=theme)
    meeting = EventPageFactory(parent=theme)
    minutes = MinutesPageFactory(parent=meeting)
    consultation = ConsultationPageFactory(parent=theme)
    try:
        old = migrate(BEFORE)
        old_gap = old.get_model("gaps", "DataGap").objects.get(pk=gap.pk)
        old_gap.threads.add(thread.pk)
        old_gap.meetings.add(meeting.pk)
        action = old.get_model("events", "ActionItem").objects.create(
            page_id=minutes.pk,
            description="Publish local figures",
            owner="ONS",
            thread_id=thread.pk,
            data_gap_id=gap.pk,
            sort_order=0,
        )
        gap_link = old.get_model("consultations", "ConsultationGapLink").objects.create(
            page_id=consultation.pk, data_gap_id=gap.pk, sort_order=0
        )
        thread_link = old.get_model(
            "consultations", "ConsultationThreadLink"
        ).objects.create(page_id=consultation.pk, thread_id=thread.pk, sort_order=0)
    finally:
        migrate(latest())

    assert list(GapThread.objects.values_list("data_gap", "thread")) == [
        (gap.pk, thread.pk)
    ]
    assert list(GapMeeting.objects.values_list("data_gap", "meeting")) == [
        (gap.pk, meeting.pk)
    ]
    # The same ids: page revisions name their action items and links by id.
    moved = ActionItem.objects.get(pk=action.pk)
    assert (moved.page_id, moved.thread, moved.data_gap) == (minutes.pk, thread, gap)
    assert ConsultationGapLink.objects.get(pk=gap_link.pk).data_gap == gap
    assert ConsultationThreadLink.objects.get(pk=thread_link.pk).thread == thread
    assert list(minutes.action_items.all()) == [moved]
    assert [link.data_gap for link in consultation.gap_links.all()] == [gap]


@pytest.mark.data_migration
@pytest.mark.django_db(transaction=True)
def test_undoing_the_move_gives_the_links_back_to_the_features(theme_index):
    theme = ThemePageFactory(parent=theme_index)
    gap = DataGapFactory(theme=theme)
    thread = ThreadFactory(theme=theme)
    GapThread.objects.create(data_gap=gap, thread=thread)
    try:
        old = migrate(BEFORE)
        threads = old.get_model("gaps", "DataGap").objects.get(pk=gap.pk).threads
        assert list(threads.values_list("pk", flat=True)) == [thread.pk]
    finally:
        migrate(latest())

    assert GapThread.objects.get().thread == thread
