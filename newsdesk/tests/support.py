"""Helpers for the settings tests: `manage.py` run in a clean process with production
settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# What a production deployment sets at least; tests add or override the rest.
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-production-secret-key-with-enough-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "postgres://newsdesk@db:5432/newsdesk",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`manage.py *args` with `newsdesk.settings` and `env`, none of the test run's own."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsdesk.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
