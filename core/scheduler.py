"""One scheduler for every periodic job, in development and production alike.

Each job runs a management command every so many minutes, in slots counted from
midnight UK time (a daily job runs once just after midnight, a job every 10
minutes at :00, :10...). Before it runs a job, a scheduler records the run
(`ScheduledRun`, unique per job and slot): a second scheduler, or the same one
again within the slot, finds the record and does not run it twice. A slot missed
while no scheduler ran is not run late: the next slot runs as usual, as systemd's
timers did (each job is safe to run at any time and catches up by itself).
"""

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from core.errors import DATABASE_UNAVAILABLE
from core.models import ScheduledRun

logger = logging.getLogger(__name__)
UK = ZoneInfo("Europe/London")
DAY = 24 * 60
KEEP_RUNS = timedelta(days=30)


@dataclass(frozen=True)
class Job:
    command: str
    every_minutes: int
    arguments: tuple = ()

    @property
    def name(self):
        return " ".join([self.command, *self.arguments])

    def slot(self, now):
        """The start of the slot `now` falls in, as an aware datetime."""
        local = timezone.localtime(now, UK)
        midnight = datetime.combine(local.date(), datetime.min.time(), tzinfo=UK)
        minutes = local.hour * 60 + local.minute
        return midnight + timedelta(minutes=minutes - minutes % self.every_minutes)


# The README's table of periodic jobs lists these (tests/test_deploy.py checks).
JOBS = [
    Job("publish_scheduled", 10),
    Job("update_consultations", 15),
    Job("send_meeting_reminders", 60),
    Job("flag_waiting_data_gaps", DAY),
    Job("ask_satisfaction", 60),
    Job("prune_db_task_results", DAY, ("--min-age-days", "7")),
    Job("prune_idempotency_keys", DAY, ("--min-age-days", "2")),
    Job("prune_inbound_mail", DAY, ("--min-age-days", "30")),
    Job("prune_outbox_addresses", DAY, ("--min-age-days", "90")),
    Job("send_digests", 5),
    Job("send_opportunities", 5),
    Job("sweep_outbox", 5),
]


def claim(job, now):
    """Record the run of `job` in the current slot; False if one is recorded."""
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job.name, slot=job.slot(now))
    except IntegrityError:
        return None


def run_due(now=None, jobs=None, run=call_command):
    """Run every job whose current slot has no run yet; return the names run."""
    now = now or timezone.now()
    ran = []
    for job in jobs or JOBS:
        record = claim(job, now)
        if record is None:
            continue
        try:
            run(job.command, *job.arguments)
        except Exception as error:
            # One job's failure must not hold up the others.
            logger.exception("The periodic job %s failed", job.name)
            record.error = repr(error)
        record.finished_at = timezone.now()
        record.save(update_fields=["finished_at", "error"])
        ran.append(job.name)
    if ran:
        ScheduledRun.objects.filter(slot__lt=now - KEEP_RUNS).delete()
    return ran


def loop(interval=30, stop=lambda: False):
    """Look every `interval` seconds for jobs due, through database outages."""
    while not stop():
        try:
            close_old_connections()
            for name in run_due():
                logger.info("Ran %s", name)
        except DATABASE_UNAVAILABLE as error:
            logger.warning("The database is unavailable (%s)", str(error).strip())
        time.sleep(interval)
