"""Each settings module is loaded in a fresh interpreter, as a deployment would."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="statsforum.settings.production",
        SECRET_KEY="k3y-" + "x7Qz!" * 12,
        ALLOWED_HOSTS="statsforum.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="statsforum.settings.production"
    )

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_postgresql_uses_the_connection_pool_and_atomic_requests():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], bool(d['OPTIONS']['pool']),"
        " d['ATOMIC_REQUESTS'])"
    )
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="statsforum.settings.production",
        SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://statsforum@127.0.0.1:5432/statsforum",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "0",
        "True",
        "True",
    ]


def test_redis_url_switches_the_cache_to_redis_with_a_local_fallback():
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="statsforum.settings.production",
        SECRET_KEY="x" * 60,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.stdout.strip() == "core.cache.FallbackRedisCache"
