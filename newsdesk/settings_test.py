"""Settings for the test suite: the real settings plus a test key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from newsdesk.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Static files come from the finders, as in development; collectstatic and the manifest
# storage are tested separately with the production settings.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# On SQLite the test database is a file in var/ (one per xdist worker: pytest-django adds
# the worker's suffix), not Django's shared in-memory one: there a request thread of the
# live server that meets another's write fails at once ("table is locked"), while a file
# in WAL mode waits its turn, as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-newsdesk.sqlite3")}  # noqa: F405
