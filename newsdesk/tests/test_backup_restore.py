"""Backups as README "Backup and restore" describes them bring back every annotation.

For each engine, `setup_demo` fills a fresh database (the seeds and the demo editor's
annotations, with labels and sources); it is backed up with the engine's own tool
(`pg_dump -Fc` / SQLite's online backup), restored into an empty database, and the copy
must hold the same annotations: author, label, position, quote with prefix and suffix,
note, version, deletion and sources. PostgreSQL is always at 127.0.0.1:5432 in tests and
CI, so both tests run whichever database the suite itself uses.
"""

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from psycopg import sql

from annotations.models import Annotation, Label
from articles.models import Article, Source

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
DEMO_ANNOTATIONS = Path(settings.BASE_DIR) / "fixtures" / "demo_annotations.json"

Row = tuple[Any, ...]


def setup_demo(database_url: str) -> None:
    """`manage.py setup_demo` on an empty database: migrations, seeds, demo annotations."""
    subprocess.run(
        [sys.executable, "manage.py", "setup_demo", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings_test",
            "DATABASE_URL": database_url,
        },
        check=True,
        capture_output=True,
    )


def demo_annotation_count() -> int:
    count = len(json.loads(DEMO_ANNOTATIONS.read_text(encoding="utf-8"))["annotations"])
    assert count > 0
    return count


def annotation_rows(cursor: Any) -> list[Row]:
    """Every annotation with what makes it up, in a form both engines return alike."""
    # Table names from the models, no input: nothing to inject.
    cursor.execute(
        'SELECT a.id, u.username, l.name, a.start, a."end", a.exact, a.prefix, a.suffix, '  # noqa: S608
        "a.note, a.version, a.deleted_at IS NOT NULL, ar.body "
        f"FROM {Annotation._meta.db_table} a "
        f"JOIN {User._meta.db_table} u ON u.id = a.author_id "
        f"JOIN {Label._meta.db_table} l ON l.id = a.label_id "
        f"JOIN {Article._meta.db_table} ar ON ar.id = a.article_id ORDER BY a.id"
    )
    annotations = cursor.fetchall()
    cursor.execute(
        f"SELECT j.annotation_id, s.name FROM {Annotation.sources.through._meta.db_table} j "  # noqa: S608
        f"JOIN {Source._meta.db_table} s ON s.id = j.source_id"
    )
    sources: dict[int, list[str]] = {}
    for annotation_id, name in cursor.fetchall():
        sources.setdefault(annotation_id, []).append(name)
    rows = []
    for *fields, deleted, body in annotations:
        start, end, exact = fields[3], fields[4], fields[5]
        assert body[start:end] == exact, f"annotation {fields[0]} does not quote its article"
        rows.append((*fields, bool(deleted), sorted(sources.get(fields[0], []))))
    return rows


@pytest.fixture
def postgres_databases() -> Iterator[tuple[str, str]]:
    """Two fresh, empty PostgreSQL databases (source and restore target), dropped after."""
    names = [f"nd_backup_{os.getpid()}_{role}" for role in ("source", "restored")]
    for name in names:
        _postgres_admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"), name)
        _postgres_admin(sql.SQL("CREATE DATABASE {}"), name)
    try:
        yield f"{POSTGRES_SERVER}/{names[0]}", f"{POSTGRES_SERVER}/{names[1]}"
    finally:
        for name in names:
            _postgres_admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"), name)


def _postgres_admin(statement: sql.SQL, name: str) -> None:
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(statement.format(sql.Identifier(name)))


def postgres_rows(database_url: str) -> list[Row]:
    with psycopg.connect(database_url) as database, database.cursor() as cursor:
        return annotation_rows(cursor)


def sqlite_rows(path: Path) -> list[Row]:
    database = sqlite3.connect(path)
    try:
        return annotation_rows(database.cursor())
    finally:
        database.close()


def test_pg_dump_restores_every_annotation_into_an_empty_database(
    postgres_databases: tuple[str, str], tmp_path: Path
) -> None:
    source, restored = postgres_databases
    setup_demo(source)
    original = postgres_rows(source)
    assert len(original) == demo_annotation_count()
    assert any(row[-1] for row in original), "no annotation with sources to compare"

    backup = tmp_path / "newsdesk.dump"
    subprocess.run(["pg_dump", "-Fc", "-f", str(backup), source], check=True)
    restore = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
    subprocess.run([*restore, "-d", restored, str(backup)], check=True)
    assert postgres_rows(restored) == original


def test_sqlite_backup_restores_every_annotation_into_another_file(tmp_path: Path) -> None:
    source_path, backup_path = tmp_path / "newsdesk.sqlite3", tmp_path / "backup.sqlite3"
    setup_demo(f"sqlite:///{source_path}")
    original = sqlite_rows(source_path)
    assert len(original) == demo_annotation_count()

    # The online backup, as `sqlite3 var/newsdesk.sqlite3 ".backup backup.sqlite3"` does it.
    source, backup = sqlite3.connect(source_path), sqlite3.connect(backup_path)
    try:
        source.backup(backup)
    finally:
        source.close()
        backup.close()
    assert sqlite_rows(backup_path) == original
