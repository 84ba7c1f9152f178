"""Ready to use: how fast task workers make imported articles searchable, detected and
grouped, with one and with two worker processes, on PostgreSQL.

Each run imports the synthetic corpus (`benchmarks/corpus.py`) into a fresh database with
`manage.py import_articles` and `TASKS_BACKEND=database`, so that the import only queues
its follow-up tasks (search vectors, entity detection, near-duplicates and story
grouping). Then it starts K `manage.py db_worker --batch` processes, as
docs/ops/workers.md runs them, and times them until every one has drained the queue and
exited. Afterwards it checks that every task succeeded, every article has its search
vector and its near-duplicate band keys, and counts mentions, pairs and stories, which
must not depend on the number of workers.

Run one case by hand: `python -m benchmarks.ready_speed --workers 2 [--count N]`; it
prints one JSON line (needs PostgreSQL, `BENCH_POSTGRES_URL`).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import measure
from benchmarks.corpus import corpus_write
from benchmarks.databases import (
    BASE_DIR,
    POSTGRESQL,
    django_environment,
    fresh_database,
    postgres_version,
)

COUNT = 2_000
QUICK_COUNT = 1_000
WORKERS = (1, 2)
ROUNDS = 2  # 1 worker, 2 workers, 1 worker, 2 workers: A/B on the same load
QUICK_ROUNDS = 1
# Issue 16: ready to use at this many articles/s with two worker processes.
TARGET_PER_SECOND = 100
TARGET_WORKERS = 2

_CHECKS = {
    "tasks_failed": "SELECT count(*) FROM django_tasks_database_dbtaskresult "
    "WHERE status <> 'SUCCESSFUL'",
    "tasks": "SELECT count(*) FROM django_tasks_database_dbtaskresult",
    "articles": "SELECT count(*) FROM articles_article",
    "without_vector": "SELECT count(*) FROM articles_article WHERE search_vector IS NULL",
    "without_bands": "SELECT count(*) FROM articles_article a WHERE NOT EXISTS "
    "(SELECT 1 FROM stories_articleband b WHERE b.article_id = a.id)",
    "mentions": "SELECT count(*) FROM articles_mention",
    "pairs": "SELECT count(*) FROM stories_nearduplicate",
    "stories": "SELECT count(*) FROM stories_story",
    "grouped": "SELECT count(*) FROM stories_storymembership",
}


def run_suite(*, quick: bool) -> str:
    """Import and drain with 1 and 2 workers, alternating; the markdown section."""
    if postgres_version() is None:
        return "PostgreSQL was not reachable (`BENCH_POSTGRES_URL`): not measured.\n"
    count = QUICK_COUNT if quick else COUNT
    rounds = QUICK_ROUNDS if quick else ROUNDS
    runs: dict[int, list[dict[str, Any]]] = {workers: [] for workers in WORKERS}
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        measure.progress(f"ready: writing a corpus of {count:,} files …")
        corpus_write(corpus, count=count)
        for round_number in range(rounds):
            for workers in WORKERS:
                measure.progress(f"ready: {count:,}, {workers} worker(s), round {round_number + 1}")
                run = ready_run(corpus, workers=workers, folder=Path(tmp))
                measure.progress(f"  {count / run['seconds']:,.0f} articles/s")
                runs[workers].append(run)
    return report_markdown(runs, count=count, rounds=rounds)


def ready_run(
    corpus: Path, *, workers: int, folder: Path, profile: Path | None = None
) -> dict[str, Any]:
    """Import `corpus` queued, then drain the queue with `workers` processes; measured.

    `profile`: write cProfile statistics of the first worker there."""
    with fresh_database(POSTGRESQL, folder=folder) as url:
        environment = django_environment(url, debug=False) | {"TASKS_BACKEND": "database"}
        started = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "import_articles", str(corpus), "--skip-checks"],
            cwd=BASE_DIR,
            env=environment,
            check=True,
            capture_output=True,
        )
        import_seconds = time.perf_counter() - started
        with psycopg.connect(url) as connection:
            queued = _scalar(connection, _CHECKS["tasks"])
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        processes = [
            subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
                [
                    sys.executable,
                    *(["-m", "cProfile", "-o", str(profile)] if profile and number == 0 else []),
                    "manage.py",
                    "db_worker",
                    "--batch",
                    "--no-startup-delay",
                    "--no-reload",
                    "--skip-checks",
                    "--worker-id",
                    f"bench-{number}",
                ],
                cwd=BASE_DIR,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for number in range(workers)
        ]
        codes: list[int] = []
        cpu_seconds = 0.0  # of the workers themselves (user and system), whatever else runs
        for process in processes:
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            codes.append(process.returncode)
            cpu_seconds += usage.ru_utime + usage.ru_stime
        wall_seconds = time.perf_counter() - started
        load_after = os.getloadavg()[0]
        if any(codes):
            raise RuntimeError(f"a worker exited with {codes}")
        with psycopg.connect(url) as connection:
            checks = {name: _scalar(connection, query) for name, query in _CHECKS.items()}
            span = connection.execute(
                "SELECT extract(epoch FROM max(finished_at) - min(started_at)) "
                "FROM django_tasks_database_dbtaskresult"
            ).fetchone()
            shares = connection.execute(
                "SELECT worker_ids ->> 0, count(*), "
                "extract(epoch FROM sum(finished_at - started_at)) "
                "FROM django_tasks_database_dbtaskresult GROUP BY 1 ORDER BY 1"
            ).fetchall()
    problems = {name: checks[name] for name in ("tasks_failed", "without_vector", "without_bands")}
    if any(problems.values()) or checks["tasks"] != queued:
        with psycopg.connect(url) as connection:
            failures = connection.execute(
                "SELECT traceback FROM django_tasks_database_dbtaskresult "
                "WHERE status <> 'SUCCESSFUL'"
            ).fetchall()
        raise RuntimeError(f"not ready after the workers ended: {checks} {failures}")
    return {
        "workers": workers,
        "seconds": float(span[0]) if span else wall_seconds,
        "wall_seconds": wall_seconds,
        "cpu_seconds": cpu_seconds,
        "import_seconds": import_seconds,
        "load_before": load_before,
        "load_after": load_after,
        "checks": checks,
        "shares": [count for _, count, _ in shares],
        # Seconds each worker spent in tasks: the rest of the drain time it waited or idled.
        "busy_seconds": [float(busy) for _, _, busy in shares],
    }


def _scalar(connection: psycopg.Connection[Any], query: str) -> int:
    row = connection.execute(query).fetchone()
    return int(row[0]) if row else 0


def report_markdown(runs: dict[int, list[dict[str, Any]]], *, count: int, rounds: int) -> str:
    """The table: articles/s per number of workers, and what the workers produced."""
    lines = [
        measure_text(count, rounds),
        "",
        "| workers | ready articles/s | drain time | with start-up | workers' CPU "
        "| import alone | tasks (per worker) "
        "| mentions | near-duplicate pairs | stories | grouped articles | load before → after |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    medians = {}
    for workers, measured in runs.items():
        rates = sorted(count / run["seconds"] for run in measured)
        medians[workers] = statistics.median(rates)
        spread = f" ({rates[0]:,.0f}–{rates[-1]:,.0f})" if len(rates) > 1 else ""
        last = measured[-1]
        checks = last["checks"]
        loads = ", ".join(f"{r['load_before']:.1f} → {r['load_after']:.1f}" for r in measured)
        shares = " + ".join(str(share) for share in last["shares"])
        cpu = statistics.median(r["cpu_seconds"] for r in measured)
        lines.append(
            f"| {workers} | {medians[workers]:,.0f}{spread} "
            f"| {statistics.median(r['seconds'] for r in measured):.1f} s "
            f"| {statistics.median(r['wall_seconds'] for r in measured):.1f} s "
            f"| {cpu:.1f} s ({1000 * cpu / count:.1f} ms/article) "
            f"| {statistics.median(r['import_seconds'] for r in measured):.1f} s "
            f"| {checks['tasks']} ({shares}) | {checks['mentions']:,} | {checks['pairs']:,} "
            f"| {checks['stories']:,} | {checks['grouped']:,} | {loads} |"
        )
    best = medians.get(TARGET_WORKERS, 0.0)
    met = "met" if best >= TARGET_PER_SECOND else "not met"
    growth = medians.get(2, 0.0) / medians[1] if medians.get(1) else 0.0
    lines += [
        "",
        f"Target (issue 16): ready to use at {TARGET_PER_SECOND} articles/s or more with "
        f"{TARGET_WORKERS} worker processes: **{met}** ({best:,.0f} articles/s, median); "
        f"two workers drain {growth:.2f}× as fast as one, on {os.cpu_count()} CPUs that the "
        "database server and the workers share.",
    ]
    return "\n".join(lines) + "\n"


def measure_text(count: int, rounds: int) -> str:
    runs = f"median of {rounds} runs, their range in brackets" if rounds > 1 else "one run"
    return (
        f"{count:,} articles of the synthetic corpus imported into a fresh PostgreSQL "
        "database with `manage.py import_articles` and `TASKS_BACKEND=database` (the import "
        "only queues), then K `manage.py db_worker --batch` processes started together, "
        "which drain the queue and exit. **drain time**: from the first task's start to "
        "the last task's end, as recorded in the task table (workers in production are "
        "running already); **with start-up**: from starting the processes until all have "
        "exited (Django's start-up without byte-code cache included); **workers' CPU**: "
        "user and system CPU time of the worker processes, start-up included, added up "
        "(the database server's is not in it), which other load on the machine does not "
        "inflate as much as the wall clock. "
        "Ready means: every task successful, every article with its search vector, its "
        "entity mentions detected, its near-duplicate band keys and pairs written and its "
        "story grouping done (checked after each run). **ready articles/s**: articles over "
        f"the drain time; {runs}, 1 and 2 workers alternating. **import alone**: the "
        "import before (parse, write, queue). Mentions, pairs, stories and grouped "
        "articles are those of the last run; they must not depend on the number of "
        "workers. Load: one-minute load average before and after each drain."
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Import, then drain the queue with K workers.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--count", type=int, default=QUICK_COUNT)
    parser.add_argument("--profile", type=Path, help="cProfile statistics of one worker")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus_write(corpus, count=options.count)
        run = ready_run(corpus, workers=options.workers, folder=Path(tmp), profile=options.profile)
    print(json.dumps(run | {"per_second": options.count / run["seconds"]}))


if __name__ == "__main__":
    main()
