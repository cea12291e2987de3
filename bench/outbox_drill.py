"""Outbox drill: `kill -9` the worker while it tells 1,000 followers of a reply, start
another, and count the emails: every follower must have exactly one.

A throwaway PostgreSQL (tests/servers.py), the real worker (`run_worker`) with
django-tasks-db, and Django's file-based email backend, whose files the drill reads
to count what was sent to whom.

    .venv/bin/python bench/outbox_drill.py                  # 1,000 followers
    .venv/bin/python bench/outbox_drill.py --followers 200  # shorter

Not part of CI: it takes a minute or two.
"""

import argparse
import collections
import email
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import PostgresCluster, temporary_directory

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SETTINGS = """\
from statsforum.settings.test import *  # noqa
TASKS = {{"default": {{"BACKEND": "django_tasks_db.DatabaseBackend"}}}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = {mail!r}
"""
SETUP = """\
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from accounts.factories import UserFactory
from forums.factories import ThreadFactory
from forums.models import ThreadFollow
from forums import services
from home.factories import HomePageFactory
from themes.factories import ThemeIndexPageFactory, ThemePageFactory

root = Page.get_first_root_node()
Page.objects.child_of(root).delete()
home = HomePageFactory(parent=root)
Site.objects.all().delete()
Site.objects.create(hostname="127.0.0.1", root_page=home, is_default_site=True)
theme = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home), slug="drill")
thread = ThreadFactory(theme=theme)
User = get_user_model()
User.objects.bulk_create(
    User(email=f"follower{{n}}@example.org", first_name="F", last_name=str(n))
    for n in range({followers})
)
ThreadFollow.objects.bulk_create(
    ThreadFollow(thread=thread, user=user)
    for user in User.objects.filter(email__startswith="follower")
)
services.post_reply(thread, UserFactory(), "Everyone should hear of this, once.")
"""


def recipients(mail):
    """Every message the file backend wrote: (To, Message-ID) pairs."""
    found = []
    for path in sorted(Path(mail).glob("*.log")):
        for part in re.split(r"\n-{79}\n", path.read_text()):
            if part.strip():
                message = email.message_from_string(part)
                found.append((message["To"], message["Message-ID"]))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=1000)
    parser.add_argument(
        "--kill-at", type=float, default=0.3, help="kill when this share is sent"
    )
    args = parser.parse_args()

    work = Path(temporary_directory("outbox-drill-"))
    # PostgreSQL runs as its own user when the drill runs as root.
    os.chmod(work, 0o755)  # noqa: S103
    mail = work / "mail"
    mail.mkdir()
    (work / "drill_settings.py").write_text(SETTINGS.format(mail=str(mail)))
    cluster = PostgresCluster(work / "pg")
    (work / "pg").mkdir()
    cluster.init()
    env = {
        **os.environ,
        "PYTHONPATH": f"{work}:{REPO}",
        "DJANGO_SETTINGS_MODULE": "drill_settings",
        "DATABASE_URL": cluster.url(),
    }

    def manage(*command, **kwargs):
        return subprocess.run(  # noqa: S603 (our own manage.py)
            [PYTHON, str(REPO / "manage.py"), *command],
            env=env,
            check=True,
            cwd=REPO,
            **kwargs,
        )

    def psql(sql):
        return cluster.psql(sql)[0][0]

    def worker():
        return subprocess.Popen(  # noqa: S603 (our own manage.py)
            [PYTHON, str(REPO / "manage.py"), "run_worker", "--abandoned-after", "3"]
            + ["--interval", "0.1"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=open(work / "worker.log", "a"),
        )

    try:
        manage("migrate", "--noinput", "-v", "0")
        manage(
            "shell",
            "--no-imports",
            "-c",
            SETUP.format(followers=args.followers),
            stdout=subprocess.DEVNULL,
        )
        started = time.monotonic()
        first = worker()
        kill_at = int(args.followers * args.kill_at)
        while len(recipients(mail)) < kill_at:
            if first.poll() is not None:
                raise SystemExit("the first worker stopped by itself")
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.wait()
        at_kill = len(recipients(mail))
        claimed = psql(
            "select count(*) from accounts_notification where status = 'claimed'"
        )
        print(f"killed the worker (-9) after {at_kill} emails; {claimed} rows claimed")

        second = worker()
        time.sleep(4)  # the claims must be older than --stale-after
        manage("sweep_outbox", "--stale-after", "3", stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            sent = int(
                psql("select count(*) from accounts_notification where status='sent'")
            )
            if sent >= args.followers:
                break
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        second.send_signal(signal.SIGINT)
        second.wait(30)

        messages = recipients(mail)
        per_follower = collections.Counter(to for to, _ in messages)
        followers = {f"follower{n}@example.org" for n in range(args.followers)}
        missing = followers - set(per_follower)
        twice = {to: count for to, count in per_follower.items() if count > 1}
        same_id = sum(
            1 for to in twice if len({mid for t, mid in messages if t == to}) == 1
        )
        rows = psql("select count(*) from accounts_notification")
        print(f"followers {args.followers}, rows {rows}, emails {len(messages)}")
        print(f"missing {len(missing)}, more than one {len(twice)} ({same_id} of them "
              f"repeats of one Message-ID), time {elapsed:.1f} s")  # fmt: skip
        ok = not missing and not twice and int(rows) == args.followers
        print("PASS: every follower had exactly one email" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
