"""`python -m benchmarks.load.run --output docs/benchmarks.md` (`make load`).

For each gunicorn configuration: a fresh PostgreSQL database `newsdesk_load` (dropped
and recreated), `setup_demo` plus synthetic articles (`benchmarks/corpus.py`) and 50
editor accounts; gunicorn on a free port of 127.0.0.1 with the production settings
(DEBUG off, collected static files, persistent connections as in docker-compose); the
simulated editors of `locustfile.py` for 60 seconds; then every write they were told
was saved is looked up in the database. The results replace the section between
`<!-- bench:load -->` markers of the report (see `benchmarks/run.py`).
"""

import argparse
import json
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.databases import (
    BASE_DIR,
    POSTGRESQL,
    django_environment,
    fresh_database,
    module_run,
)
from benchmarks.load.ledger import Ledger, StoredAnnotation, lost_writes
from benchmarks.load.plan import (
    EDIT_SHARE,
    PASSWORD_VARIABLE,
    STALE_TAB_SHARE,
    THINK_SECONDS,
    USERNAME,
)
from benchmarks.machine import code_version, cpu_count, machine_summary
from benchmarks.measure import progress
from benchmarks.run import REPORT_HEADER, section_replace

SECTION = "load"
DATABASE_NAME = "newsdesk_load"
USERS = 50
SECONDS = 60.0
SYNTHETIC_ARTICLES = 95  # plus the 5 seeds
TARGET_P99_MS = 300
STARTUP_SECONDS = 60.0
REQUEST_ORDER = (
    "login page",
    "login",
    "workspace",
    "create",
    "edit form",
    "update",
    "update (stale tab)",
    "update (merged)",
    "cards",
)


@dataclass(frozen=True)
class ServerConfig:
    key: str  # for --config
    title: str
    worker_class: str
    workers: int
    threads: int


@dataclass(frozen=True)
class Server:
    url: str
    pid: int  # gunicorn's master process


CONFIGS = (
    ServerConfig("sync3", "sync, 3 workers (docker-compose)", "sync", 3, 1),
    ServerConfig("gthread2x4", "gthread, 2 workers × 4 threads", "gthread", 2, 4),
)


def run_configs(
    configs: list[ServerConfig], *, users: int, seconds: float, articles: int
) -> list[tuple[ServerConfig, dict[str, Any]]]:
    """Seed a fresh database once, then run the editors against each configuration.

    The configurations run one after the other on the same database (the second finds
    the first one's annotations, a few per article); each has its own ledger.
    """
    password = secrets.token_urlsafe(16)
    with (
        tempfile.TemporaryDirectory() as temporary,
        fresh_database(POSTGRESQL, folder=Path(temporary), name=DATABASE_NAME) as url,
    ):
        folder = Path(temporary)
        environment = django_environment(url, debug=False) | {
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_CONN_MAX_AGE": "60",  # as docker-compose runs it
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(folder / "static"),
            PASSWORD_VARIABLE: password,
        }
        progress(f"preparing the database {DATABASE_NAME}")
        seeded = _run_here(
            ["--seed", "--users", str(users), "--articles", str(articles)], environment
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env=environment,
            check=True,
        )
        results = []
        for config in configs:
            run = folder / config.key
            run.mkdir()
            result = _run_config(config, environment, folder=run, users=users, seconds=seconds)
            results.append((config, result | seeded))
            progress(json.dumps({"config": config.key, **result["total"], "lost": result["lost"]}))
            for traceback in result["server_errors"]:
                progress(traceback)
    return results


def _run_config(
    config: ServerConfig, environment: dict[str, str], *, folder: Path, users: int, seconds: float
) -> dict[str, Any]:
    """gunicorn in `config`, the editors against it, then the lost-write check."""
    with gunicorn(config, environment, log=folder / "gunicorn.log") as server:
        progress(f"{config.key}: {users} editors for {seconds:.0f} s against {server.url}")
        subprocess.run(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "benchmarks.load.locustfile",
                "--host",
                server.url,
                "--users",
                str(users),
                "--seconds",
                str(seconds),
                "--output",
                str(folder / "stats.json"),
                "--ledger",
                str(folder / "ledger.json"),
                "--server-pid",
                str(server.pid),
            ],
            cwd=BASE_DIR,
            env=environment | {"LOG_LEVEL": "ERROR"},
            check=True,
        )
    server_log = (folder / "gunicorn.log").read_text(encoding="utf-8", errors="replace")
    check = _run_here(["--verify", str(folder / "ledger.json")], environment)
    result: dict[str, Any] = json.loads((folder / "stats.json").read_text(encoding="utf-8"))
    return result | check | {"server_errors": _tracebacks(server_log)}


@contextmanager
def gunicorn(config: ServerConfig, environment: dict[str, str], *, log: Path) -> Iterator[Server]:
    """gunicorn serving the app on a free port; always stopped afterwards."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsdesk.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        config.worker_class,
        "--workers",
        str(config.workers),
        "--threads",
        str(config.threads),
    ]
    # Django logs a 500 with its traceback on stderr (level ERROR; a 409 is only a warning).
    with log.open("wb") as stderr:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
            command, cwd=BASE_DIR, env=environment | {"LOG_LEVEL": "ERROR"}, stderr=stderr
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_serving(url, server)
        yield Server(url, server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_serving(host: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{host}/accounts/login/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {host} within {STARTUP_SECONDS:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _tracebacks(log: str) -> list[str]:
    """The first errors gunicorn and Django logged (a 500 logs its traceback), if any."""
    return [log[:4000]] if "Traceback" in log or "[ERROR]" in log else []


def _run_here(arguments: list[str], environment: dict[str, str]) -> dict[str, Any]:
    """This module in a subprocess with Django set up on the load database."""
    return module_run(["benchmarks.load.run", *arguments], environment=environment)


def seed(*, users: int, articles: int, password: str) -> dict[str, int]:
    """Demo data, synthetic articles and `users` editor accounts (Django must be set up)."""
    import io

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from annotations.models import Annotation
    from articles.models import Article
    from benchmarks.corpus import corpus_write
    from newsdesk.roles import EDITORS

    call_command("setup_demo", stdout=io.StringIO())
    with tempfile.TemporaryDirectory() as folder:
        corpus_write(Path(folder), count=articles, seed=7)
        call_command("import_articles", folder, stdout=io.StringIO())
    hashed = make_password(password)  # once: hashing 50 times would take a minute
    accounts = User.objects.bulk_create(
        User(username=USERNAME.format(i), password=hashed) for i in range(1, users + 1)
    )
    editors = Group.objects.get(name=EDITORS)
    editors.user_set.add(*accounts)
    return {"articles": Article.objects.count(), "annotations_before": Annotation.objects.count()}


def verify(ledger_path: Path) -> dict[str, Any]:
    """Compare the acknowledged writes with the database (Django must be set up)."""
    from annotations.models import Annotation

    ledger = Ledger.read(ledger_path)
    rows = Annotation.objects.filter(pk__in=list(ledger.saved)).values_list(
        "pk", "author__username", "exact", "note", "version", "deleted_at"
    )
    stored = {
        pk: StoredAnnotation(pk, username, exact, note, version, deleted is not None)
        for pk, username, exact, note, version, deleted in rows
    }
    problems = lost_writes(ledger, stored)
    return {
        "acknowledged": len(ledger.saved),
        "edited": sum(1 for saved in ledger.saved.values() if saved.version > 1),
        "lost": len(problems),
        "lost_examples": problems[:5],
    }


def section(
    results: list[tuple[ServerConfig, dict[str, Any]]], *, users: int, seconds: float
) -> str:
    """The report's section: a summary per configuration, then every request type."""
    about = textwrap.fill(
        f"{machine_summary()} Code: {code_version()}.", width=90, break_on_hyphens=False
    )
    lines = [
        "## Load: simulated editors",
        "",
        about,
        "",
        textwrap.fill(
            f"`make load`: {users} editors, one account each, log in through the login form "
            "(ramp-up: one more editor per second), then work for "
            f"{seconds:.0f} s against gunicorn on 127.0.0.1 with PostgreSQL and the "
            "production settings (DEBUG off, persistent "
            f"connections), {results[0][1]['articles'] if results else 0} articles. Each "
            "editor loops: open a workspace, annotate a quote of it, in "
            f"{EDIT_SHARE:.0%} of the loops edit one of its annotations ({STALE_TAB_SHARE:.0%} "
            "of those edits also save from a stale second tab, which must get a 409, and "
            f"then merge), read the card list; {THINK_SECONDS[0]} to {THINK_SECONDS[1]} s "
            f"between steps. The figures are those of the {seconds:.0f} s once all are "
            "logged in; errors and writes count the ramp-up too. Both configurations run "
            "one after the other on the same database. Locust runs on the same 2 CPUs as the "
            "server; percentiles are locust's (2 significant digits above 100 ms). Server "
            "CPU is gunicorn's (all processes) during the window; load is the machine's "
            "1-minute load average at its end.",
            width=90,
        ),
        "",
        f"Target: no errors, no lost writes, p99 under {TARGET_P99_MS} ms.",
        "",
        "| gunicorn | req/s | errors | p50 | p95 | p99 | server CPU per request | load "
        "| login p50 | acknowledged writes | lost | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for config, result in results:
        total, login = result["total"], result["ramp_up"]["requests"].get("login", {})
        errors = _errors(result)
        met = errors == 0 and result["lost"] == 0 and total["p99"] < TARGET_P99_MS
        lines.append(
            f"| {config.title} | {total['rps']:.1f} | {errors} | {total['p50']} ms | "
            f"{total['p95']} ms | {total['p99']} ms | {_cpu_per_request(result)} | "
            f"{result['load_average']:.1f} | {login.get('p50', '–')} ms | "
            f"{result['acknowledged']} ({result['edited']} edited) | {result['lost']} | "
            f"{'met' if met else 'missed'} |"
        )
    lines.append("")
    lines += [
        _cpu_reading(config, result) for config, result in results if result["total"]["requests"]
    ]
    for config, result in results:
        lines += ["", f"**{config.title}**, per request once all were logged in:", ""]
        lines += [
            "| request | count | errors | req/s | p50 | p95 | p99 | max |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        requests = result["requests"]
        names = [n for n in REQUEST_ORDER if n in requests] + sorted(
            set(requests) - set(REQUEST_ORDER)
        )
        rows = [(name, requests[name]) for name in names] + [("all", result["total"])]
        ramp_up = result["ramp_up"]
        rows += [
            (f"ramp-up: {name}", figures)
            for name, figures in ramp_up["requests"].items()
            if name in ("login page", "login")
        ]
        for name, figures in rows:
            lines.append(
                f"| {name} | {figures['requests']} | {figures['failures']} | "
                f"{figures['rps']:.1f} | {figures['p50']} ms | {figures['p95']} ms | "
                f"{figures['p99']} ms | {figures['max']:.0f} ms |"
            )
        lines.append(
            f"\nRamp-up: {result['logged_in']} of {users} editors logged in within "
            f"{ramp_up['seconds']:.0f} s; {ramp_up['total']['requests']} requests, "
            f"{ramp_up['total']['failures']} errors."
        )
        problems = ramp_up["errors"] + result["errors"] + result["lost_examples"]
        if problems:
            lines += ["", *(f"- {problem}" for problem in problems)]
    return "\n".join(lines)


def _cpu_reading(config: ServerConfig, result: dict[str, Any]) -> str:
    """What the CPU figures say: gunicorn's share of the machine, and its capacity."""
    cpu, seconds = result["server_cpu_seconds"], result["seconds"]
    per_request = cpu * 1000 / result["total"]["requests"]
    return textwrap.fill(
        f"- {config.title}: gunicorn used {cpu:.1f} CPU-seconds in the {seconds:.0f} s "
        f"({cpu / seconds:.2f} CPUs; logins still queued from the ramp-up included) while the "
        f"machine's load average was {result['load_average']:.0f} on {cpu_count()} CPUs. "
        f"At {per_request:.0f} ms of CPU per request, {cpu_count()} CPUs of its own would "
        f"serve about {cpu_count() * 1000 / per_request:.0f} requests/s; this run served "
        f"{result['total']['rps']:.1f}.",
        width=90,
        subsequent_indent="  ",
    )


def _cpu_per_request(result: dict[str, Any]) -> str:
    requests, cpu = result["total"]["requests"], result["server_cpu_seconds"]
    return f"{cpu * 1000 / requests:.0f} ms" if requests and cpu is not None else "–"


def _errors(result: dict[str, Any]) -> int:
    failures: int = result["ramp_up"]["total"]["failures"] + result["total"]["failures"]
    return failures


def main(argv: Sequence[str] | None = None) -> None:
    keys = [config.key for config in CONFIGS]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, help="markdown report to update")
    parser.add_argument("--config", action="append", choices=keys, help="only this (repeatable)")
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--articles", type=int, default=SYNTHETIC_ARTICLES)
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verify", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.seed or options.verify:
        _case(options)
        return

    # On `kill`, unwind as on Ctrl-C: gunicorn is stopped, the database dropped.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    configs = [c for c in CONFIGS if not options.config or c.key in options.config]
    results = run_configs(
        configs, users=options.users, seconds=options.seconds, articles=options.articles
    )
    text = section(results, users=options.users, seconds=options.seconds)
    if options.output is None:
        print(text)
        return
    output: Path = options.output
    document = output.read_text(encoding="utf-8") if output.exists() else REPORT_HEADER
    output.write_text(section_replace(document, SECTION, text), encoding="utf-8")
    print(f"{SECTION}: written to {output}")
    if any(_errors(r) or r["lost"] for _, r in results):
        sys.exit("load: errors or lost writes, see the report")


def _case(options: argparse.Namespace) -> None:
    import os

    import django

    django.setup()
    if options.seed:
        password = os.environ[PASSWORD_VARIABLE]
        print(json.dumps(seed(users=options.users, articles=options.articles, password=password)))
    else:
        print(json.dumps(verify(options.verify)))


if __name__ == "__main__":
    main()
