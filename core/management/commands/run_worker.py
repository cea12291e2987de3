"""The background worker: django-tasks-db's `db_worker`, made to outlast the
database and its own death.

- A database error (a restart, an outage) is waited out, with backoff, not an exit.
- A task that failed because the database went away under it is queued again.
- A task left RUNNING longer than --abandoned-after seconds (its worker was killed
  or its machine lost) is queued again, by a thread beside the loop.
"""

import logging
import os
import threading
import time
from datetime import timedelta

from django.db import close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from core.errors import DATABASE_UNAVAILABLE
from core.tasks_recovery import requeue_abandoned, requeue_if_database_failed

logger = logging.getLogger("django_tasks_db")

MAX_BACKOFF = 5  # seconds between tries while the database is away


class Worker(db_worker.Worker):
    def __init__(self, *, abandoned_after, **options):
        super().__init__(**options)
        self.abandoned_after = timedelta(seconds=abandoned_after)

    def run(self):
        if self.batch:  # one pass, from cron or a test: reap once, first
            requeue_abandoned(self.abandoned_after)
        else:
            threading.Thread(target=self.reap_abandoned, daemon=True).start()
        failures = 0
        while True:
            try:
                return super().run()
            except DATABASE_UNAVAILABLE as error:
                failures += 1
                wait = min(2 ** (failures - 1), MAX_BACKOFF)
                logger.warning(
                    "The database is unavailable (%s): trying again in %s s",
                    str(error).strip(),
                    wait,
                )
                connections.close_all()
                time.sleep(wait)
                self.startup_delay = False

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        if requeue_if_database_failed(db_task_result):
            logger.warning("Task id=%s queued again", db_task_result.id)

    def reap_abandoned(self):
        every = min(60, self.abandoned_after.total_seconds() / 2)
        while True:
            try:
                close_old_connections()
                if requeued := requeue_abandoned(self.abandoned_after):
                    logger.warning("Queued again %s abandoned task(s)", requeued)
            except DATABASE_UNAVAILABLE:
                connections.close_all()  # the loop logs the outage
            time.sleep(every)


class Command(db_worker.Command):
    help = "Run the background worker (django-tasks-db), through database outages"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--abandoned-after",
            type=db_worker.valid_interval,
            default=600,
            help="Run again a task RUNNING for longer than this many seconds: its "
            "worker died (default: %(default)r). Longer than the longest task.",
        )

    def handle(self, *, verbosity, reload, abandoned_after, **options):
        self.configure_logging(verbosity)
        worker = Worker(
            queue_names=options["queue_name"].split(","),
            excluded_queue_names=[q for q in options["exclude_queues"].split(",") if q],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            abandoned_after=abandoned_after,
        )
        if reload and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
