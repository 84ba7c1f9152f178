"""Issue 14 item 28: the documented management commands work as written after `make run`.

Without SECRET_KEY and with the default SQLite database under var/, the settings use a
random key kept in var/secret_key (made once); anything else still refuses to start
without a SECRET_KEY when DEBUG is off.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands
from django.urls import reverse

from newsdesk.tests.support import PRODUCTION_ENV, manage

BASE_DIR = Path(settings.BASE_DIR)
DOCUMENTED = re.compile(r"((?:[A-Z_]+=\S+ )*)\.venv/bin/python manage\.py (\w+)")
KEY_FILE = BASE_DIR / "var" / "secret_key"
SHOW_KEY = "from django.conf import settings as s; print(s.SECRET_KEY)"


def documented_commands() -> list[tuple[str, str, str]]:
    """(file, environment prefix, command) for every manage.py command in the docs."""
    found = []
    for path in [BASE_DIR / "README.md", *sorted((BASE_DIR / "docs").rglob("*.md"))]:
        for prefix, command in DOCUMENTED.findall(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(BASE_DIR)), prefix.strip(), command))
    return found


def test_demo_database_commands_run_without_debug_or_a_key():
    result = manage("shell", "-c", SHOW_KEY, env={"DEBUG": "0"})
    assert result.returncode == 0, result.stderr
    key = result.stdout.strip().splitlines()[-1]
    assert len(key) >= 50
    assert "insecure" not in key
    assert KEY_FILE.read_text(encoding="utf-8").strip() == key
    assert KEY_FILE.stat().st_mode & 0o077 == 0  # readable by its owner only
    again = manage("shell", "-c", SHOW_KEY, env={"DEBUG": "0"})
    assert again.stdout.strip().splitlines()[-1] == key


def test_another_database_without_a_key_still_refuses_to_start():
    env = {**PRODUCTION_ENV}
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_the_docs_write_commands_as_they_work():
    commands = documented_commands()
    assert len(commands) > 10
    known = get_commands()
    assert [(f, c) for f, _, c in commands if c not in known] == []
    needing_debug = [(f, c) for f, prefix, c in commands if "DEBUG=1" in prefix]
    assert needing_debug == []


def test_every_page_links_the_password_change(client, editor):
    """The README documented /accounts/password_change/, which no page linked to."""
    client.force_login(editor)
    html = client.get(reverse("articles:list")).content.decode()
    assert f'href="{reverse("password_change")}"' in html
