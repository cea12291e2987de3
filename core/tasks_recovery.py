"""Putting tasks back on django-tasks-db's queue when their run was cut short.

django-tasks-db leaves a task RUNNING for ever when its worker dies, and marks it
FAILED when the database went away under it. Both are run again, a few times at
most, so every task must be safe to run twice (see each app's tasks.py).
"""

from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.errors import DATABASE_UNAVAILABLE

# Runs of one task, counted by the workers that claimed it.
MAX_ATTEMPTS = 5
RETRYABLE_ERRORS = {f"{e.__module__}.{e.__qualname__}" for e in DATABASE_UNAVAILABLE}


def queue_again(results):
    return results.update(
        status=TaskResultStatus.READY,
        started_at=None,
        finished_at=None,
        exception_class_path="",
        traceback="",
    )


def requeue_if_database_failed(result):
    """Queue again a task that failed because the database was unavailable."""
    if (
        result.status == TaskResultStatus.FAILED
        and result.exception_class_path in RETRYABLE_ERRORS
        and len(result.worker_ids) < MAX_ATTEMPTS
    ):
        queue_again(DBTaskResult.objects.filter(pk=result.pk))
        return True
    return False


def requeue_abandoned(older_than):
    """Queue again every task RUNNING for longer than `older_than` (a timedelta):
    its worker died. One that has been run MAX_ATTEMPTS times fails instead."""
    started_before = timezone.now() - older_than
    with transaction.atomic():
        abandoned = list(
            DBTaskResult.objects.running()
            .filter(started_at__lt=started_before)
            .select_for_update(skip_locked=True)
            .only("pk", "worker_ids")
        )
        again = [r.pk for r in abandoned if len(r.worker_ids) < MAX_ATTEMPTS]
        given_up = [r.pk for r in abandoned if len(r.worker_ids) >= MAX_ATTEMPTS]
        queue_again(DBTaskResult.objects.filter(pk__in=again))
        DBTaskResult.objects.filter(pk__in=given_up).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path="",
            traceback=f"Abandoned by its worker {MAX_ATTEMPTS} times.",
        )
    return len(again)
