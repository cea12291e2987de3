"""Production: behind a TLS-terminating proxy, PostgreSQL, Redis, strict cookies."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# The API's rate limit counts callers by the address the TLS proxy saw.
REST_FRAMEWORK["NUM_PROXIES"] = int(env("API_TRUSTED_PROXIES", "1"))  # noqa: F405

# Uploads (images, documents) in an S3-compatible store when a bucket is named, so
# every app server sees every upload; otherwise MEDIA_ROOT, on one machine (deploy.md).
if bucket := env("AWS_STORAGE_BUCKET_NAME", ""):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Empty for AWS itself; MinIO, Ceph or another provider's address.
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env("AWS_S3_REGION_NAME", "") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", "") or None,
            # Images' renditions are linked from this host (a CDN) when given;
            # otherwise by URLs signed for an hour, so the bucket can stay private.
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", "") or None,
            "url_protocol": env("AWS_S3_URL_PROTOCOL", "https:"),
            # Two uploads with the same name must not replace each other (Wagtail).
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    # Documents go through Wagtail's view, which checks collection privacy, and
    # never by a link straight to the bucket.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
