"""Fresh, throw-away databases for benchmark runs: a temporary SQLite file or a dedicated
PostgreSQL database (`newsdesk_bench_<process id>`), created and migrated before a case
and dropped after it.

`BENCH_POSTGRES_URL` names the PostgreSQL server (any database on it that we may connect
to, default `postgres://postgres@127.0.0.1:5432/postgres`); the benchmark database is
made next to it and never touches the one in that URL. The process id in the name keeps
two benchmark runs on one server (two engineers, two suites) out of each other's way.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
BENCH_DATABASE_NAME = f"newsdesk_bench_{os.getpid()}"


@dataclass(frozen=True)
class Backend:
    """A database engine the benchmarks run on."""

    name: str  # as shown in the tables: "SQLite", "PostgreSQL"
    key: str  # "sqlite", "postgresql"


SQLITE = Backend("SQLite", "sqlite")
POSTGRESQL = Backend("PostgreSQL", "postgresql")


def postgres_version() -> str | None:
    """The PostgreSQL server's version ("15.20"), or None when it cannot be reached."""
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=5) as connection:
            number = connection.info.server_version
    except psycopg.Error:
        return None
    return f"{number // 10000}.{number % 10000}"


@contextmanager
def fresh_database(
    backend: Backend, *, folder: Path, name: str = BENCH_DATABASE_NAME
) -> Iterator[str]:
    """A new, migrated, empty database for one case; yields its DATABASE_URL.

    `name` is the PostgreSQL database's; one left over by an earlier run is dropped first.
    """
    if backend is SQLITE:
        path = folder / "bench.sqlite3"
        for leftover in folder.glob("bench.sqlite3*"):
            leftover.unlink()
        url = f"sqlite:///{path}"
        try:
            _migrate(url)
            yield url
        finally:
            for leftover in folder.glob("bench.sqlite3*"):
                leftover.unlink()
        return
    _drop_postgres_database(name)
    _run_admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        parts = urlsplit(POSTGRES_ADMIN_URL)
        url = urlunsplit(parts._replace(path=f"/{name}"))
        _migrate(url)
        yield url
    finally:
        _drop_postgres_database(name)


def django_environment(database_url: str, *, debug: bool = True) -> dict[str, str]:
    """The environment a benchmark subprocess runs Django in.

    `debug=False` runs as in production, with a throw-away secret key: with DEBUG on,
    Django keeps the SQL of the last 9,000 queries, and the SQL of a bulk insert holds
    every article's text, so memory measured with DEBUG on grows with the corpus.
    """
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "DEBUG": "1" if debug else "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "WARNING",
    }
    if not debug:
        environment["SECRET_KEY"] = secrets.token_urlsafe(50)
    return environment


def _migrate(database_url: str) -> None:
    # No system checks: they import every view, and a benchmark needs only the schema.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--skip-checks", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=django_environment(database_url),
        check=True,
    )


def _drop_postgres_database(name: str) -> None:
    _run_admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _run_admin(statement: sql.Composed) -> None:
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as connection:
        connection.execute(statement)


def case_run(backend: Backend, module: str, *, quick: bool) -> dict[str, Any]:
    """Run `python -m module --case` against a fresh database of `backend` (`case_run_in`)."""
    with (
        tempfile.TemporaryDirectory() as folder,
        fresh_database(backend, folder=Path(folder)) as url,
    ):
        return case_run_in(url, module, folder=Path(folder), quick=quick)


def case_run_in(url: str, module: str, *, folder: Path, quick: bool) -> dict[str, Any]:
    """Run `python -m module --case` against the database at `url` as production serves
    (DEBUG off, static files collected into `folder` with their manifest, plain HTTP inside
    the test client, persistent connections as docker-compose has them); its last output
    line is the JSON result."""
    environment = django_environment(url, debug=False) | {
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_CONN_MAX_AGE": "60",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(folder / "static"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
    )
    return module_run([module, "--case"] + (["--quick"] if quick else []), environment=environment)


def module_run(arguments: list[str], *, environment: dict[str, str]) -> dict[str, Any]:
    """`python -m arguments…` in a subprocess; its last output line is a JSON result."""
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", *arguments],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def case_main(
    argv: Sequence[str] | None,
    *,
    description: str | None,
    measure: Callable[..., dict[str, Any]],
    run_suite: Callable[..., str],
) -> None:
    """A suite's command line: `--case` measures in this process (as case_run starts it),
    else the whole suite runs and prints its markdown section."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--case", action="store_true", help="run one case in this process")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if args.case:
        import django

        django.setup()
        print(json.dumps(measure(quick=args.quick)))
    else:
        print(run_suite(quick=args.quick))
