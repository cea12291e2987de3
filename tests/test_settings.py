"""Each settings module is loaded in a fresh interpreter, as a deployment would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_identity_providers_are_read_from_the_environment(monkeypatch, tmp_path):
    from statsforum.settings import base

    key = tmp_path / "one-login.pem"
    monkeypatch.setenv("OIDC_ONE_LOGIN_NAME", "GOV.UK One Login")
    monkeypatch.setenv("OIDC_ONE_LOGIN_SERVER_URL", "https://oidc.example.gov.uk/")
    monkeypatch.setenv("OIDC_ONE_LOGIN_CLIENT_ID", "client-id")
    monkeypatch.setenv("OIDC_ONE_LOGIN_PRIVATE_KEY_FILE", str(key))
    monkeypatch.setenv("OIDC_ONE_LOGIN_VTR", '["Cl.Cm"]')
    monkeypatch.setenv("OIDC_ONE_LOGIN_SCOPE", "openid,email")
    monkeypatch.setenv(
        "OIDC_ONE_LOGIN_SIGN_IN_ORIGINS", "https://signin.example.gov.uk"
    )
    monkeypatch.setenv("OIDC_ENTRA_NAME", "Your organisation")
    monkeypatch.setenv("OIDC_ENTRA_SERVER_URL", "https://login.example.com/t/v2.0")
    monkeypatch.setenv("OIDC_ENTRA_CLIENT_ID", "entra-client")
    monkeypatch.setenv("OIDC_ENTRA_SECRET", "entra-secret")

    one_login = base._oidc_app("one-login")
    entra = base._oidc_app("entra")

    assert one_login["secret"] == ""
    assert one_login["settings"]["token_auth_method"] == "private_key_jwt"
    assert one_login["settings"]["private_key_file"] == str(key)
    assert one_login["settings"]["auth_params"] == {"vtr": '["Cl.Cm"]'}
    assert one_login["settings"]["scope"] == ["openid", "email"]
    assert one_login["settings"]["sign_in_origins"] == [
        "https://oidc.example.gov.uk",
        "https://signin.example.gov.uk",
    ]
    assert entra["secret"] == "entra-secret"
    assert "token_auth_method" not in entra["settings"]
    assert entra["settings"]["auth_params"] == {}


def test_a_provider_missing_its_client_id_stops_the_site_starting(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from statsforum.settings import base

    monkeypatch.setenv("OIDC_BROKEN_NAME", "Broken")
    monkeypatch.setenv("OIDC_BROKEN_SERVER_URL", "https://idp.example.org")
    monkeypatch.delenv("OIDC_BROKEN_CLIENT_ID", raising=False)

    with pytest.raises(ImproperlyConfigured, match="OIDC_BROKEN_CLIENT_ID"):
        base._oidc_app("broken")


def test_no_identity_provider_is_configured_unless_the_environment_names_one():
    from statsforum.settings import base

    assert base.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"] == []
    assert base.CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] == ["'self'"]
