"""Fault drill: real PostgreSQL, Redis, gunicorn and the worker, each on a spare
loopback port of its own, under a write load of signed-in members replying through
HTTP. Each fault is injected in turn and counted from the database afterwards.

    .venv/bin/python bench/faults.py            # the full drill, about 3 minutes
    .venv/bin/python bench/faults.py --smoke    # short phases, for CI

See bench/README.md for what each column means.
"""

import argparse
import collections
import contextlib
import itertools
import os
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import requests

# The throwaway servers are the tests' own (tests/servers.py), shared with the drill.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import (
    PostgresCluster,
    RedisServer,
    spare_port,
    stop_process,
    temporary_directory,
    wait_for_port,
)

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "drill-password-1"  # noqa: S105 (a throwaway account in a throwaway database)
TASKS_TABLE = "django_tasks_database_dbtaskresult"
ROW = "{:<26} {:>5} {:>6} {:>6} {:>5} {:>4} {:>7} {:>10} {:>9}  {}"
HEADINGS = ("fault", "sent", "acked", "stored", "lost", "dup", "failed",
            "max wait s", "recover s", "notes")  # fmt: skip
MARKER = re.compile(r"drill\d{6}x")
# What the drill's settings change from production: static files from the finders
# (no collectstatic), so the drill measures faults and nothing else.
SETTINGS = """\
from statsforum.settings.production import *  # noqa
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
# Signing in is not what is drilled: the default hasher would spend the set-up on it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""
SETUP = """\
from django.contrib.auth.hashers import make_password
from accounts.factories import UserFactory
from accounts.models import User
from forums.factories import ThreadFactory
from forums.services import follow
from home.factories import home_as_default_site
from themes.factories import ThemeIndexPageFactory, ThemePageFactory

home = home_as_default_site(hostname="127.0.0.1")
theme = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home), slug="drill")
owner = UserFactory(email="owner@example.org")
for n in range({members}):
    UserFactory(email=f"member{{n}}@example.org")
    thread = ThreadFactory(theme=theme, author=owner, title=f"Drill thread {{n}}")
    follow(thread, owner)
    print(thread.get_absolute_url())
User.objects.update(password=make_password("{password}"))
"""


@dataclass
class Post:
    marker: str
    phase: str
    sent_at: float
    acknowledged_at: float | None = None
    failures: int = 0
    longest_wait: float = 0.0


@dataclass
class Phase:
    name: str
    started_at: float = 0.0
    cleared_at: float = 0.0
    ended_at: float = 0.0
    recovered: float | None = None
    notes: list = field(default_factory=list)


class FormFields(HTMLParser):
    """Every input of the form whose action contains `action`, as a browser sends it."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.action in (attrs.get("action") or "")
        elif (
            self.inside
            and tag == "input"
            and attrs.get("name")
            and attrs.get("type") not in {"checkbox", "radio", "submit"}
        ):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_fields(html, action):
    parser = FormFields(action)
    parser.feed(html)
    return parser.fields


class Browser:
    """A signed-in member: a session cookie, CSRF, forms resubmitted as they were.

    Production cookies are Secure; the drill talks plain HTTP to gunicorn, so the
    cookies are kept and sent back here as a browser behind the proxy would.
    """

    def __init__(self, base, email, timeout):
        self.base, self.email, self.timeout = base, email, timeout
        self.session = requests.Session()

    def request(self, method, path, **kwargs):
        for cookie in self.session.cookies:
            cookie.secure = False
        headers = {"Origin": self.base, "Referer": self.base + path}
        return self.session.request(
            method,
            self.base + path,
            headers=headers,
            timeout=self.timeout,
            allow_redirects=False,
            **kwargs,
        )

    def sign_in(self):
        for _ in range(60):  # allauth allows 30 sign-ins a minute from one address
            try:
                page = self.request("GET", "/accounts/login/")
                data = form_fields(page.text, "/accounts/login/")
                data.update(login=self.email, password=PASSWORD)
                answer = self.request("POST", "/accounts/login/", data=data)
                if answer.status_code == 302:
                    return
            except requests.RequestException:
                pass
            time.sleep(2)
        raise RuntimeError(f"{self.email} could not sign in")


class Load:
    """Members posting replies, each with a unique marker; a reply whose answer did not
    come (an error, a timeout, a 5xx) is sent again, with the same form data, until it
    is acknowledged or `give_up` seconds have passed."""

    def __init__(self, base, threads, timeout, give_up, pace):
        self.base, self.timeout, self.give_up, self.pace = base, timeout, give_up, pace
        self.phase = "warm-up"
        self.posts = []
        self.stopping = threading.Event()
        self.sequence = itertools.count()
        self.lock = threading.Lock()
        self.workers = [
            threading.Thread(target=self.run, args=(group,), daemon=True)
            for group in threads
        ]
        self.signed_in = threading.Semaphore(0)

    def start(self):
        for worker in self.workers:
            worker.start()
        for _ in self.workers:
            if not self.signed_in.acquire(timeout=300):
                raise RuntimeError("the members could not all sign in")

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.join()

    def run(self, group):
        members = [
            (Browser(self.base, email, self.timeout), url) for email, url in group
        ]
        for browser, _ in members:
            browser.sign_in()
        self.signed_in.release()
        for browser, url in itertools.cycle(members):
            if self.stopping.is_set():
                return
            started = time.monotonic()
            self.post_reply(browser, url)
            time.sleep(max(0, self.pace - (time.monotonic() - started)))

    def post_reply(self, browser, url):
        post = Post(
            marker=f"drill{next(self.sequence):06d}x",
            phase=self.phase,
            sent_at=time.monotonic(),
        )
        with self.lock:
            self.posts.append(post)
        data = None
        while time.monotonic() - post.sent_at < self.give_up:
            try:
                if data is None:
                    page = browser.request("GET", url)
                    if page.status_code != 200:
                        raise requests.RequestException(page.status_code)
                    data = form_fields(page.text, "/reply/")
                    data["comment"] = f"A reply from the drill, {post.marker}."
                started = time.monotonic()
                try:
                    answer = browser.request("POST", url + "reply/", data=data)
                finally:
                    waited = time.monotonic() - started
                    post.longest_wait = max(post.longest_wait, waited)
                if answer.status_code == 302:
                    post.acknowledged_at = time.monotonic()
                    return
            except requests.RequestException:
                pass
            post.failures += 1
            time.sleep(0.5)


class MailSink(socketserver.ThreadingTCPServer):
    """An SMTP server that keeps every message and answers DATA after `delay`
    seconds, so a task is mid-send most of the time it runs."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port, delay):
        self.delay, self.messages, self.lock = delay, [], threading.Lock()
        super().__init__(("127.0.0.1", port), SMTPHandler)


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        with contextlib.suppress(ConnectionError):  # a worker killed mid-send
            self.converse()

    def converse(self):
        self.reply("220 drill")
        recipients = []
        while line := self.rfile.readline().decode(errors="replace"):
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250-drill\r\n250 8BITMIME")
            elif verb == "RCPT":
                recipients.append(line[8:].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(data.decode(errors="replace"))
                time.sleep(self.server.delay)
                text = "".join(body).replace("=\r\n", "")
                with self.server.lock:
                    self.server.messages.append((tuple(recipients), text))
                recipients = []
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class Drill:
    def __init__(self, options):
        self.options = options
        self.project = Path(options.project).resolve()
        self.tmp = Path(temporary_directory("statsforum-faults-"))
        self.pg = PostgresCluster(self.tmp)
        self.redis = RedisServer(self.tmp)
        self.mail = MailSink(spare_port(), options.mail_delay)
        self.web_port = spare_port()
        self.base = f"http://127.0.0.1:{self.web_port}"
        self.web = self.worker = None
        self.worker_exits = 0
        self.phases = []
        (self.tmp / "faults_settings.py").write_text(SETTINGS)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "faults_settings",
            "PYTHONPATH": f"{self.project}:{self.tmp}",
            "SECRET_KEY": "drill-only-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": self.pg.url(),
            "REDIS_URL": self.redis.url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.mail.server_address[1]),
            "WAGTAILADMIN_BASE_URL": self.base,
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(self.tmp / "media"),
        }

    def log(self, message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    def manage(self, *args, **kwargs):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=self.project,
            env=self.env,
            check=True,
            **kwargs,
        )

    def spawn(self, command, name):
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (lives with the process)
        return subprocess.Popen(  # noqa: S603
            command, cwd=self.project, env=self.env, stdout=log, stderr=log
        )

    def start_web(self):
        self.web = self.spawn(
            [sys.executable, "-m", "gunicorn", "statsforum.wsgi", "--bind",
             f"127.0.0.1:{self.web_port}", "--workers", "3", "--no-control-socket"],
            "gunicorn",
        )  # fmt: skip
        wait_for_port(self.web_port, timeout=60)

    def start_worker(self):
        command = [sys.executable, "manage.py", *self.options.worker.split()]
        self.worker = self.spawn(command, "worker")

    def supervise_worker(self, phase):
        """A worker that exited is counted and started again, as systemd would."""
        if self.worker.poll() is not None:
            self.worker_exits += 1
            phase.notes.append(f"worker exited ({self.worker.returncode})")
            self.start_worker()

    def set_up(self):
        started = time.monotonic()
        threading.Thread(target=self.mail.serve_forever, daemon=True).start()
        self.pg.init()
        self.redis.start()
        self.manage("migrate", "--noinput", stdout=subprocess.DEVNULL)
        self.log(f"servers up and migrated in {time.monotonic() - started:.0f} s")
        members = self.options.threads * self.options.members
        script = SETUP.format(members=members, password=PASSWORD)
        printed = self.manage("shell", "-c", script, stdout=subprocess.PIPE, text=True)
        urls = [line for line in printed.stdout.split() if line.startswith("/themes/")]
        self.start_web()
        self.start_worker()
        emails = [f"member{n}@example.org" for n in range(members)]
        groups = [
            list(zip(emails, urls, strict=True))[n :: self.options.threads]
            for n in range(self.options.threads)
        ]
        self.load = Load(
            self.base,
            groups,
            timeout=self.options.timeout,
            give_up=self.options.give_up,
            pace=self.options.pace,
        )
        self.load.start()
        self.log(f"set up in {time.monotonic() - started:.0f} s; load running")

    def acknowledged_after(self, moment):
        """When the first write sent at or after `moment` was acknowledged."""
        times = [
            post.acknowledged_at
            for post in list(self.load.posts)
            if post.sent_at >= moment and post.acknowledged_at
        ]
        return min(times) if times else None

    def run_phase(self, name, inject, clear=None, hold=0.0):
        phase = Phase(name)
        self.phases.append(phase)
        self.load.phase = name
        self.log(f"{name}: injecting")
        phase.started_at = time.monotonic()
        inject(phase)
        if hold:
            time.sleep(hold)
        if clear:
            clear(phase)
        phase.cleared_at = time.monotonic()
        if phase.recovered is None:
            deadline = phase.cleared_at + self.options.give_up
            while time.monotonic() < deadline:
                if (ack := self.acknowledged_after(phase.cleared_at)) is not None:
                    phase.recovered = ack - phase.cleared_at
                    break
                time.sleep(0.2)
        time.sleep(self.options.settle)
        self.supervise_worker(phase)
        phase.ended_at = time.monotonic()

    def redis_stopped(self):
        def stop(phase):
            self.redis.stop()
            # The site must not need Redis: recovery counts from the moment it went.
            phase.cleared_at = time.monotonic()

        def start(phase):
            recovered = self.acknowledged_after(phase.cleared_at)
            if recovered is not None:
                phase.recovered = recovered - phase.cleared_at
            self.redis.start()

        self.run_phase("Redis stopped", stop, start, hold=self.options.redis_hold)

    def pg_restart(self):
        self.run_phase("PostgreSQL fast restart", lambda phase: self.pg.restart())

    def pg_stop(self):
        self.run_phase(
            f"PostgreSQL {self.options.pg_hold:.0f} s stop",
            lambda phase: self.pg.stop(),
            lambda phase: self.pg.start(),
            hold=self.options.pg_hold,
        )

    def running_tasks(self):
        return [
            row[0]
            for row in self.pg.psql(
                f"SELECT id FROM {TASKS_TABLE} WHERE status = 'RUNNING'"  # noqa: S608
            )
        ]

    def worker_killed(self):
        def kill(phase):
            deadline = time.monotonic() + 30
            while not (running := self.running_tasks()):
                if time.monotonic() > deadline:
                    phase.notes.append("no task was running to kill")
                    return
                time.sleep(0.05)
            self.worker.send_signal(signal.SIGKILL)
            self.worker.wait()
            phase.notes.append(f"killed mid-task ({len(running)} running)")
            self.killed_tasks = running
            time.sleep(1)  # systemd's RestartSec
            self.start_worker()

        self.killed_tasks = []
        self.run_phase("worker kill -9", kill)
        phase = self.phases[-1]
        phase.recovered = self.wait_for_tasks(self.killed_tasks, phase.started_at)

    def wait_for_tasks(self, ids, since):
        if not ids:
            return None
        listed = ",".join(f"'{task_id}'" for task_id in ids)
        deadline = time.monotonic() + self.options.abandoned_wait
        while time.monotonic() < deadline:
            rows = self.pg.psql(
                f"SELECT count(*) FROM {TASKS_TABLE} "  # noqa: S608 (our own ids)
                f"WHERE id IN ({listed}) AND status = 'SUCCESSFUL'"
            )
            if int(rows[0][0]) == len(ids):
                return time.monotonic() - since
            time.sleep(0.5)
        states = self.pg.psql(
            f"SELECT status, worker_ids FROM {TASKS_TABLE} "  # noqa: S608
            f"WHERE id IN ({listed})"
        )
        self.phases[-1].notes.append(f"killed task still {states}")
        return None

    def drain(self):
        self.load.stop()
        self.log("load stopped; waiting for the worker to finish the queue")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            waiting = self.pg.psql(
                f"SELECT count(*) FROM {TASKS_TABLE} "  # noqa: S608
                "WHERE status = 'READY'"
            )
            if waiting[0][0] == "0":
                break
            time.sleep(1)
        time.sleep(2)

    def report(self):
        stored = collections.Counter(
            marker
            for (comment,) in self.pg.psql("SELECT comment FROM django_comments")
            for marker in MARKER.findall(comment)
        )
        print()
        print(ROW.format(*HEADINGS))
        totals = collections.Counter()
        for phase in self.phases:
            posts = [post for post in self.load.posts if post.phase == phase.name]
            row = {
                "sent": len(posts),
                "acked": sum(1 for p in posts if p.acknowledged_at),
                "stored": sum(1 for p in posts if stored[p.marker]),
                "lost": sum(1 for p in posts if p.acknowledged_at
                            and not stored[p.marker]),
                "dup": sum(1 for p in posts if stored[p.marker] > 1),
                "failed": sum(p.failures for p in posts),
                "wait": f"{max((p.longest_wait for p in posts), default=0):.1f}",
            }  # fmt: skip
            totals.update({key: row[key] for key in ("lost", "dup")})
            recovered = (
                f"{phase.recovered:.1f}" if phase.recovered is not None else "never"
            )
            print(
                ROW.format(phase.name, *row.values(), recovered, "; ".join(phase.notes))
            )
        tasks = dict(
            self.pg.psql(
                f"SELECT status, count(*) FROM {TASKS_TABLE} "  # noqa: S608
                "GROUP BY status"
            )
        )
        twice = self.pg.psql(
            f"SELECT count(*) FROM {TASKS_TABLE} "  # noqa: S608
            "WHERE jsonb_array_length(worker_ids) > 1"
        )[0][0]
        sent_to = collections.Counter(
            (recipient, marker)
            for recipients, text in self.mail.messages
            for marker in set(MARKER.findall(text))
            for recipient in recipients
        )
        print(
            f"\ntasks: {tasks}; claimed more than once: {twice}; "
            f"worker exits: {self.worker_exits}\n"
            f"emails: {len(self.mail.messages)} sent, "
            f"{sum(1 for n in sent_to.values() if n > 1)} replies told twice or more"
        )
        return totals

    def run(self):
        try:
            self.set_up()
            time.sleep(self.options.settle)
            self.redis_stopped()
            self.pg_restart()
            self.pg_stop()
            self.worker_killed()
            self.drain()
            totals = self.report()
            return 1 if totals["lost"] or totals["dup"] else 0
        finally:
            self.tear_down()

    def tear_down(self):
        for process in (self.web, self.worker):
            stop_process(process)
        self.mail.shutdown()
        self.redis.stop()
        self.pg.destroy()
        if self.options.keep:
            print(f"logs kept in {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def parse_options(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="short phases, for CI")
    parser.add_argument("--project", default=str(REPO), help="the checkout to drill")
    parser.add_argument(
        "--worker",
        default="run_worker --abandoned-after 5",
        help="the worker's manage.py command (main's: db_worker)",
    )
    parser.add_argument("--keep", action="store_true", help="keep logs in the temp dir")
    options = parser.parse_args(argv)
    full = {
        # Each member posts at most 5 replies a minute (forums.services), 20 members
        # in 20 s at most (allauth's sign-in limit is 30 a minute from one address).
        "threads": 5, "members": 4, "pace": 3.0, "timeout": 10, "give_up": 60,
        "redis_hold": 10, "pg_hold": 30, "settle": 5, "abandoned_wait": 120,
        "mail_delay": 0.2,
    }  # fmt: skip
    smoke = {**full, "threads": 3, "members": 3, "redis_hold": 3, "pg_hold": 5,
             "settle": 2, "give_up": 30}  # fmt: skip
    for name, value in (smoke if options.smoke else full).items():
        setattr(options, name, value)
    return options


if __name__ == "__main__":
    # Stopped with SIGTERM, the drill still stops its servers (the finally in run).
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    sys.exit(Drill(parse_options()).run())
