"""Our pages side by side with django-machina's topic page, in one run (issue 15).

Installs django-machina from PyPI into its own virtualenv in a temporary directory,
builds the same 1,000-post thread in both (same Markdown, same authors), serves each
with gunicorn (2 sync workers) and a static file through our whitenoise, and runs
`wrk` in interleaved rounds. Prints requests/s, p50 and p99, the ratios and each
worker's RSS. Removes everything it made, even on Ctrl+C.

    .venv/bin/python bench/machina.py                       # SQLite, 3 rounds of 15 s
    .venv/bin/python bench/machina.py --database postgres   # its own databases
    .venv/bin/python bench/machina.py --smoke               # one round of 2 s
"""

import argparse
import atexit
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from machina_content import AUTHORS, OPENING, TITLE, bodies
from machina_http import Session

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import spare_port, wait_for_port  # noqa: E402

MACHINA_REQUIREMENTS = [
    "django-machina==1.3.1",
    # machina 1.3 declares Django>=3.2 but is tested up to 4.2, not Django 5.
    "Django>=4.2,<5.0",
    "gunicorn>=22",
    "psycopg[binary]>=3.1",
]
PG = ["-h", "127.0.0.1", "-U", "postgres"]
PASSWORD = "a-good-bench-password"  # noqa: S105 (throwaway accounts, databases)
MEMBER = "bench.member"
# Every request, as a browser behind TLS termination sends it: production settings
# redirect plain http to https unless the proxy says the request came over https.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, deflate, br"}
OUR_PAGES = {
    "thread": None,  # filled in from the data built
    "home": "/",
    "theme": None,
    "gaps": "/data-gaps/",
    "meetings": "/meetings/",
    "consultations": "/consultations/",
    "search": "/search/?query=migration",
    "involved": "/get-involved/",
}


class Cleanup:
    """Undo steps, last first; run once, from `finally`, atexit or a signal."""

    def __init__(self):
        self.steps = []
        atexit.register(self.run)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    def add(self, step):
        self.steps.append(step)

    def run(self):
        while self.steps:
            step = self.steps.pop()
            try:
                step()
            except Exception as error:  # keep undoing the rest
                print(f"cleanup: {error}", file=sys.stderr)


def log_step(message):
    print(f"-- {message} ({time.monotonic() - START:.0f} s)", flush=True)


def run(command, log, **kwargs):
    """Run a command, its output appended to `log`; on failure show its tail."""
    with open(log, "a") as out:
        result = subprocess.run(  # noqa: S603 (our own commands)
            command, stdout=out, stderr=subprocess.STDOUT, **kwargs
        )
    if result.returncode:
        sys.exit(
            f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
            + "\n".join(Path(log).read_text().splitlines()[-30:])
        )


def make_database(args, cleanup, name, work):
    """A DATABASE_URL: an SQLite file in `work`, or a new PostgreSQL database."""
    if args.database == "sqlite":
        return f"sqlite:///{work / (name + '.sqlite3')}"
    database = f"sfbench_{name}_{os.getpid()}"
    run(["createdb", *PG, database], work / "postgres.log")
    cleanup.add(
        lambda: subprocess.run(  # noqa: S603
            ["dropdb", *PG, "--if-exists", "--force", database],  # noqa: S607
            check=False,
        )
    )
    return f"postgres://postgres@127.0.0.1:5432/{database}"


def analyze(args, work):
    """Planner statistics for both PostgreSQL databases, as autovacuum keeps them on
    a server in use: straight after the bulk build they say a thread has one reply,
    and the planner walks every reply of it to find a page."""
    if args.database != "postgres":
        return
    for name in ("ours", "machina"):
        database = f"sfbench_{name}_{os.getpid()}"
        run(
            ["vacuumdb", *PG, "--analyze-only", "--quiet", database],
            work / "postgres.log",
        )


def serve(cleanup, command, cwd, env, log):
    """gunicorn with 2 sync workers on a spare port, in its own process group."""
    port = spare_port()
    out = open(log, "a")  # noqa: SIM115 (closed when the server stops)
    process = subprocess.Popen(  # noqa: S603
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=cwd,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        out.close()

    cleanup.add(stop)
    wait_for_port(port, timeout=60)
    return port, process.pid


def build_ours(args, cleanup, work, spec):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "statsforum.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": make_database(args, cleanup, "ours", work),
        "STATIC_ROOT": str(work / "ours-static"),
        "MEDIA_ROOT": str(work / "ours-media"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)  # the embedded default: each worker's own memory
    python, log = str(REPO / ".venv/bin/python"), work / "ours-build.log"
    log_step("ours: migrate, collectstatic, demo content, the thread")
    run([python, "manage.py", "migrate", "--noinput", "-v0"], log, cwd=REPO, env=env)
    run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        log,
        cwd=REPO,
        env=env,
    )
    # seed_demo refuses DEBUG off: its dev settings, as .ci/production-smoke runs it.
    demo_env = {**env, "DJANGO_SETTINGS_MODULE": "statsforum.settings.dev"}
    run([python, "manage.py", "seed_demo"], log, cwd=REPO, env=demo_env)
    return build_then_serve(
        cleanup,
        work,
        "ours",
        [python, "bench/machina_ours.py", spec],
        [str(REPO / ".venv/bin/gunicorn"), "statsforum.wsgi"],
        REPO,
        env,
    )


def build_then_serve(cleanup, work, side, build, gunicorn, cwd, env):
    """Run a side's data builder (it writes what it built as JSON), then serve it:
    (port, gunicorn's pid, what was built)."""
    out = work / f"{side}.json"
    run([*build, out], work / f"{side}-build.log", cwd=cwd, env=env)
    log_step(f"{side}: gunicorn")
    port, pid = serve(cleanup, gunicorn, cwd, env, work / f"{side}-gunicorn.log")
    return port, pid, json.loads(out.read_text())


def build_machina(args, cleanup, work, spec):
    log_step("machina: virtualenv from PyPI")
    venv, log = work / "machina-venv", work / "machina-build.log"
    run([sys.executable, "-m", "venv", "--without-pip", venv], log)
    pip = [str(REPO / ".venv/bin/pip"), "--python", str(venv / "bin/python")]
    run([*pip, "install", "--quiet", *MACHINA_REQUIREMENTS], log)
    versions = subprocess.run(  # noqa: S603
        [*pip, "list", "--format", "json"], capture_output=True, text=True
    ).stdout
    wanted = {"django-machina", "Django", "gunicorn", "markdown2"}
    installed = {p["name"]: p["version"] for p in json.loads(versions)}
    project = work / "machina-project"
    shutil.copytree(Path(__file__).parent / "machina_project", project)
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": make_database(args, cleanup, "machina", work),
    }
    log_step("machina: migrate, the topic")
    python = str(venv / "bin/python")
    run(
        [python, "-m", "django", "migrate", "--noinput", "-v0"],
        log,
        cwd=project,
        env=env,
    )
    port, pid, built = build_then_serve(
        cleanup,
        work,
        "machina",
        [python, "build_data.py", spec],
        [str(venv / "bin/gunicorn"), "wsgi"],
        project,
        env,
    )
    built["versions"] = {k: v for k, v in installed.items() if k in wanted}
    return port, pid, built


def write_spec(args, work):
    spec = {
        "title": TITLE,
        "opening": OPENING,
        "bodies": bodies(args.posts),
        "authors": AUTHORS,
        "member": MEMBER,
        "password": PASSWORD,
    }
    path = work / "spec.json"
    path.write_text(json.dumps(spec))
    sizes = [len(body.encode()) for body in spec["bodies"]]
    print(
        f"   {args.posts} replies, {statistics.mean(sizes):.0f} bytes of Markdown each"
    )
    return path


def sign_in_ours(port, email):
    session = Session(port, HEADERS)
    session.post_form(
        "/accounts/login/", {"login": email, "password": PASSWORD}, expect_redirect=True
    )
    return session


def sign_in_machina(port):
    session = Session(port, HEADERS)
    session.post_form(
        "/login/", {"username": MEMBER, "password": PASSWORD}, expect_redirect=True
    )
    return session


def targets(args, ours_port, ours, machina_port, machina):
    """(name, port, path, session or None) in the order each round runs them."""
    anonymous_ours = Session(ours_port, HEADERS)
    pages = {**OUR_PAGES, "thread": ours["thread"], "theme": ours["theme"]}
    static = stylesheet(anonymous_ours)
    chosen = []
    for name in args.pages:
        if name == "member":
            continue
        status = anonymous_ours.get(pages[name]).status
        if status != 200:
            print(f"   ours {pages[name]} answers {status}: left out")
            continue
        chosen.append((f"ours {name}", ours_port, pages[name], None))
    order = chosen[:1] + [
        ("machina topic", machina_port, machina["topic"], None),
        ("static floor", ours_port, static, None),
    ]
    order += chosen[1:]
    if "member" in args.pages:
        order += [
            (
                "ours thread signed in",
                ours_port,
                ours["thread"],
                sign_in_ours(ours_port, ours["member"]),
            ),
            (
                "machina topic signed in",
                machina_port,
                machina["topic"],
                sign_in_machina(machina_port),
            ),
        ]
    for name, port, path, session in order:
        response = (session or Session(port, HEADERS)).get(path)
        assert response.status == 200, (name, path, response.status)
        if session:
            assert session.signed_in(response), f"{name}: not signed in"
        print(f"   {name:<26} {path} ({len(response.body) / 1024:.0f} KB)")
    return order


def stylesheet(session):
    """Our hashed stylesheet, served by whitenoise: the static-file floor."""
    page = session.get("/").body.decode()
    return re.search(r"/static/dist/statsforum\.[0-9a-f]+\.css", page).group(0)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(args, port, path, session):
    headers = dict(HEADERS)
    if session:
        headers["Cookie"] = session.cookie_header()
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
    ]
    command += ["--latency", "--timeout", "60s"]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    output = subprocess.run(  # noqa: S603
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = {
        pct: float(value) * UNITS[unit]
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        )
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: ([^\n]+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "bad": int(errors.group(1)) if errors else 0,
        "socket errors": sum(map(int, re.findall(r"\d+", socket_errors.group(1))))
        if socket_errors
        else 0,
    }


def drain(port, static):
    """Wait for the requests wrk left queued (sync workers finish them after wrk has
    gone): one cheap request per worker, at once, so the next target starts idle."""
    with ThreadPoolExecutor(2) as pool:
        for response in pool.map(
            lambda _: Session(port, HEADERS).get(static), range(2)
        ):
            assert response.status in (200, 404), response.status


def worker_rss(master):
    """Each gunicorn worker's resident memory in MB, read from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for child in children:
        status = Path(f"/proc/{child}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def ms(value):
    return f"{value:.0f}" if value is not None and value >= 10 else f"{value:.1f}"


def report(order, results, rss):
    print("\nEach round (requests/s, p50 and p99 in ms, responses not 2xx/3xx):")
    print(f"{'target':<26} {'round':>5} {'req/s':>8} {'p50':>7} {'p99':>7} {'bad':>4}")
    for name, *_ in order:
        for n, r in enumerate(results[name], 1):
            bad = r["bad"] + r["socket errors"]
            latency = f"{ms(r['p50']):>7} {ms(r['p99']):>7}"
            print(f"{name:<26} {n:>5} {r['rps']:>8.1f} {latency} {bad:>4}")
    medians = {
        name: {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p99")}
        for name, runs in results.items()
    }
    print("\nMedian over rounds (req/s spread is min-max over rounds):")
    print(f"{'target':<26} {'req/s':>8} {'spread':>15} {'p50':>7} {'p99':>7}")
    for name, *_ in order:
        rates = [r["rps"] for r in results[name]]
        m = medians[name]
        spread = f"{min(rates):.1f}-{max(rates):.1f}"
        latency = f"{ms(m['p50']):>7} {ms(m['p99']):>7}"
        print(f"{name:<26} {m['rps']:>8.1f} {spread:>15} {latency}")
    floor = medians["static floor"]["rps"]
    print(
        "\nRatios of medians (ours / machina topic; p99 ours / machina; ours / static):"
    )
    print(f"{'ours':<26} {'against':<24} {'req/s':>7} {'p99':>7} {'of static':>10}")
    for name, *_ in order:
        if not name.startswith("ours"):
            continue
        against = "machina topic signed in" if "signed in" in name else "machina topic"
        theirs = medians[against]
        ours = medians[name]
        of_static = f"1/{floor / ours['rps']:.0f}"
        print(
            f"{name:<26} {against:<24} {ours['rps'] / theirs['rps']:>6.2f}x "
            f"{ours['p99'] / theirs['p99']:>6.2f}x {of_static:>10}"
        )
    print("\nGunicorn worker RSS after the run (MB):")
    for side, sizes in rss.items():
        print(f"{side:<8} " + ", ".join(f"{size:.0f}" for size in sizes))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--posts", type=int, default=1000, help="replies in the thread")
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=[*OUR_PAGES, "member"],
        default=[*OUR_PAGES, "member"],
        help="our pages to measure; 'member' is the thread signed in",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="one round of 2 s, 100 replies"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory"
    )
    args = parser.parse_args()
    if args.smoke:
        args.rounds, args.duration, args.posts = 1, 2, 100
    if not shutil.which("wrk"):
        if os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)  # noqa: S607
        else:
            sys.exit("wrk is missing: sudo apt-get install wrk")

    cleanup = Cleanup()
    try:
        work = Path(tempfile.mkdtemp(prefix="sfbench-"))
        if args.keep:
            print(f"   keeping {work}")
        else:
            cleanup.add(lambda: shutil.rmtree(work, ignore_errors=True))
        log_step(f"database {args.database}, work in {work}")
        spec = write_spec(args, work)
        # Both sides build at once: pip waits on the network while our migrate runs.
        with ThreadPoolExecutor(1) as pool:
            building = pool.submit(build_machina, args, cleanup, work, spec)
            ours_port, ours_pid, ours = build_ours(args, cleanup, work, spec)
            machina_port, machina_pid, machina = building.result()
        analyze(args, work)
        print(f"   {machina['posts']} posts in machina's topic; {machina['versions']}")
        log_step("pages, checked once (and a warm-up)")
        order = targets(args, ours_port, ours, machina_port, machina)
        results = {name: [] for name, *_ in order}
        static = next(path for name, _, path, _ in order if name == "static floor")
        for n in range(1, args.rounds + 1):
            wrk_args = f"-t{args.threads} -c{args.connections} -d{args.duration}s"
            log_step(f"round {n} of {args.rounds}: wrk {wrk_args}")
            for name, port, path, session in order:
                results[name].append(wrk(args, port, path, session))
                drain(port, static)
        rss = {"ours": worker_rss(ours_pid), "machina": worker_rss(machina_pid)}
        log_step("done")
        report(order, results, rss)
    finally:
        cleanup.run()


START = time.monotonic()

if __name__ == "__main__":
    main()
