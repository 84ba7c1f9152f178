"""Settings from the environment, and the production settings docker-compose relies on."""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from newsdesk.env import env_bool, env_int, env_list
from newsdesk.tests.support import PRODUCTION_ENV, manage

BASE_DIR = Path(settings.BASE_DIR)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("off", False), ("0", False)]
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG='maybe' is not a boolean"):
        env_bool("FLAG", default=False)


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("N", "12")
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_int("N", default=1) == 12
    assert env_list("HOSTS", default=[]) == ["a.example", "b.example"]
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="N='twelve' is not an integer"):
        env_int("N", default=1)


def test_secret_key_is_required_without_debug():
    # Only the default SQLite database under var/ gets a generated key (README).
    result = manage("check", env={"DEBUG": "0", "DATABASE_URL": PRODUCTION_ENV["DATABASE_URL"]})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_debug_has_a_development_key_and_sqlite_under_var():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['NAME'])",
        env={"DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(BASE_DIR / "var" / "newsdesk.sqlite3")


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_static_files_collect_with_the_manifest(tmp_path):
    result = manage(
        "collectstatic", "--noinput", env={**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    assert any((tmp_path / "vendor" / "htmx-2.0.11").glob("htmx.min.*.js"))
    assert (tmp_path / "staticfiles.json").exists()
    # A module imports its shared helpers by their hashed name, so both change together.
    (workspace,) = [p for p in (tmp_path / "js").glob("workspace.*.js") if p.suffix == ".js"]
    assert re.search(r'from "\./keyboard\.[0-9a-f]{12}\.js"', workspace.read_text())


def test_docker_compose_runs_postgres_and_the_app_with_the_settings_it_needs():
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    app = services["app"]
    environment = app["environment"]
    for name in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"):
        assert name in environment
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn newsdesk.wsgi" in " ".join(app["command"])
    assert "db" in app["depends_on"]
    assert environment["TASKS_BACKEND"] == "database"
    worker = services["worker"]
    assert worker["command"] == ["python", "manage.py", "db_worker"]
    assert worker["environment"] == environment
    feeds = services["feeds"]
    assert feeds["command"][:3] == ["python", "manage.py", "poll_feeds"]
    assert feeds["environment"] == environment
    dockerfile = (BASE_DIR / app["build"]["dockerfile"]).read_text()
    assert "uv sync --frozen" in dockerfile
    assert "collectstatic" in dockerfile
