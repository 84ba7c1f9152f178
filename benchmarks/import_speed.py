"""Import speed: `articles_import` (what `manage.py import_articles` runs) on the synthetic
corpus, per database and corpus size, each run in a fresh database and its own process.

Run one case by hand: `python -m benchmarks.import_speed FOLDER [--profile FILE]` with
`DATABASE_URL` set (and `DEBUG=1` or a `SECRET_KEY`) on a migrated, empty database; it
prints one JSON line. `--profile` writes cProfile statistics of the import to FILE (read
them with `python -m pstats FILE`).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import measure
from benchmarks.corpus import corpus_write
from benchmarks.databases import (
    BASE_DIR,
    POSTGRESQL,
    SQLITE,
    Backend,
    django_environment,
    fresh_database,
    postgres_version,
)

SIZES = (1_000, 10_000)
QUICK_SIZES = (100, 1_000)
# Entity detection after every batch is a django.tasks task: production queues it for a
# worker ("database"), so that is what the import is timed with; the demo runs it in the
# importing process ("immediate"), timed once at the smallest size to show what it costs.
QUEUED = "database"
INLINE = "immediate"
# PostgreSQL: the import leaves the search vectors (migration articles 0006) to a queued
# task, timed after the import as a worker would run it. One run computes them inside the
# INSERT instead (the trigger, as before 0006), one run has no vector column at all.
PRODUCTION = "as in production"
NO_VECTOR = "no search vector"
VECTOR_INLINE = "vector in INSERT"
NO_SEARCH_VECTOR = (
    "DROP TRIGGER IF EXISTS article_search_vector ON articles_article; "
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector"
)
REPEATS = 3
QUICK_REPEATS = 1
# Issue 16: articles/s (wall clock, idle machine) at TARGET_SIZE articles, as in production.
TARGET_PER_SECOND = {"PostgreSQL": 3_000, "SQLite": 2_000}
TARGET_SIZE = 10_000


@dataclass(frozen=True)
class ImportRun:
    """One import of a corpus into a fresh database, measured in its own process."""

    seconds: float  # wall-clock time of the import
    cpu_seconds: float  # user + system time of the importing process and its workers
    queries: int
    baseline_kib: int  # peak RSS of the process before the import began
    peak_kib: int  # peak RSS of the process when the import had ended
    schema: str  # the latest migration of each app, as applied
    load: float  # one-minute load average just before the run
    vector_seconds: float | None  # the queued search vector tasks, run after the import


@dataclass(frozen=True)
class CaseResult:
    """Repeated runs of one (database, corpus size)."""

    backend: Backend
    articles: int
    setup: str  # what differs from production, for the table
    runs: tuple[ImportRun, ...]

    @property
    def rates(self) -> list[float]:
        return sorted(self.articles / run.seconds for run in self.runs)

    @property
    def per_second(self) -> float:
        """The median rate of the runs."""
        return statistics.median(self.rates)

    @property
    def per_cpu_second(self) -> float:
        return statistics.median(self.articles / run.cpu_seconds for run in self.runs)

    @property
    def vectors_per_second(self) -> float | None:
        """The median rate of the search vector tasks, where the import queued them."""
        times = [run.vector_seconds for run in self.runs if run.vector_seconds]
        return statistics.median(self.articles / t for t in times) if times else None

    @property
    def peak_kib(self) -> int:
        return max(run.peak_kib for run in self.runs)

    @property
    def growth_kib(self) -> int:
        return max(run.peak_kib - run.baseline_kib for run in self.runs)


def run_suite(*, quick: bool) -> str:
    """Run every case and return the markdown body of the report's import section."""
    sizes = QUICK_SIZES if quick else SIZES
    repeats = QUICK_REPEATS if quick else REPEATS
    backends = [SQLITE, POSTGRESQL] if postgres_version() else [SQLITE]
    results = []
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        folder = Path(tmp)
        for count in sizes:
            corpus = folder / f"corpus-{count}"
            measure.progress(f"import: writing a corpus of {count:,} files …")
            corpus_write(corpus, count=count)
            for backend in backends:
                runs = _runs(backend, corpus, count=count, folder=folder, repeats=repeats)
                results.append(CaseResult(backend, count, PRODUCTION, runs))
        corpus = folder / f"corpus-{sizes[0]}"
        for backend in backends:
            runs = _runs(backend, corpus, count=sizes[0], folder=folder, tasks_backend=INLINE)
            results.append(CaseResult(backend, sizes[0], "detection inline", runs))
        if POSTGRESQL in backends:
            corpus = folder / f"corpus-{sizes[-1]}"
            runs = _runs(POSTGRESQL, corpus, count=sizes[-1], folder=folder, vector=VECTOR_INLINE)
            results.append(CaseResult(POSTGRESQL, sizes[-1], VECTOR_INLINE, runs))
            runs = _runs(POSTGRESQL, corpus, count=sizes[-1], folder=folder, vector=NO_VECTOR)
            results.append(CaseResult(POSTGRESQL, sizes[-1], NO_VECTOR, runs))
    return report_markdown(results, repeats=repeats, postgres_skipped=POSTGRESQL not in backends)


def _runs(
    backend: Backend,
    corpus: Path,
    *,
    count: int,
    folder: Path,
    repeats: int = 1,
    tasks_backend: str = QUEUED,
    vector: str = PRODUCTION,
) -> tuple[ImportRun, ...]:
    runs = []
    for repeat in range(repeats):
        measure.progress(
            f"import: {count:,} into {backend.name}, {tasks_backend} tasks ({repeat + 1})"
        )
        run = import_run(
            backend,
            corpus,
            count=count,
            folder=folder,
            tasks_backend=tasks_backend,
            vector=vector,
        )
        measure.progress(f"  {count / run.seconds:,.0f} articles/s, {measure.mib(run.peak_kib)}")
        runs.append(run)
    return tuple(runs)


def import_run(
    backend: Backend,
    corpus: Path,
    *,
    count: int,
    folder: Path,
    tasks_backend: str = QUEUED,
    vector: str = PRODUCTION,
) -> ImportRun:
    """Import the `count` files in `corpus` into a fresh database of `backend`."""
    with fresh_database(backend, folder=folder) as url:
        if vector == NO_VECTOR and backend is POSTGRESQL:
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(NO_SEARCH_VECTOR)
        load = os.getloadavg()[0]
        inline = ["--vector-inline"] if vector == VECTOR_INLINE else []
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "benchmarks.import_speed", str(corpus), *inline],
            cwd=BASE_DIR,
            env=django_environment(url, debug=False) | {"TASKS_BACKEND": tasks_backend},
            check=True,
            capture_output=True,
            text=True,
        )
    outcome = json.loads(completed.stdout.splitlines()[-1])
    if outcome["statuses"] != {"imported": count}:
        raise RuntimeError(f"{backend.name}: expected {count} imported, got {outcome['statuses']}")
    return ImportRun(
        seconds=outcome["seconds"],
        cpu_seconds=outcome["cpu_seconds"],
        queries=outcome["queries"],
        baseline_kib=outcome["baseline_kib"],
        peak_kib=outcome["peak_kib"],
        schema=outcome["schema"],
        load=load,
        vector_seconds=outcome["vector_seconds"],
    )


def report_markdown(results: Sequence[CaseResult], *, repeats: int, postgres_skipped: bool) -> str:
    """The table of results and what they mean."""
    schemas = sorted({run.schema for r in results for run in r.runs})
    if len(schemas) > 1:
        schemas = sorted({f"{r.backend.name}: {run.schema}" for r in results for run in r.runs})
    loads = [run.load for r in results for run in r.runs]
    runs = f"median of {repeats} runs, their range in brackets" if repeats > 1 else "one run"
    lines = [
        _wrap(
            "`articles_import` (the code behind `manage.py import_articles`, all reading, "
            "decoding and parsing included) on a synthetic corpus that `benchmarks/corpus.py` "
            "makes from the seeds (sentences and paragraphs shuffled, people renamed, date "
            "prefixes, datelines, `Quellen:` trailers and boilerplate lines drawn at random; "
            "about 2.9 KB per file). Every run imports into a fresh, migrated database, in a "
            "process of its own with `DEBUG` off, as in production."
        ),
        "",
        _wrap(
            "- **setup**: *as in production*: the import hands every written batch to "
            "`django.tasks` tasks (search vectors on PostgreSQL, entity detection, "
            "near-duplicates), which with `TASKS_BACKEND=database` it only queues for a worker "
            "(`manage.py db_worker`); *detection inline*: `TASKS_BACKEND=immediate`, the default "
            "and the demo's, where the tasks run in the importing process with each batch (one "
            "run); *vector in INSERT*: PostgreSQL computing every search vector inside the "
            "INSERT, as before migration articles 0006 (one run); *no search vector*: "
            "PostgreSQL without the `search_vector` column, its trigger and its GIN index (one "
            "run)."
        ),
        _wrap(f"- **articles/s**: articles over the wall-clock time of the import; {runs}."),
        _wrap(
            "- **per CPU s**: articles per second of CPU time (user + system) of the importing "
            "process and its parse workers, not counting the database server's; less "
            "sensitive than wall-clock time to other work on the machine."
        ),
        _wrap("- **queries**: SQL statements the import sent."),
        _wrap(
            "- **vectors/s**: PostgreSQL, as in production: articles per second of the queued "
            "search vector tasks (one set-based UPDATE per batch of 250), run one after the "
            "other after the import, as one worker would; search finds new articles once "
            "they have run."
        ),
        _wrap(
            "- **peak RSS**: peak resident set size of the importing process, read with "
            "`getrusage(RUSAGE_SELF).ru_maxrss` when the import has ended (Python, Django and "
            "psycopg included); **growth**: that peak minus the peak before the import began; "
            "the highest of the runs."
        ),
        "",
        "| database | articles | setup | articles/s | per CPU s | queries | vectors/s "
        "| peak RSS | growth |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        low, high = result.rates[0], result.rates[-1]
        spread = f" ({low:,.0f}–{high:,.0f})" if len(result.runs) > 1 else ""
        lines.append(
            f"| {result.backend.name} | {result.articles:,} "
            f"| {result.setup} "
            f"| {result.per_second:,.0f}{spread} "
            f"| {result.per_cpu_second:,.0f} | {result.runs[0].queries:,} "
            f"| {_rate(result.vectors_per_second)} "
            f"| {measure.mib(result.peak_kib)} | {measure.mib(result.growth_kib)} |"
        )
    lines += [
        "",
        _wrap(
            "Schema (latest migration per app): " + "; ".join(schemas) + ". One-minute load "
            f"average before the runs: {min(loads):.1f} to {max(loads):.1f} on "
            f"{os.cpu_count()} CPUs (other work on the machine slows wall-clock rates)."
        ),
        "",
    ]
    targets = [
        r
        for r in results
        if r.backend.name in TARGET_PER_SECOND
        and r.articles == TARGET_SIZE
        and r.setup == PRODUCTION
    ]
    if targets:
        parts = []
        for result in targets:
            goal = TARGET_PER_SECOND[result.backend.name]
            met = "met" if result.per_second >= goal else "not met"
            parts.append(
                f"{result.backend.name} at least {goal:,}: **{met}** "
                f"({result.per_second:,.0f} articles/s, median; "
                f"{result.per_cpu_second:,.0f} per CPU second of the importing processes)"
            )
        lines.append(
            _wrap(
                f"Targets (issue 16, wall clock on an idle machine, {TARGET_SIZE:,} articles, "
                "as in production): " + "; ".join(parts) + "."
            )
        )
    if postgres_skipped:
        lines.append("PostgreSQL was not reachable (`BENCH_POSTGRES_URL`): not measured.")
    if not targets:
        lines.append("Quick run (`--quick`): small corpora, one run each; not the target.")
    return "\n".join(lines) + "\n"


def _rate(per_second: float | None) -> str:
    return "—" if per_second is None else f"{per_second:,.0f}"


def _wrap(text: str) -> str:
    indent = "  " if text.startswith("- ") else ""
    return textwrap.fill(text, width=90, subsequent_indent=indent, break_on_hyphens=False)


# One run, in its own process -----------------------------------------------------------


def import_folder(
    folder: Path, *, profile: Path | None = None, vector_inline: bool = False
) -> dict[str, Any]:
    """Import every file in `folder` into the configured database and measure it: wall
    clock, CPU time of this process and of its parse workers, and on PostgreSQL the CPU
    time of the server process serving the import.

    Then, where the import queued search vector tasks, run them as a worker would (one per
    batch) and time them. `vector_inline`: no deferral, the trigger computes every vector
    inside the INSERT (as before migration articles 0006).
    """
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    from articles import importing, search
    from articles.models import Article
    from ingest.pipeline import files_import

    if vector_inline:
        from unittest import mock

        mock.patch.multiple(
            importing,
            search_vectors_defer=lambda: None,
            search_vectors_update_queue=lambda *, article_ids: None,
        ).start()

    queries = 0

    def count_query(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    latest: dict[str, str] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        if app in {"articles", "annotations"}:
            latest[app] = name
    statuses: Counter[str] = Counter()
    baseline = measure.peak_rss_kib()
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    server = _ServerClock(connection)
    with connection.execute_wrapper(count_query):
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        workers_start = _children_cpu_seconds()
        server_start = server.seconds()
        for report in files_import([folder], max_bytes=settings.NEWSDESK_IMPORT_MAX_BYTES):
            statuses[str(report.status)] += 1
        seconds, cpu_seconds = time.perf_counter() - start, _cpu_seconds() - cpu_start
        server_seconds = server.seconds() - server_start
        worker_seconds = _children_cpu_seconds() - workers_start
    if profiler is not None and profile is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    vector_seconds = None
    if not vector_inline and search.stemmed_search_available() and _has_search_vector(connection):
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        start = time.perf_counter()
        for first in range(0, len(ids), importing.DEFAULT_BATCH_SIZE):
            search.search_vectors_update_task.call(
                ids[first : first + importing.DEFAULT_BATCH_SIZE]
            )
        vector_seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "server_cpu_seconds": server_seconds,
        "worker_cpu_seconds": worker_seconds,
        "queries": queries,
        "statuses": dict(statuses),
        "baseline_kib": baseline,
        "peak_kib": measure.peak_rss_kib(),
        "schema": ", ".join(f"{app} {name}" for app, name in sorted(latest.items())),
        "vector_seconds": vector_seconds,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the import's parse workers)."""
    return measure.cpu_seconds() + _children_cpu_seconds()


def _children_cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


class _ServerClock:
    """CPU time of the PostgreSQL backend serving this connection (0 elsewhere), read
    from /proc: the server runs on the same machine in these benchmarks."""

    def __init__(self, connection: Any) -> None:
        self.stat: Path | None = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")

    def seconds(self) -> float:
        if self.stat is None or not self.stat.exists():
            return 0.0
        # Fields after the command's closing parenthesis: utime and stime are 14 and 15.
        fields = self.stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _has_search_vector(connection: Any) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'articles_article' AND column_name = 'search_vector'"
        )
        return cursor.fetchone() is not None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Import one folder and print measurements.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument(
        "--vector-inline", action="store_true", help="compute search vectors in the INSERT"
    )
    options = parser.parse_args(argv)
    outcome = import_folder(
        options.folder, profile=options.profile, vector_inline=options.vector_inline
    )
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
