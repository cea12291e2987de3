"""complete_once: a task's work done once, however many times the task runs."""

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import DataExport
from core.once import complete_once

pytestmark = pytest.mark.django_db


def finish(pk):
    DataExport.objects.filter(pk=pk).update(
        data={"done": True}, completed_at=timezone.now()
    )


def test_a_waiting_row_is_completed():
    export = DataExport.objects.create(user=UserFactory())
    complete_once(DataExport, export.pk, finish)
    export.refresh_from_db()
    assert export.completed_at is not None
    assert export.data == {"done": True}


def test_a_second_run_finds_the_row_completed_and_does_nothing():
    export = DataExport.objects.create(user=UserFactory())
    runs = []
    complete_once(DataExport, export.pk, lambda pk: runs.append(pk) or finish(pk))
    complete_once(DataExport, export.pk, lambda pk: runs.append(pk) or finish(pk))
    assert runs == [export.pk]


def test_a_row_that_no_longer_exists_is_nothing_to_do():
    runs = []
    complete_once(DataExport, 10**9, runs.append)
    assert runs == []


def test_work_that_fails_half_way_leaves_nothing_behind():
    export = DataExport.objects.create(user=UserFactory())

    def fail_after_writing(pk):
        DataExport.objects.filter(pk=pk).update(data={"half": True})
        raise RuntimeError("the worker's database went away")

    with pytest.raises(RuntimeError):
        complete_once(DataExport, export.pk, fail_after_writing)
    export.refresh_from_db()
    assert export.data is None
    assert export.completed_at is None
