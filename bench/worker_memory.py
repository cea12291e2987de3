"""What each gunicorn worker holds, with and without --preload: RSS, PSS (shared pages
split between the processes that share them) and USS (pages only it has), from
/proc/PID/smaps_rollup, after each worker has served the visitor pages.

    .venv/bin/python bench/worker_memory.py
    .venv/bin/python bench/worker_memory.py --database-url sqlite:////tmp/migrated.db

Without --database-url it migrates a new SQLite database in a temporary directory
(minutes); either way everything it starts is stopped, and the directory removed,
on exit. Production settings, static files from the finders (bench/faults.py).
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from faults import SETTINGS

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import spare_port, temporary_directory, wait_for_port  # noqa: E402

PAGES = [
    "/",
    "/themes/",
    "/data-gaps/",
    "/meetings/",
    "/consultations/",
    "/get-involved/",
    "/search/?query=data",
    "/statistics/",
    "/accounts/login/",
]
FIELDS = re.compile(r"^(Rss|Pss|Private_Clean|Private_Dirty):\s+(\d+) kB", re.M)


def memory(pid):
    """(RSS, PSS, USS) in MB of one process."""
    values = dict(FIELDS.findall(Path(f"/proc/{pid}/smaps_rollup").read_text()))
    uss = int(values["Private_Clean"]) + int(values["Private_Dirty"])
    return int(values["Rss"]) / 1024, int(values["Pss"]) / 1024, uss / 1024


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()]


def measure(env, extra, workers, rounds):
    port = spare_port()
    command = [sys.executable, "-m", "gunicorn", "statsforum.wsgi", "--bind",
               f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120",
               "--no-control-socket", *extra]  # fmt: skip
    master = subprocess.Popen(  # noqa: S603
        command, cwd=REPO, env=env, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, timeout=120)
        for _ in range(rounds * workers):
            for path in PAGES:
                requests.get(
                    f"http://127.0.0.1:{port}{path}",
                    headers={"X-Forwarded-Proto": "https"},
                    timeout=120,
                )
        time.sleep(1)
        return memory(master.pid), [memory(pid) for pid in children(master.pid)]
    finally:
        master.terminate()
        master.wait(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", help="a migrated database (default: a new one)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="of the pages, per worker"
    )
    args = parser.parse_args()
    tmp = Path(temporary_directory("statsforum-memory-"))
    try:
        (tmp / "memory_settings.py").write_text(SETTINGS)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "memory_settings",
            "PYTHONPATH": f"{REPO}:{tmp}",
            "SECRET_KEY": "memory-only-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": args.database_url or f"sqlite:///{tmp / 'db.sqlite3'}",
            "LOG_LEVEL": "WARNING",
        }
        if not args.database_url:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput"],
                cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        print(
            f"{'gunicorn':<12} {'process':<8} {'RSS MB':>7} {'PSS MB':>7} {'USS MB':>7}"
        )
        for label, extra in [("default", []), ("--preload", ["--preload"])]:
            master, workers = measure(env, extra, args.workers, args.rounds)
            for name, figures in [("master", master)] + [
                (f"worker {n}", figures) for n, figures in enumerate(workers, 1)
            ]:
                rss, pss, uss = figures
                print(f"{label:<12} {name:<8} {rss:>7.0f} {pss:>7.0f} {uss:>7.0f}")
            total = sum(figures[1] for figures in [master, *workers])
            print(f"{label:<12} {'all PSS':<8} {'':>7} {total:>7.0f}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    main()
