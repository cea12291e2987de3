"""The systemd units in deploy/systemd/ supervise every process the README lists."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

REPO = Path(__file__).resolve().parent.parent
UNITS = REPO / "deploy" / "systemd"
# The README's words for how often a job runs, in the scheduler's minutes.
EVERY_MINUTES = {
    "every 5 minutes": 5,
    "every 10 minutes": 10,
    "every 15 minutes": 15,
    "hourly": 60,
    "daily": 24 * 60,
}


def unit(path):
    """A unit file's settings as {key: value} (the last one wins, as in systemd)."""
    lines = path.read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if re.match(r"^\w+=", line))
    return dict(pairs)


def services():
    return sorted(UNITS.glob("*.service"))


def timers():
    return sorted(UNITS.glob("*.timer"))


def scheduler_jobs():
    """(every how many minutes, the command after `statsforum`) for every job."""
    from core.scheduler import JOBS

    return sorted((job.every_minutes, job.name) for job in JOBS)


def readme_jobs():
    """(when, command with its arguments) for each row of the periodic-jobs table."""
    rows = re.findall(
        r"^\| ([a-z0-9 ]+) \| `statsforum ([^`]+)` \|",
        (REPO / "README.md").read_text(),
        flags=re.MULTILINE,
    )
    assert rows, "the README has no periodic-jobs table"
    return sorted(rows)


# The six systemd timers gave way to one scheduler (core/scheduler.py, run by
# statsforum-scheduler.service and by `make run`): the README's table is now held
# to the scheduler's, where it was held to the timers'.
def test_every_periodic_job_in_the_readme_is_scheduled_at_its_frequency():
    expected = sorted((EVERY_MINUTES[when], command) for when, command in readme_jobs())
    assert scheduler_jobs() == expected


def test_no_timer_runs_a_job_beside_the_scheduler():
    assert timers() == []


def test_every_scheduled_job_is_a_management_command_that_exists():
    from core.scheduler import JOBS

    commands = get_commands()
    assert all(job.command in commands for job in JOBS)


def test_every_service_runs_a_management_command_that_exists_or_the_wsgi_app():
    commands = get_commands()
    for service in services():
        program, *arguments = shlex.split(unit(service)["ExecStart"])
        if Path(program).name == "gunicorn":
            assert arguments[0] == "statsforum.wsgi", service.name
        else:
            assert Path(program).name == "statsforum", service.name
            assert arguments[0] in commands, f"{service.name}: {arguments[0]}"


def test_the_web_and_the_worker_restart_on_failure_and_never_give_up():
    long_running = [s for s in services() if unit(s).get("Type") != "oneshot"]
    # The scheduler joined them when it replaced the timers' oneshot services.
    assert {s.name for s in long_running} == {
        "statsforum-web.service",
        "statsforum-worker.service",
        "statsforum-scheduler.service",
        "statsforum-mail.service",
    }
    for service in long_running:
        assert unit(service)["Restart"] == "on-failure", service.name
        assert unit(service)["StartLimitIntervalSec"] == "0", service.name


def test_every_service_runs_as_the_site_user_with_its_settings_in_a_sandbox():
    # systemd applies the "statsforum-.service.d" drop-in to every statsforum-*.
    common = unit(UNITS / "statsforum-.service.d" / "common.conf")
    assert common["User"] == "statsforum"
    assert common["EnvironmentFile"] == "/etc/statsforum/env"
    assert common["ProtectSystem"] == "strict"
    assert common["NoNewPrivileges"] == "yes"
    assert all(s.name.startswith("statsforum-") for s in [*services(), *timers()])


def test_the_readme_names_every_unit_of_a_long_running_process():
    readme = (REPO / "README.md").read_text()
    assert "`statsforum-web.service`" in readme
    assert "`statsforum-worker.service`" in readme
    assert "`statsforum-scheduler.service`" in readme
    assert "`statsforum-mail.service`" in readme


SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.skipif(not SYSTEMD_ANALYZE, reason="no systemd here")
def test_systemd_finds_nothing_wrong_with_the_units():
    result = subprocess.run(
        [
            SYSTEMD_ANALYZE,
            "verify",
            *(path.name for path in [*services(), *timers()]),
        ],
        cwd=UNITS,
        env={**os.environ, "SYSTEMD_UNIT_PATH": f"{UNITS}:"},
        capture_output=True,
        text=True,
        check=False,
    )
    # The virtual environment exists on the server, not here.
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "/opt/statsforum/venv/bin/" not in line or "is not executable" not in line
    ]
    assert problems == []


def test_the_web_app_loads_every_view_and_freezes_what_it_loaded():
    """Once the WSGI app is loaded, a full garbage collection walks only what
    requests made since (site/wsgi.py): 260,000 objects made it 80-160 ms."""
    check = (
        "import gc, sys, statsforum.wsgi; "
        "print(gc.get_freeze_count(), len(gc.get_objects()), "
        "'forums.views' in sys.modules)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "statsforum.settings.test"}
    out = subprocess.run(
        [sys.executable, "-c", check],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    frozen, tracked, views_loaded = int(out[0]), int(out[1]), out[2]
    assert frozen > 100_000
    assert tracked < 1_000
    assert views_loaded == "True"
