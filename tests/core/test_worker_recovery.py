"""The worker outlasts the database, and runs again what a dead worker left."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from accounts.factories import UserFactory
from accounts.models import DataExport
from accounts.tasks import build_data_export, send_email
from core.management.commands import run_worker
from core.tasks_recovery import MAX_ATTEMPTS, requeue_abandoned

# The worker closes connections left in a transaction, as it must between tasks:
# its tests commit, like the worker's own.
pytestmark = pytest.mark.django_db(transaction=True)

runs = []


@task()
def fails_on_a_lost_database_once():
    runs.append("run")
    if len(runs) == 1:
        raise OperationalError("server closed the connection unexpectedly")


@task()
def always_loses_the_database():
    raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    runs.clear()


def worker(**options):
    return run_worker.Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        abandoned_after=600,
        **options,
    )


def abandoned(started_minutes_ago, worker_ids=("dead-worker",)):
    result = DBTaskResult.objects.get(
        pk=send_email.enqueue(["member@example.org"], "Subject", "Text").id
    )
    DBTaskResult.objects.filter(pk=result.pk).update(
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
        worker_ids=list(worker_ids),
    )
    return result


def test_a_task_left_running_by_a_dead_worker_is_run_again_after_the_timeout():
    result = abandoned(started_minutes_ago=11)

    worker().run()

    result.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert result.worker_ids == ["dead-worker", "test-worker"]
    assert len(mail.outbox) == 1


def test_a_task_running_for_less_than_the_timeout_is_left_to_its_worker():
    result = abandoned(started_minutes_ago=2)

    worker().run()

    result.refresh_from_db()
    assert result.status == "RUNNING"
    assert mail.outbox == []


def test_a_task_abandoned_too_many_times_fails_instead_of_running_again():
    result = abandoned(11, worker_ids=[f"dead-{n}" for n in range(MAX_ATTEMPTS)])

    assert requeue_abandoned(timedelta(minutes=10)) == 0

    result.refresh_from_db()
    assert result.status == "FAILED"
    assert "Abandoned by its worker" in result.traceback


def test_a_task_that_lost_the_database_is_queued_again_and_then_succeeds():
    result = fails_on_a_lost_database_once.enqueue()

    worker().run()

    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == "SUCCESSFUL"
    assert runs == ["run", "run"]


def test_a_task_that_always_loses_the_database_stops_after_the_last_attempt():
    result = always_loses_the_database.enqueue()

    worker().run()

    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == "FAILED"
    assert len(stored.worker_ids) == MAX_ATTEMPTS


def test_the_worker_waits_out_a_database_outage_instead_of_exiting(monkeypatch):
    outcomes = [OperationalError("connection refused"), OperationalError("again"), None]

    def loop(self):
        if outcome := outcomes.pop(0):
            raise outcome

    waits = []
    monkeypatch.setattr(db_worker.Worker, "run", loop)
    monkeypatch.setattr(run_worker.time, "sleep", waits.append)

    worker().run()

    assert outcomes == []
    assert waits == [1, 2]


def test_a_data_export_run_again_by_a_second_worker_emails_its_member_once(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    export = DataExport.objects.create(user=UserFactory())

    build_data_export.call(export.pk)
    build_data_export.call(export.pk)

    assert len(mail.outbox) == 1
    export.refresh_from_db()
    assert export.completed_at is not None
