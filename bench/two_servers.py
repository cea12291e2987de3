"""Two app servers behind nginx, sharing PostgreSQL, Redis and an S3-compatible store:
what one server does, the other honours.

    .venv/bin/python bench/two_servers.py           # the checks, then 20 s of load
    .venv/bin/python bench/two_servers.py --smoke   # the checks only, for CI

Everything runs on spare loopback ports and is removed on exit, error, Ctrl+C or
SIGTERM: a throwaway PostgreSQL cluster and redis-server (tests/servers.py), moto's
S3 server, two gunicorns on the production settings, each with a media folder of its
own (so an upload only the S3 store holds can be read by both), and nginx (Debian's
package, installed as root when missing) with its own configuration, balancing both.
Exits 1 if a check fails. See bench/README.md.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import redis
import requests
from faults import PASSWORD, SETTINGS, Browser, form_fields

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import (  # noqa: E402
    PostgresCluster,
    RedisServer,
    S3Server,
    spare_port,
    stop_process,
    temporary_directory,
    wait_for_port,
)

NGINX = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
{user}
events {{ worker_connections 256; }}
http {{
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/nginx-temp/body;
    proxy_temp_path {tmp}/nginx-temp/proxy;
    fastcgi_temp_path {tmp}/nginx-temp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-temp/uwsgi;
    scgi_temp_path {tmp}/nginx-temp/scgi;
    client_max_body_size 20m;
    upstream statsforum {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://statsforum;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # Which server answered, for the balancing check.
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""
SETUP = """\
from django.contrib.auth.hashers import make_password
from accounts.factories import UserFactory
from accounts.models import User
from forums.factories import ThreadFactory
from home.factories import home_as_default_site
from themes.factories import ThemeIndexPageFactory, ThemePageFactory

home = home_as_default_site(hostname="127.0.0.1")
theme = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home), slug="scale")
member = UserFactory(email="member@example.org")
UserFactory(email="limited@example.org")
admin = UserFactory(email="admin@example.org", is_superuser=True, two_factor=True)
thread = ThreadFactory(theme=theme, author=member, title="Two servers thread")
User.objects.update(password=make_password("{password}"))
print("THREAD", thread.get_absolute_url())
print("TOTP", admin.totp_secret)
"""
TOTP = """\
from accounts.factories import totp_code
print(totp_code("{secret}"))
"""


class Check:
    def __init__(self):
        self.results = []

    def __call__(self, name, passed, detail=""):
        self.results.append((name, bool(passed)))
        mark = "ok  " if passed else "FAIL"
        print(f"  {mark} {name}" + (f"  ({detail})" if detail else ""), flush=True)

    @property
    def failed(self):
        return [name for name, passed in self.results if not passed]


class TwoServers:
    def __init__(self, options):
        self.options = options
        self.tmp = Path(temporary_directory("statsforum-two-servers-"))
        # PostgreSQL (run as postgres) and nginx's workers (as nobody) look inside.
        self.tmp.chmod(0o711)
        (self.tmp / "pg").mkdir()
        self.pg = PostgresCluster(self.tmp / "pg")
        self.redis = RedisServer(self.tmp)
        self.s3 = S3Server()
        self.ports = [spare_port(), spare_port()]
        self.proxy_port = spare_port()
        self.processes = []
        self.check = Check()
        (self.tmp / "two_servers_settings.py").write_text(SETTINGS)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "two_servers_settings",
            "PYTHONPATH": f"{REPO}:{self.tmp}",
            "SECRET_KEY": "two-servers-only-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            # nginx here speaks plain HTTP; behind TLS this stays on.
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": self.pg.url(),
            "REDIS_URL": self.redis.url,
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.proxy_port}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            **self.s3.environment,
        }

    def log(self, message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    def base(self, which):
        port = self.proxy_port if which == "nginx" else self.ports["AB".index(which)]
        return f"http://127.0.0.1:{port}"

    def manage(self, *args):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def spawn(self, command, name, env=None):
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (lives with the process)
        process = subprocess.Popen(  # noqa: S603
            command, cwd=REPO, env=env or self.env, stdout=log, stderr=log
        )
        self.processes.append(process)
        return process

    def start_nginx(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            if os.geteuid() != 0:
                sys.exit("nginx is missing: sudo apt-get install nginx-light")
            subprocess.run(
                ["apt-get", "install", "-y", "-q", "nginx-light"],  # noqa: S607
                check=True,
                stdout=subprocess.DEVNULL,
            )
        temp = self.tmp / "nginx-temp"
        temp.mkdir()
        temp.chmod(0o777)
        config = self.tmp / "nginx.conf"
        config.write_text(
            NGINX.format(
                tmp=self.tmp,
                user="user nobody nogroup;" if os.geteuid() == 0 else "",
                a=self.ports[0],
                b=self.ports[1],
                port=self.proxy_port,
            )
        )
        self.spawn(
            [nginx, "-c", str(config), "-e", str(self.tmp / "nginx.log")], "nginx"
        )
        wait_for_port(self.proxy_port)

    def set_up(self):
        started = time.monotonic()
        # moto takes a while to import: it starts while PostgreSQL is migrated.
        s3 = threading.Thread(target=self.s3.start)
        s3.start()
        self.pg.init()
        self.redis.start()
        self.manage("migrate", "--noinput")
        self.log(f"migrated in {time.monotonic() - started:.0f} s")
        printed = self.manage(
            "shell", "--no-imports", "-c", SETUP.format(password=PASSWORD)
        )
        values = dict(
            line.split(" ", 1) for line in printed.splitlines() if " " in line
        )
        self.thread, self.totp_secret = values["THREAD"], values["TOTP"]
        for port, name in zip(self.ports, "AB", strict=True):
            media = self.tmp / f"media-{name}"
            self.spawn(
                [sys.executable, "-m", "gunicorn", "statsforum.wsgi", "--bind",
                 f"127.0.0.1:{port}", "--workers", "2", "--timeout", "120",
                 "--no-control-socket"],
                f"gunicorn-{name}",
                env={**self.env, "MEDIA_ROOT": str(media)},
            )  # fmt: skip
        for port in self.ports:
            wait_for_port(port, timeout=60)
            # Each worker's first page loads the templates: not what is checked.
            for _ in range(2):
                requests.get(f"http://127.0.0.1:{port}/", timeout=120)
        self.start_nginx()
        s3.join()
        self.log(f"servers up in {time.monotonic() - started:.0f} s")

    def browser(self, email):
        return Browser(self.base("A"), email, timeout=120)

    @staticmethod
    def on(browser, base):
        """The same cookies, sent to another server (cookies do not carry the port)."""
        browser.base = base
        return browser

    def check_balancing(self):
        answered = Counter(
            requests.get(self.base("nginx") + "/", timeout=120).headers.get(
                "X-Upstream"
            )
            for _ in range(6)
        )
        self.check(
            "nginx sends requests to both servers",
            len(answered) == 2,
            ", ".join(f"{name}: {n}" for name, n in answered.items()),
        )

    def check_sessions(self):
        member = self.browser("member@example.org")
        member.sign_in()  # on A
        for which in ("B", "nginx"):
            page = self.on(member, self.base(which)).request("GET", "/accounts/")
            if page.status_code == 302:
                page = member.request("GET", page.headers["Location"])
            self.check(
                f"signed in on A, still signed in on {which}",
                page.status_code == 200 and "Sign out" in page.text,
                f"{page.status_code} {page.url}",
            )
        return member

    def post_reply(self, browser, words):
        page = browser.request("GET", self.thread)
        data = form_fields(page.text, "/reply/")
        data["comment"] = words
        return browser.request("POST", self.thread + "reply/", data=data)

    def check_rate_limit(self):
        """Posting is limited to 5 a minute per member (core/ratelimit.py), counted in
        the cache: with a count per server, 3 on each would all be let through."""
        limited = self.browser("limited@example.org")
        limited.sign_in()
        statuses = [
            self.post_reply(
                self.on(limited, self.base("AB"[n % 2])), f"Reply {n} from both."
            ).status_code
            for n in range(6)
        ]
        keys = self.redis_keys("*ratelimit:*")
        self.check(
            "5 posts a minute counted across both servers: the 6th refused",
            statuses[:5] == [302] * 5 and statuses[5] == 429,
            f"statuses {statuses}; {len(keys)} rate-limit key(s) in Redis",
        )

    def redis_keys(self, pattern):
        return redis.Redis.from_url(self.redis.url).keys(pattern)

    def check_uploads(self):
        admin = self.browser("admin@example.org")
        admin.sign_in()
        page = admin.request("GET", "/accounts/2fa/authenticate/")
        data = form_fields(page.text, "")
        data["code"] = self.manage(
            "shell", "--no-imports", "-c", TOTP.format(secret=self.totp_secret)
        ).strip()
        answer = admin.request("POST", "/accounts/2fa/authenticate/", data=data)
        self.check(
            "the admin signs in with its second factor", answer.status_code == 302
        )
        page = admin.request("GET", "/admin/documents/add/")
        data = form_fields(page.text, "/admin/documents/add/")
        content = f"year,value\r\n2026,{time.time_ns()}\r\n".encode()
        answer = admin.request(
            "POST",
            "/admin/documents/add/",
            data={**data, "title": "Shared upload", "collection": "1"},
            files={"file": ("shared.csv", content, "text/csv")},
        )
        uploaded = answer.status_code == 302
        self.check(
            "a document uploaded through A's admin", uploaded, answer.status_code
        )
        listing = self.on(admin, self.base("A")).request("GET", "/admin/documents/")
        link = next(
            (
                part.split('"')[0]
                for part in listing.text.split('href="/documents/')[1:]
            ),
            None,
        )
        if not link:
            self.check("the document's link is in the admin", False)
            return
        served = self.on(admin, self.base("B")).request("GET", "/documents/" + link)
        self.check(
            "B serves the document A stored (each has its own media folder)",
            served.status_code == 200 and served.content == content,
            f"{served.status_code}, /documents/{link}",
        )
        local = list((self.tmp / "media-A").rglob("*.csv"))
        self.check("nothing of it on A's own disk", not local)

    def check_fresh(self, member):
        """A page read (and maybe cached) through B and nginx, then changed through A,
        is read fresh everywhere: a page cache must be purged for both servers."""
        visitor = requests.Session()
        for which in ("B", "nginx", "B", "nginx"):
            visitor.get(self.base(which) + self.thread, timeout=120)
        marker = f"fresh{time.time_ns()}"
        answer = self.post_reply(self.on(member, self.base("A")), f"News: {marker}.")
        self.check("a member's reply posted through A", answer.status_code == 302)
        for which in ("A", "B", "nginx", "nginx"):
            page = visitor.get(self.base(which) + self.thread, timeout=120)
            self.check(
                f"a visitor sees it at once through {which}",
                page.status_code == 200 and marker in page.text,
                page.headers.get("X-Upstream", ""),
            )

    def load(self, seconds):
        """Visitors' pages through nginx for a while: both servers keep answering."""
        statuses = Counter()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for path in ("/", self.thread, "/data-gaps/", "/meetings/"):
                statuses[
                    requests.get(self.base("nginx") + path, timeout=120).status_code
                ] += 1
        self.check(
            f"{sum(statuses.values())} visitor pages through nginx in {seconds} s",
            set(statuses) == {200},
            dict(statuses),
        )

    def run(self):
        try:
            self.set_up()
            self.check_balancing()
            member = self.check_sessions()
            self.check_rate_limit()
            self.check_uploads()
            self.check_fresh(member)
            if not self.options.smoke:
                self.load(20)
            print(f"{len(self.check.results)} checks, {len(self.check.failed)} failed")
            return 1 if self.check.failed else 0
        finally:
            self.tear_down()

    def tear_down(self):
        for process in reversed(self.processes):
            stop_process(process)
        self.s3.stop()
        self.redis.stop()
        self.pg.destroy()
        if self.options.keep:
            print(f"logs kept in {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def parse_options(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="the checks only, for CI")
    parser.add_argument("--keep", action="store_true", help="keep logs in the temp dir")
    return parser.parse_args(argv)


if __name__ == "__main__":
    # Stopped with SIGTERM, the servers still stop (the finally in run).
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    started = time.monotonic()
    status = TwoServers(parse_options()).run()
    print(f"done in {time.monotonic() - started:.0f} s")
    sys.exit(status)
