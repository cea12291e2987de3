"""One scheduler runs every periodic job at its time, and never one twice in a slot."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from core import scheduler
from core.models import ScheduledRun
from core.scheduler import DAY, Job

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")


def at(hour, minute=0, day=dt.date(2026, 12, 8)):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UK)


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, command, *arguments):
        self.calls.append(" ".join([command, *arguments]))


def test_every_job_runs_at_its_first_look():
    recorder = Recorder()

    ran = scheduler.run_due(at(0, 1), run=recorder)

    assert sorted(ran) == sorted(job.name for job in scheduler.JOBS)
    assert recorder.calls == ran


def test_a_job_runs_once_in_its_slot_however_often_the_scheduler_looks():
    recorder = Recorder()
    jobs = [Job("publish_scheduled", 10), Job("flag_waiting_data_gaps", DAY)]

    for minute in range(0, 10):
        scheduler.run_due(at(7, minute), jobs=jobs, run=recorder)

    assert recorder.calls == ["publish_scheduled", "flag_waiting_data_gaps"]
    scheduler.run_due(at(7, 10), jobs=jobs, run=recorder)
    assert recorder.calls[-1] == "publish_scheduled"
    assert recorder.calls.count("flag_waiting_data_gaps") == 1
    scheduler.run_due(at(0, 0, dt.date(2026, 12, 9)), jobs=jobs, run=recorder)
    assert recorder.calls.count("flag_waiting_data_gaps") == 2


def test_two_schedulers_looking_at_once_run_a_job_once():
    first, second = Recorder(), Recorder()
    jobs = [Job("send_digests", 5)]

    scheduler.run_due(at(7, 2), jobs=jobs, run=first)
    scheduler.run_due(at(7, 3), jobs=jobs, run=second)

    assert first.calls == ["send_digests"]
    assert second.calls == []
    assert ScheduledRun.objects.get().slot == at(7, 0)


def test_slots_follow_uk_time_across_the_clocks_going_forward():
    hourly = Job("send_meeting_reminders", 60)
    # 29 March 2026: 01:00 GMT becomes 02:00 BST.
    before = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC)
    after = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)

    assert hourly.slot(before) == dt.datetime(2026, 3, 29, 0, 0, tzinfo=dt.UTC)
    assert hourly.slot(after) == dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    daily = Job("flag_waiting_data_gaps", DAY)
    assert daily.slot(after) == dt.datetime(2026, 3, 29, 0, 0, tzinfo=dt.UTC)


def test_a_failing_job_is_recorded_and_does_not_stop_the_others():
    def run(command, *arguments):
        if command == "publish_scheduled":
            raise RuntimeError("broken")

    jobs = [Job("publish_scheduled", 10), Job("sweep_outbox", 5)]

    ran = scheduler.run_due(at(7), jobs=jobs, run=run)

    assert ran == ["publish_scheduled", "sweep_outbox"]
    failed = ScheduledRun.objects.get(job="publish_scheduled")
    assert "broken" in failed.error
    assert failed.finished_at is not None


def test_run_scheduler_once_runs_the_real_commands(capsys):
    call_command("run_scheduler", "--once")

    output = capsys.readouterr().out
    for job in scheduler.JOBS:
        assert f"Ran {job.name}" in output


def test_runs_older_than_a_month_are_forgotten():
    jobs = [Job("sweep_outbox", 5)]
    scheduler.run_due(at(7, day=dt.date(2026, 10, 1)), jobs=jobs, run=Recorder())

    scheduler.run_due(at(7), jobs=jobs, run=Recorder())

    assert [run.slot for run in ScheduledRun.objects.all()] == [at(7)]
