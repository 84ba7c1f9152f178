"""The archive at 1,000,000 articles on PostgreSQL (issue 16): search, the annotation
workspace and the near-duplicate lookup, measured in one database of that size.

The database is built as fast as PostgreSQL allows, then measured part by part:

1. **Articles**: all but SAMPLE of them with COPY, as the search suite loads its 100,000
   (`search_speed.corpus_load`: 10,000 texts of the synthetic corpus, each copy with 40
   Zipf words of its own; search vectors by the trigger; indexes built after).
2. **Band keys of those articles**: 42 per article, written by one INSERT … SELECT with
   the table's (key, article) index and foreign key made again after. They are not
   computed from the texts (MinHash of a million texts takes hours in Python, and the
   corpus repeats its 10,000 texts, so real keys would make clusters of 99 copies): each
   is a 64-bit hash of the article id and band number (`hashtextextended`), so no two
   articles share a key, as unrelated articles (Jaccard about 0.01) almost never do.
3. **SAMPLE articles with real band keys**: the stories suite's archive texts (distinct,
   the first LOOKUPS of them the planted shortened copies), written and indexed through
   `near_duplicates_rebuild`, the code an import runs.
4. **Near-duplicate lookups**: as in the stories suite (`stories_speed.lookups_time`), for
   LOOKUPS new articles, each rolled back.
Then the load is written out (a CHECKPOINT and the kernel's dirty pages), so that the
parts below are timed on a steady archive, not beside the writing out of 13 GiB:

5. **Search**: every search of the search suite (`search_speed.measure`), with the words
   chosen for this size (`search_speed.searches`); for a search over the target, the
   EXPLAIN ANALYZE of its slowest query.
6. **Workspace**: the workspace suite's case (`workspace_speed.measure`): one article with
   300 annotations and 200 mentions imported into the archive, views and creations.

Each measured part runs in its own Django process with DEBUG off. The database is
`newsdesk_bench_million`, dropped at the end.
Run one part by hand: `python -m benchmarks.archive_speed --part search|duplicates …`
with DATABASE_URL and DJANGO_SETTINGS_MODULE set, on a database built as above.
"""

import argparse
import json
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import search_speed, stories_speed, workspace_speed
from benchmarks.bulk_load import foreign_keys_drop, rebuild, secondary_indexes_drop
from benchmarks.databases import (
    POSTGRESQL,
    case_run_in,
    django_environment,
    fresh_database,
    module_run,
    postgres_version,
)
from benchmarks.measure import progress

SIZE = 1_000_000
QUICK_SIZE = 20_000
SAMPLE = 10_000
QUICK_SAMPLE = 2_000
LOOKUPS = stories_speed.LOOKUPS
QUICK_LOOKUPS = stories_speed.QUICK_LOOKUPS
DATABASE = "newsdesk_bench_million"
TARGET_SEARCH_P95_MS = search_speed.TARGET_P95_MS
TARGET_WORKSPACE_P50_MS = float(workspace_speed.TARGET_RENDER_MS)
TARGET_LOOKUP_P50_MS = 10.0
EXPLAIN_LINES = 40
PART = ("benchmarks.archive_speed", "--part")  # a measured part, in its own process

_UNRELATED_KEYS = """
INSERT INTO stories_articleband (article_id, band, key)
SELECT article.id, band, hashtextextended(article.id::text, band)
FROM articles_article AS article CROSS JOIN generate_series(0, %s - 1) AS band
"""
_SIZES = """
SELECT pg_database_size(current_database()), pg_total_relation_size('articles_article'),
pg_total_relation_size('stories_articleband'), (SELECT count(*) FROM articles_article)
"""


def run_suite(*, quick: bool) -> str:
    """Build the archive, measure each part and return the report's section."""
    if not postgres_version():
        return "PostgreSQL was not reachable (`BENCH_POSTGRES_URL`): not measured.\n"
    size, sample = (QUICK_SIZE, QUICK_SAMPLE) if quick else (SIZE, SAMPLE)
    lookups = QUICK_LOOKUPS if quick else LOOKUPS
    runs = search_speed.QUICK_RUNS if quick else search_speed.RUNS
    started = time.perf_counter()
    loads: dict[str, float] = {"start": os.getloadavg()[0]}
    with (
        tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp,
        fresh_database(POSTGRESQL, folder=Path(tmp), name=DATABASE) as url,
    ):
        environment = django_environment(url, debug=False)
        progress(f"archive: loading {size - sample:,} articles with COPY …")
        load_seconds = search_speed.corpus_load(url, count=size - sample)
        progress(f"  {load_seconds:.0f} s; band keys, {sample:,} indexed articles, lookups …")
        loads["duplicates"] = os.getloadavg()[0]
        duplicates = _part_run("duplicates", environment, sample=sample, lookups=lookups)
        progress("archive: writing the load out (CHECKPOINT, sync) …")
        _settle(url)
        progress(f"archive: measuring the searches, {runs} runs each …")
        loads["search"] = os.getloadavg()[0]
        search = _part_run("search", environment, runs=runs, articles=size)
        progress("archive: the workspace …")
        loads["workspace"] = os.getloadavg()[0]
        workspace = case_run_in(url, "benchmarks.workspace_speed", folder=Path(tmp), quick=quick)
        loads["end"] = os.getloadavg()[0]
        with psycopg.connect(url) as connection:
            database, articles, bands, count = connection.execute(_SIZES).fetchone() or (0,) * 4
    outcome = {
        "size": size,
        "count": count,
        "sample": sample,
        "runs": runs,
        "load_seconds": load_seconds,
        "duplicates": duplicates,
        "search": search,
        "workspace": workspace,
        "bytes": {"database": database, "articles": articles, "bands": bands},
        "loads": loads,
        "minutes": (time.perf_counter() - started) / 60,
    }
    return report_markdown(outcome, quick=quick)


def _part_run(part: str, environment: dict[str, str], **options: int) -> dict[str, Any]:
    """One part measured in a process of its own: `main` with `--part part --option=value…`."""
    arguments = [f"--{name}={value}" for name, value in options.items()]
    return module_run([*PART, part, *arguments], environment=environment)


def _settle(url: str) -> None:
    """Write the bulk load out before the searches and the workspace are timed: a
    CHECKPOINT, then the kernel's dirty pages. Otherwise they share the machine with the
    writing out of gigabytes, which a steady archive does not do."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CHECKPOINT")
    os.sync()


def report_markdown(outcome: dict[str, Any], *, quick: bool) -> str:
    """The section: how the archive was built, then each part with its target."""
    size, sample = outcome["size"], outcome["sample"]
    duplicates, search, workspace = outcome["duplicates"], outcome["search"], outcome["workspace"]
    loads, sizes = outcome["loads"], outcome["bytes"]
    verdict = _verdict_not_quick if not quick else _verdict_quick
    slowest = search_speed.slowest_p95(search)
    worst_name, worst = max(slowest.items(), key=lambda item: item[1])
    low, median, high = duplicates["planted_jaccard"]
    checks = [
        (
            f"search p95 under {TARGET_SEARCH_P95_MS:.0f} ms for every search (top "
            f"{search_speed.TOP}, count and page)",
            worst,
            TARGET_SEARCH_P95_MS,
            f"slowest p95 {worst:.1f} ms, {worst_name}",
        ),
        (
            f"workspace p50 under {TARGET_WORKSPACE_P50_MS:.0f} ms",
            workspace["render_p50"],
            TARGET_WORKSPACE_P50_MS,
            f"{workspace['render_p50']:.1f} ms",
        ),
        (
            f"lookup p50 under {TARGET_LOOKUP_P50_MS:.0f} ms",
            duplicates["p50"],
            TARGET_LOOKUP_P50_MS,
            f"{duplicates['p50']:.2f} ms",
        ),
    ]
    search_verdict, workspace_verdict, lookup_verdict = (
        verdict(target, met=value < limit, figure=figure) for target, value, limit, figure in checks
    )
    lines = [
        f"One PostgreSQL database of {size:,} articles (then {outcome['count']:,} with the "
        f"workspace's), built and measured in {outcome['minutes']:.0f} minutes, "
        f"{_gib(sizes['database'])} on disk at the end (articles with their search index "
        f"{_gib(sizes['articles'])}, LSH band keys {_gib(sizes['bands'])}). "
        f"{size - sample:,} articles as the search suite loads them (COPY, "
        f"{_duration(outcome['load_seconds'])} with the indexes): the bodies of "
        f"{search_speed.DISTINCT_TEXTS:,} files of the synthetic corpus, each copy with "
        f"{search_speed.EXTRA_WORDS} Zipf words of its own. Their band keys are not "
        f"computed from their texts (which repeat): each of their "
        f"{duplicates['bands']} keys is a 64-bit hash of the article id and band number "
        f"(`hashtextextended`), so no two of them share a key, as unrelated articles almost "
        f"never do ({duplicates['unrelated_entries']:,} index entries, written by one "
        f"INSERT … SELECT in {_duration(duplicates['keys_seconds'])} with the index). "
        f"The other {sample:,} articles are the stories suite's archive texts, written and "
        f"indexed with their real band keys by `near_duplicates_rebuild` "
        f"({duplicates['fill_rate']:,.0f} articles/s); the first {duplicates['lookups']} of "
        f"them are the planted shortened copies (Jaccard {low:.2f} to {high:.2f}, median "
        f"{median:.2f}). Before the searches and the workspace are timed, the load is "
        "written out (a CHECKPOINT, then the kernel's dirty pages). "
        "The figures at 100,000 articles and below are in the sections "
        f"*Search speed*, *Annotation workspace* and *Near-duplicates and comparing*.",
        "",
        f"**Search** (as in *Search speed*: {outcome['runs']} runs of each search after one "
        f"to warm up; the rarer word chosen with as many matches as at 100,000, fewer than "
        f"the cap, and at more than 100,000 a word at the share that costs most at this "
        f"size, √(cap / articles)):",
        "",
        *search_speed.results_table(search),
        "",
        search_verdict,
        *_explains(search),
        "",
        f"**Workspace** (as in *Annotation workspace*: article `{workspace_speed.SEED}` "
        f"imported into the archive with {workspace_speed.ANNOTATIONS} annotations and "
        f"{workspace_speed.MENTIONS} mentions, test client, DEBUG off):",
        "",
        "| workspace p50 | workspace p95 | workspace p50, text not cached | create p50 "
        "| create p95 |",
        "| ---: | ---: | ---: | ---: | ---: |",
        f"| {workspace['render_p50']:.1f} ms | {workspace['render_p95']:.1f} ms "
        f"| {workspace['cold_render_p50']:.1f} ms | {workspace['create_p50']:.1f} ms "
        f"| {workspace['create_p95']:.1f} ms |",
        "",
        workspace_verdict,
        "",
        f"**Near-duplicate lookup** (as in *Near-duplicates and comparing*: "
        f"`near_duplicates_index` for one new article, {duplicates['lookups']} articles, "
        f"each rolled back):",
        "",
        "| lookup p50 | lookup p95 | candidate query p50 | planted pair found |",
        "| ---: | ---: | ---: | ---: |",
        f"| {duplicates['p50']:.2f} ms | {duplicates['p95']:.2f} ms "
        f"| {duplicates['query_p50']:.2f} ms | {duplicates['found']} of "
        f"{duplicates['lookups']} |",
        "",
        lookup_verdict,
        "",
        f"One-minute load average on {os.cpu_count()} CPUs: {loads['start']:.1f} at the "
        f"start, {loads['duplicates']:.1f} after loading, {loads['search']:.1f} before the "
        f"searches, {loads['workspace']:.1f} before the workspace, {loads['end']:.1f} at "
        f"the end (loading keeps both CPUs busy; other work on the machine lengthens every "
        f"time).",
    ]
    return "\n".join(lines) + "\n"


def _verdict_not_quick(target: str, *, met: bool, figure: str) -> str:
    return f"Target (issue 16): {target}: **{'met' if met else 'not met'}** ({figure})."


def _verdict_quick(target: str, *, met: bool, figure: str) -> str:
    return f"Target (issue 16, at 1,000,000): {target}; quick run, not comparable ({figure})."


def _explains(search: dict[str, Any]) -> list[str]:
    lines = []
    for name, plan in search.get("explains", {}).items():
        lines += [
            "",
            f"The slowest query of “{name}” (EXPLAIN (ANALYZE, BUFFERS), after the runs):",
            "",
            "```",
            *plan.splitlines()[:EXPLAIN_LINES],
            "```",
        ]
    return lines


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} minutes"


def _gib(size: int) -> str:
    return f"{size / 1024**3:.1f} GiB"


# The measured parts, each in its own process --------------------------------------------


def duplicates_measure(*, sample: int, lookups: int) -> dict[str, Any]:
    """Band keys for the archive's articles, the sample indexed, lookups timed."""
    from django.conf import settings
    from django.db import connection

    bands = settings.NEAR_DUPLICATE_LSH_BANDS
    started = time.perf_counter()
    entries = unrelated_keys_load(os.environ["DATABASE_URL"], bands=bands)
    keys_seconds = time.perf_counter() - started
    progress(f"  {entries:,} band keys in {keys_seconds:.0f} s; indexing {sample:,} articles")
    fill_rate = stories_speed.archive_fill(0, sample, planted=lookups)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress(f"  {fill_rate:.0f} articles/s; {lookups} lookups")
    return {
        **stories_speed.lookups_time(lookups=lookups),
        "unrelated_entries": entries,
        "keys_seconds": keys_seconds,
        "fill_rate": fill_rate,
        "bands": bands,
        "planted_jaccard": stories_speed.planted_jaccard(lookups=lookups),
    }


def unrelated_keys_load(database_url: str, *, bands: int) -> int:
    """Write `bands` keys for every article, none shared (see the module's docstring);
    returns the number written. The (key, article) index and the foreign key to the
    articles are made again after, as a bulk load does."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        statements = foreign_keys_drop(connection, table="stories_articleband")
        statements += secondary_indexes_drop(connection, table="stories_articleband")
        written = connection.execute(_UNRELATED_KEYS, [bands]).rowcount
        rebuild(connection, statements)
        connection.execute("VACUUM ANALYZE stories_articleband")
    return written


def search_measure(*, runs: int, articles: int) -> dict[str, Any]:
    """The search suite's measurement, and the plan of the slowest query of each search
    over the target."""
    outcome = search_speed.measure(runs=runs, articles=articles)
    over = [
        name for name, ms in search_speed.slowest_p95(outcome).items() if ms >= TARGET_SEARCH_P95_MS
    ]
    texts = {row["name"]: row["text"] for row in outcome["searches"]}
    outcome["explains"] = {name: _slowest_plan(texts[name]) for name in over}
    return outcome


def _slowest_plan(text: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the list page's queries for this search; the plan of
    the one that took longest."""
    from django.db import connection

    from annotations.article_list import ArticleFilters, article_list_page

    statements: list[tuple[str, Any]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        page = article_list_page(ArticleFilters(q=text), number="1", per_page=search_speed.TOP)
        list(page.object_list)
    plans = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = [row[0] for row in cursor.fetchall()]
            total = next(line for line in plan if line.startswith("Execution Time"))
            plans.append((float(total.split()[2]), "\n".join(plan)))
    return max(plans)[1] if plans else ""


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Measure one part and print JSON.")
    parser.add_argument("--part", choices=("duplicates", "search"), required=True)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--lookups", type=int, default=LOOKUPS)
    parser.add_argument("--runs", type=int, default=search_speed.RUNS)
    parser.add_argument("--articles", type=int, default=SIZE)
    options = parser.parse_args(argv)
    import django

    django.setup()
    if options.part == "duplicates":
        result = duplicates_measure(sample=options.sample, lookups=options.lookups)
    else:
        result = search_measure(runs=options.runs, articles=options.articles)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
