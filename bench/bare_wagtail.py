"""The memory floor of the stack: a gunicorn worker of a bare Wagtail project, beside
django-machina's and ours (issue 15's "worker RSS <= 1.5x machina's").

Installs the Wagtail we run (same version) and gunicorn into a virtualenv of its own
in a temporary directory, makes a project with `wagtail start` (its home page and
nothing else), migrates it on SQLite, collects its static files and serves it with
gunicorn (2 sync workers, its production settings) on a spare loopback port. Each
worker serves the home page and the admin's sign-in page, then each worker's RSS is
read from /proc. Removes everything it made, even on Ctrl+C.

    .venv/bin/python bench/bare_wagtail.py
"""

import importlib.metadata
import secrets
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from machina import REPO, Cleanup, log_step, run, serve, worker_rss

REQUESTS = 30
LOCAL_SETTINGS = """
SECRET_KEY = {secret!r}
ALLOWED_HOSTS = ["127.0.0.1"]
"""


def main():
    cleanup = Cleanup()
    try:
        work = Path(tempfile.mkdtemp(prefix="sfbare-"))
        cleanup.add(lambda: shutil.rmtree(work, ignore_errors=True))
        version = importlib.metadata.version("wagtail")
        log_step(f"wagtail {version}: virtualenv from PyPI")
        venv, log = work / "venv", work / "build.log"
        run([sys.executable, "-m", "venv", "--without-pip", venv], log)
        pip = [str(REPO / ".venv/bin/pip"), "--python", str(venv / "bin/python")]
        run([*pip, "install", "--quiet", f"wagtail=={version}", "gunicorn>=22"], log)
        log_step("wagtail start, migrate, collectstatic")
        project = work / "bare"
        project.mkdir()
        run([str(venv / "bin/wagtail"), "start", "bare", str(project)], log)
        local = project / "bare/settings/local.py"
        local.write_text(LOCAL_SETTINGS.format(secret=secrets.token_urlsafe(50)))
        env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin"}
        env["DJANGO_SETTINGS_MODULE"] = "bare.settings.production"
        python = str(venv / "bin/python")
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            run([python, "manage.py", *command], log, cwd=project, env=env)
        log_step("gunicorn, 2 workers")
        port, pid = serve(
            cleanup, [str(venv / "bin/gunicorn"), "bare.wsgi"], project, env, log
        )
        for _ in range(REQUESTS):
            for path in ("/", "/admin/login/"):
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as page:
                    assert page.status == 200, (path, page.status)
        sizes = ", ".join(f"{size:.0f}" for size in worker_rss(pid))
        print(f"   bare Wagtail {version}: each gunicorn worker's RSS {sizes} MB")
    finally:
        cleanup.run()


if __name__ == "__main__":
    main()
