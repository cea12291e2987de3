"""The test suite: fast hashing, tasks run at once, no manifest needed."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
# Playwright's sync API runs an event loop in the test thread; the live server's
# database work is still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests that ask the API many times (schemathesis, the inventories) are one
# address; tests/api/test_refusals.py sets a small limit to test it.
API_ANONYMOUS_RATE = "100000/minute"
# Passkeys on the live server, which is http://localhost.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A transactional test's flush by DELETE, not TRUNCATE (tests/postgresql).
    DATABASES["default"]["ENGINE"] = "tests.postgresql"  # noqa: F405
