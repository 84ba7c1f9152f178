"""Newsdesk settings, read from the environment.

DATABASE_URL   database (default: SQLite file under var/)
SECRET_KEY     required unless DEBUG is on or DATABASE_URL is unset (var/secret_key)
DEBUG          "1"/"true" turns on debug mode (never in production)
ALLOWED_HOSTS  comma-separated host names
See docs/ops/configuration.md for the rest.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from newsdesk.env import env_bool, env_int, env_list, env_str, local_secret_key

# Lets admin and other generic classes be subscripted at run time, as mypy wants them.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", default=False)

_DEV_SECRET_KEY = "django-insecure-newsdesk-development-only"  # noqa: S105 - only with DEBUG
# Without SECRET_KEY, the default database (SQLite under var/, the demo `make run` sets
# up) gets a random key made once and kept beside it, so that management commands work
# on it as the docs write them, without DEBUG=1. Any other database needs SECRET_KEY.
_DEMO_DATABASE = "DATABASE_URL" not in os.environ
SECRET_KEY = env_str("SECRET_KEY", default="")
if not SECRET_KEY:
    if _DEMO_DATABASE:
        SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")
    elif DEBUG:
        SECRET_KEY = _DEV_SECRET_KEY
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Only the default SQLite database "
            "under var/ (DATABASE_URL unset) gets a generated key."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django_htmx",
    "django_tasks_db",
    "axes",
    "simple_history",
    "articles",
    "entities",
    "ingest",
    "annotations",
    "stories",
    "claims",
    "review",
    "workflow",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsdesk.middleware.QueryStringNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "newsdesk.middleware.HtmxVaryMiddleware",
    "newsdesk.middleware.PrivateNoStoreMiddleware",
    "newsdesk.middleware.HtmxLoginRedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the login page with a message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.context_processors.permission_flags",
                "workflow.context_processors.inbox",
            ],
        },
    },
]

# Forms render through the project's templates: one field layout for every form
# (templates/django/forms/field.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'newsdesk.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=0),
    )
}
# No prepared statements (psycopg's prepare_threshold) on PostgreSQL: after five runs a
# prepared statement may switch to a generic plan, and the full-text search's is a bad
# one (docs/architecture/search.md).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite creates the file but not its folder (var/ is not in git).
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while an import writes; IMMEDIATE avoids
    # "database is locked" upgrades from read to write transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Articles' highlighted texts, keyed by a digest of everything they are made of
    # (annotations/selectors.py, which keeps none over 250,000 characters); per process,
    # so a restart or deploy starts empty.
    "article-text": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "article-text",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 100},
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:list"
LOGOUT_REDIRECT_URL = "login"

# Login rate limiting (django-axes; docs/ops/security.md): after AXES_FAILURE_LIMIT wrong
# passwords for one user name from one IP address, that pair is refused for the cool-off.
# Locking the pair, not the address, keeps a newsroom behind one NAT address working while
# somebody there mistypes; successful logins are never limited and reset the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsdesk.lockout.login_locked_out"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "newsdesk.storage.StaticFilesStorage"
        )
    },
}

# Content Security Policy: only our own scripts and styles, nothing inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Hardening that `manage.py check --deploy` asks for; relaxed only by DEBUG.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

# Background work (entity detection after an import batch) goes through django.tasks.
# "immediate" runs it in the process that enqueues it (no worker needed: the demo);
# "database" stores it for `manage.py db_worker` (production: docker-compose runs one).
TASKS_BACKEND = env_str("TASKS_BACKEND", default="immediate")
_TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: use one of {sorted(_TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}

# The import refuses files larger than this (bytes); see import_articles --max-bytes.
NEWSDESK_IMPORT_MAX_BYTES = env_int("NEWSDESK_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
# With TASKS_BACKEND=immediate (no worker), import_articles runs entity detection and
# story grouping itself after an import of at most this many articles; beyond it, it
# says which commands do it, instead of keeping the user waiting (docs/ops/command-line.md).
NEWSDESK_IMPORT_INLINE_MAX_ARTICLES = env_int("NEWSDESK_IMPORT_INLINE_MAX_ARTICLES", default=200)
# A folder of at least NEWSDESK_IMPORT_PARALLEL_MIN_FILES files is read and parsed in
# this many worker processes beside the writer (0: always in the importing process);
# by default one less than the CPUs, at most 3 (docs/architecture/loader.md).
NEWSDESK_IMPORT_PARSE_WORKERS = env_int(
    "NEWSDESK_IMPORT_PARSE_WORKERS", default=max(0, min(3, (os.cpu_count() or 1) - 1))
)
NEWSDESK_IMPORT_PARALLEL_MIN_FILES = env_int("NEWSDESK_IMPORT_PARALLEL_MIN_FILES", default=500)

# Imports in the browser and feeds (docs/user/importing.md, "Limits"). An upload holds at
# most this many bytes and files; a zip at most this many entries and uncompressed bytes.
NEWSDESK_UPLOAD_MAX_BYTES = env_int("NEWSDESK_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
NEWSDESK_UPLOAD_MAX_FILES = env_int("NEWSDESK_UPLOAD_MAX_FILES", default=100)
NEWSDESK_ZIP_MAX_ENTRIES = env_int("NEWSDESK_ZIP_MAX_ENTRIES", default=2000)
NEWSDESK_ZIP_MAX_BYTES = env_int("NEWSDESK_ZIP_MAX_BYTES", default=100 * 1024 * 1024)
# Uploads with more files or bytes than these run as a background task.
NEWSDESK_UPLOAD_INLINE_MAX_FILES = env_int("NEWSDESK_UPLOAD_INLINE_MAX_FILES", default=20)
NEWSDESK_UPLOAD_INLINE_MAX_BYTES = env_int(
    "NEWSDESK_UPLOAD_INLINE_MAX_BYTES", default=2 * 1024 * 1024
)
# Fetching feeds and pages (ingest/fetching.py): private, loopback and link-local
# addresses are refused unless NEWSDESK_FETCH_ALLOW_PRIVATE (tests serve on 127.0.0.1).
NEWSDESK_FETCH_TIMEOUT = float(env_int("NEWSDESK_FETCH_TIMEOUT", default=20))
NEWSDESK_FETCH_MAX_BYTES = env_int("NEWSDESK_FETCH_MAX_BYTES", default=5 * 1024 * 1024)
NEWSDESK_FETCH_MAX_REDIRECTS = env_int("NEWSDESK_FETCH_MAX_REDIRECTS", default=3)
NEWSDESK_FETCH_ALLOW_PRIVATE = env_bool("NEWSDESK_FETCH_ALLOW_PRIVATE", default=False)
NEWSDESK_FETCH_USER_AGENT = env_str(
    "NEWSDESK_FETCH_USER_AGENT",
    default="Newsdesk/1.0 (newsroom archive; fetches feeds and article pages)",
)
# A feed poll fetches at most this many item pages (items without full text); the rest
# wait for the next poll.
NEWSDESK_FEED_MAX_PAGES_PER_POLL = env_int("NEWSDESK_FEED_MAX_PAGES_PER_POLL", default=20)

# The organisation named as the author of exported ClaimReviews (schema.org).
NEWSDESK_ORGANISATION_NAME = env_str("NEWSDESK_ORGANISATION_NAME", default="Newsdesk")
NEWSDESK_ORGANISATION_URL = env_str("NEWSDESK_ORGANISATION_URL", default="")

# Near-duplicates and stories (docs/architecture/near-duplicates.md).
# A pair is a near-duplicate when one text holds this share of the other's word
# 3-shingles, or when their Jaccard similarity reaches NEAR_DUPLICATE_JACCARD.
NEAR_DUPLICATE_CONTAINMENT = 0.8
NEAR_DUPLICATE_JACCARD = 0.5
# MinHash LSH layout: why 42 bands of 3 rows is in docs/architecture/near-duplicates.md.
# Changing it changes every band key: run `manage.py index_near_duplicates`.
NEAR_DUPLICATE_LSH_BANDS = 42
NEAR_DUPLICATE_LSH_ROWS = 3
# At most this many candidates (those sharing the most band keys) are scored per article.
NEAR_DUPLICATE_MAX_CANDIDATES = env_int("NEAR_DUPLICATE_MAX_CANDIDATES", default=50)
# Of a cluster of known near-duplicates among the candidates (a story republished many
# times), only this many are scored: its representatives.
NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES = env_int(
    "NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES", default=3
)
# The side-by-side comparison refuses an article longer than this (characters); see
# docs/ops/limits.md.
NEWSDESK_COMPARE_MAX_CHARS = env_int("NEWSDESK_COMPARE_MAX_CHARS", default=200_000)
# Claim suggestions read only this many characters of an article (docs/ops/limits.md).
NEWSDESK_SUGGESTION_SCAN_CHARS = env_int("NEWSDESK_SUGGESTION_SCAN_CHARS", default=50_000)
# Two articles belong to one story when they share this many entities and, if both are
# dated, lie at most this many days apart.
STORY_MIN_SHARED_ENTITIES = 4
STORY_MAX_DAYS_APART = 400

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
}
