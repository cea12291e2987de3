"""Settings for every environment: safe for production, secrets from the environment."""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name, default=False):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "core",
    "themes",
    "catalogue",
    "forums",
    "events",
    "gaps",
    "consultations",
    "connections",
    "figures",
    "search",
    "api",
    "home",
    "demo",
    # Editors' pages in Welsh: wagtail-localize's translation editor, and its admin
    # for the content languages (docs/architecture.md, "Content in Welsh").
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "drf_spectacular",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_comments_xtd",
    "django_comments",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    # allauth's passkey list shows when each was last used, through humanize.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # ETag from the page, and 304 to a conditional request.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.security_headers.SiteAndAdminCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.bad_requests.RefuseNullCharactersMiddleware",
    # A visitor's page from the cache, before sessions and the view (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    # On SQLite a request that only reads takes no write lock (core/transactions.py);
    # below the page cache, which answers without the database.
    "core.transactions.ReadsWithoutTheWriteLockMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the address, never of the browser (core/languages.py): before
    # CommonMiddleware, whose added slash must find the /cy/ addresses.
    "core.languages.LanguageFromAddressMiddleware",
    # Below the sessions, so it decides before they add Vary: Cookie (core/caching.py).
    "core.caching.CacheControlMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.admin_next.drop_unusable_next",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminRequiresTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "statsforum.urls"
WSGI_APPLICATION = "statsforum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.unread_notifications",
                "accounts.context_processors.sign_in_providers",
            ],
        },
    },
    {
        # Email subjects and plain-text bodies: nothing is HTML, so an apostrophe
        # in a title must not arrive as "&#x27;".
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# SQLite is the embedded default; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write at once. IMMEDIATE takes the write lock as
    # a transaction begins, so a writer waits its turn (up to the timeout, seconds)
    # instead of failing "database is locked" halfway; WAL lets reads go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg's pool keeps the connections, so Django must not (CONN_MAX_AGE 0).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The pool hands out only connections that answer, so a restarted server
    # costs no request an error.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(env("DATABASE_POOL_MAX_SIZE", "10")),
        # A database that is down gives a 503 in seconds (core/errors.py), rather
        # than a request held for 30 s and its write stored after the client left.
        "timeout": 3,
    }
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = 3
    # The server binds the parameters, so a statement run often on a connection is
    # prepared there once (psycopg's threshold) and not planned again: planning was
    # about 3 ms of PostgreSQL's time on each signed-in thread page (bench/README.md).
    # A transaction-pooling pgbouncer cannot keep prepared statements (docs/deploy.md).
    DATABASES["default"]["OPTIONS"].update(
        server_side_binding=True, prepare_threshold=5
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Each member's permissions from the cache; it signs nobody in.
    "accounts.permissions.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# Redis, or each process's own memory while Redis is away (core/cache.py).
CACHES = {
    "default": (
        {"BACKEND": "core.cache.FallbackRedisCache", "LOCATION": url}
        if (url := os.environ.get("REDIS_URL"))
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Visitors' pages live here too (core/pagecache.py): a few hundred.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}

# Who hears that a page changed (core/pagecache.py): our page cache always, and a
# Varnish or other HTTP cache in front if FRONTEND_CACHE_PURGE_URL names it
# (docs/deploy.md).
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "core.pagecache.PageCacheBackend"}}
if purge_url := os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The interface in English and Welsh (the Welsh Language Standards): the catalogue
# is site/locale/cy, built by `make messages` and compiled by `make setup`.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "statsforum <noreply@statsforum.org.uk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# Accounts: django-allauth does sign-up, verification, sign-in, resets and rate limits.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.forms.LoginForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
    "add_email": "accounts.forms.AddEmailForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "statsforum: "
ACCOUNT_RATE_LIMITS = {
    # At most 10 failed sign-ins per account in 5 minutes, and 30 a minute per address.
    "login_failed": "30/m/ip,10/5m/key",
    # Following confirmation links (allauth limits only sending them), as reset links.
    "confirm_email_link": "20/m/ip",
}
# Passkeys are a second factor beside authenticator apps, not a way to sign in alone.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "statsforum"
MFA_FORMS = {
    "authenticate": "accounts.forms.AuthenticateForm",
    "reauthenticate": "accounts.forms.ReauthenticateCodeForm",
    "edit_webauthn": "accounts.forms.EditPasskeyForm",
    "activate_totp": "accounts.forms.ActivateAuthenticatorForm",
    "add_webauthn": "accounts.forms.AddPasskeyForm",
}
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
# Accept the code either side of the current one: a code typed as it rolls over
# (or on a phone whose clock drifts) is still good, as RFC 6238 advises.
MFA_TOTP_TOLERANCE = 1
# Accounts that may use the admin without two-factor authentication: dev demo only,
# honoured only with DEBUG on.
STATSFORUM_MFA_WAIVED_EMAILS = []


# Sign-in with OpenID Connect providers (GOV.UK One Login, an organisation's Entra ID),
# each named in OIDC_PROVIDERS and configured by OIDC_<ID>_* variables (docs/deploy.md).
def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _oidc_app(provider_id):
    prefix = f"OIDC_{provider_id.upper().replace('-', '_')}_"
    private_key_file = env(prefix + "PRIVATE_KEY_FILE", "")
    settings = {
        "server_url": env(prefix + "SERVER_URL"),
        # PKCE as well as the state and nonce: One Login and Entra ID accept it.
        "oauth_pkce_enabled": True,
        # The email comes from userinfo; how the person signed in (amr, vot), from
        # the ID token.
        "fetch_userinfo": True,
        "auth_params": {},
    }
    if private_key_file:
        settings["token_auth_method"] = "private_key_jwt"  # noqa: S105 (a method)
        settings["private_key_file"] = private_key_file
        settings["private_key_algorithm"] = env(
            prefix + "PRIVATE_KEY_ALGORITHM", "RS256"
        )
    if vtr := env(prefix + "VTR", ""):
        settings["auth_params"]["vtr"] = vtr
    if scope := env_list(prefix + "SCOPE", ""):
        settings["scope"] = scope
    # Chrome applies form-action to the redirects after "Sign in with …" is posted:
    # the provider's origin, and any its sign-in pages redirect through.
    settings["sign_in_origins"] = [
        _origin(settings["server_url"]),
        *env_list(prefix + "SIGN_IN_ORIGINS"),
    ]
    return {
        "provider_id": provider_id,
        "name": env(prefix + "NAME"),
        "client_id": env(prefix + "CLIENT_ID"),
        "secret": "" if private_key_file else env(prefix + "SECRET"),
        "settings": settings,
    }


OIDC_APPS = [_oidc_app(provider_id) for provider_id in env_list("OIDC_PROVIDERS")]
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "accounts.openid_connect.provider.OpenIDConnectProvider",
        "APPS": OIDC_APPS,
    }
}
# A provider's verified email signs in the account that has it, and links the two;
# an unverified one links nothing (allauth checks `email_verified`).
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
# Only a POST starts a sign-in with a provider (allauth's "Continue" page posts), so no
# link or image on another site can; the provider's tokens are not kept.
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_AUTO_SIGNUP = True

# Replies are django-comments-xtd comments on a Thread: a reply, or a reply to a reply.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
# COMMENT_MAX_LENGTH stays at its default (3,000): changing it alters a migration of
# django-contrib-comments, which this project does not own.


def _public_name(user):
    return user.public_name


COMMENTS_XTD_API_USER_REPR = _public_name

WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False

WAGTAIL_SITE_NAME = "statsforum"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Replies by email and bounces arrive at <mailbox>+<token>@ this domain, which the
# mail server hands to `run_mail_listener` (docs/deploy.md): the site's own host
# unless mail for it is received elsewhere.


def _mail_domain(url):
    """The host of `url`, or localhost when it is an IP address (no mail domain)."""
    host = urlsplit(url).hostname or "localhost"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host
    return "localhost"


INBOUND_EMAIL_DOMAIN = env("INBOUND_EMAIL_DOMAIN", _mail_domain(WAGTAILADMIN_BASE_URL))
# The LMTP listener's address (`run_mail_listener`), on the mail server's machine.
INBOUND_LMTP_HOST = env("INBOUND_LMTP_HOST", "127.0.0.1")
INBOUND_LMTP_PORT = int(env("INBOUND_LMTP_PORT", "8025"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
# Editors' content in English and Welsh: each page in Welsh is a translation of an
# English one (wagtail-localize), in a tree of its own under /cy/. English (en-gb)
# stays the default locale, the one member-made content is attached to.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]

# Security headers (docs/security.md). Every public page runs without inline scripts
# or styles, except the one GOV.UK Frontend snippet in base.html, allowed by its hash:
# a nonce would make every page differ, so none could be cached or answer 304.
JS_ENABLED_SCRIPT_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, JS_ENABLED_SCRIPT_HASH],
        "style-src": [SELF],
        # allauth draws the authenticator's QR code as a data: image.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Every form posts here; "Sign in with …" redirects on to the provider.
        "form-action": [
            SELF,
            *dict.fromkeys(
                origin
                for app in OIDC_APPS
                for origin in app["settings"]["sign_in_origins"]
            ),
        ],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (core.security_headers), with the exceptions Wagtail 8 still needs
# and nothing more: attributes (onclick=, style=) stay refused, as does eval().
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Wagtail's own templates start InlinePanel, MultipleChooserPanel and the
        # date and time widgets (editors, listing filters) with inline <script>s,
        # rendered where no request (so no nonce) reaches; a nonce would switch
        # 'unsafe-inline' off.
        "script-src": [SELF],
        "script-src-elem": [SELF, UNSAFE_INLINE],
        # Draftail (rich text) adds <style> elements for its placeholders and lists.
        "style-src-elem": [SELF, UNSAFE_INLINE],
        # Image uploads preview the chosen file from blob: URLs.
        "img-src": [SELF, "data:", "blob:"],
        # The live preview and content checks frame the admin's own preview view.
        "frame-ancestors": [SELF],
    }
}
# Browser features no page here uses, switched off for every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
# No avatars from Gravatar: each one sent a hash of an email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The open read API (/api/v2/, api/): read-only JSON answered as to a visitor, so
# nobody signs in to it; every caller is limited per address, in the shared cache.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Our API reads no bodies; wagtail-localize's translation editor (DRF views
    # under /admin/localize/) saves each string as a multipart form, which DRF
    # refuses with a 415 unless it may parse one.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.MultiPartParser"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousCallers"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The proxies in front whose X-Forwarded-For is believed (production: one).
    "NUM_PROXIES": int(env("API_TRUSTED_PROXIES", "0")),
    # `format` is the meetings' filter (online, in person...), not a renderer.
    "URL_FORMAT_OVERRIDE": None,
}
# Requests a minute from one address, e.g. "60/minute" (DRF's rate syntax).
API_ANONYMOUS_RATE = env("API_ANONYMOUS_RATE", "60/minute")
# Wagtail's pages API pages as ours do (api/pagination.py).
WAGTAILAPI_LIMIT_MAX = 100
SPECTACULAR_SETTINGS = {
    "TITLE": "statsforum open data API",
    "DESCRIPTION": "Read-only JSON for the public content of statsforum: "
    "discussions, replies, data gaps, meetings, consultations and their published "
    "responses, organisations and theme contacts. Pages are Wagtail's API at "
    "/api/v2/pages/.",
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_ours"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.with_refusals",
    ],
}
