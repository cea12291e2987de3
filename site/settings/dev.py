"""Local development: debug on, email to the console, a fixed throwaway secret."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-secret-never-use-in-production")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Page saves and queued tasks log at INFO: useful in production, noise here.
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo users may reach the admin without setting up two-factor authentication,
# on a developer's machine only. Every real account must set it up.
STATSFORUM_MFA_WAIVED_EMAILS = [
    "editor@example.org",
    "chair@example.org",
    "producer@example.org",
]
# Passkeys on http://localhost (WebAuthn wants https elsewhere).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
