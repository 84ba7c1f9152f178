"""Stories speed: near-duplicate lookup per imported article at 10,000 and 100,000 articles,
and the side-by-side view of the two longest seeds, per database.

The archive is the synthetic corpus (`benchmarks/corpus.py`) with every other word of
each file replaced by an invented word drawn from a Zipf distribution: the corpus
shuffles the five seeds' sentences, so unchanged every article would be a near-duplicate
of a fifth of the others, which no real archive is. Every measured article has one
planted near-duplicate in the archive (its first four fifths of words), so each lookup
finds and scores one pair, as for a shortened rewrite arriving after the original:
containment 1, Jaccard about 0.8. Which planted pairs LSH finds shows its recall on them.

A lookup is `near_duplicates_index` for one new article: its MinHash, its old keys and
pairs deleted, the indexed query for candidates (the newest holders of each band key),
its band keys written, the stored pairs of the candidates read (clusters), the exact
scores with the candidates' texts, the pairs written; each one is rolled back afterwards,
so the archive stays at N.
Run one case by hand: `python -m benchmarks.stories_speed --case` with DATABASE_URL set.
"""

import hashlib
import itertools
import os
import random
import statistics
import time
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from benchmarks.corpus import corpus_article
from benchmarks.databases import (
    BASE_DIR,
    POSTGRESQL,
    SQLITE,
    case_main,
    case_run,
    postgres_version,
)
from benchmarks.measure import p50_p95, progress
from benchmarks.search_speed import invented_word
from newstext.decoding import normalise_text

SIZES = (10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
LOOKUPS = 100
QUICK_LOOKUPS = 20
RENDERS = 50
QUICK_RENDERS = 10
VOCABULARY = 200_000
REPLACED_SHARE = 0.5
FILL_CHUNK = 2_000
TARGET_LOOKUP_MS = 5.0
# A story republished this many times (wire copy in many outlets), then new copies of it.
REPUBLISHED = (10, 1_000)
NEW_COPIES = 30
QUICK_NEW_COPIES = 10
LONGEST_SEEDS = ("000_2881edf72164acbb.txt", "004_0affc739ad6dba78.txt")


def run_suite(*, quick: bool) -> str:
    """Run both backends and return the markdown section."""
    load_before = os.getloadavg()[0]
    results: dict[str, dict[str, Any] | None] = {}
    for backend in (SQLITE, POSTGRESQL):
        if backend is POSTGRESQL and postgres_version() is None:
            results[backend.name] = None
            continue
        progress(f"stories: {backend.name}")
        results[backend.name] = case_run(backend, "benchmarks.stories_speed", quick=quick)
    load = (
        f"One-minute load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after "
        f"the runs on {os.cpu_count()} CPUs."
    )
    return section(results, quick=quick) + "\n\n" + load


def section(results: dict[str, dict[str, Any] | None], *, quick: bool) -> str:
    """The markdown section for the results of each backend (None: not reachable)."""
    rows, renders = [], []
    for name, result in results.items():
        if result is None:
            rows.append(f"| {name} | not reachable | | | | | |")
            continue
        rows += [_lookup_row(name, size) for size in result["lookups"]]
        renders.append(
            f"| {name} | {result['render_p50']:.1f} ms | {result['render_p95']:.1f} ms |"
        )
    lookups = QUICK_LOOKUPS if quick else LOOKUPS
    measured = next(result for result in results.values() if result is not None)
    bands, rows_per_band = measured["bands"], measured["rows"]
    low, median, high = measured["planted_jaccard"]
    return "\n".join(
        [
            f"Near-duplicate lookup for one new article in an archive of N articles ({lookups} "
            "articles, each rolled back after): MinHash (128 permutations, word 3-shingles), "
            f"{bands} LSH band keys ({bands} bands × {rows_per_band} rows) written, one indexed "
            "query for candidates, exact scores for at most NEAR_DUPLICATE_MAX_CANDIDATES "
            "of them. The archive is the synthetic corpus with every "
            "other word replaced by an invented word (Zipf), so that its articles are as "
            "distinct as real ones; each measured article has one planted near-duplicate, a "
            f"shortened copy (containment 1, Jaccard {low:.2f} to {high:.2f}, median "
            f"{median:.2f}; LSH makes a pair with Jaccard J a candidate with probability "
            f"1 − (1 − J^{rows_per_band})^{bands}). Archive fill: articles written and indexed "
            f"per second. Target: flat in N, p50 under {TARGET_LOOKUP_MS:.0f} ms.",
            "",
            "| database | N | lookup p50 | lookup p95 | candidate query p50 | planted pair found "
            "| archive fill |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            *_republished_table(results),
            "",
            f"Side-by-side view of the two longest seeds (`{LONGEST_SEEDS[0]}` and "
            f"`{LONGEST_SEEDS[1]}`) with the demo annotations, through the test client with "
            "DEBUG off (sentence splitting, alignment, word diff, highlights, template):",
            "",
            "| database | compare view p50 | p95 |",
            "| --- | ---: | ---: |",
            *renders,
        ]
    )


def _republished_table(results: dict[str, dict[str, Any] | None]) -> list[str]:
    """Cost per new copy of a story republished 10 and 1,000 times, side by side."""
    rows = [
        f"| {name} | {r['copies']:,} | {r['p50']:.2f} ms | {r['p95']:.2f} ms "
        f"| {r['entries_read']:g} | {r['pairs_read']:g} | {r['candidates']:g} | {r['pairs']:g} |"
        for name, result in results.items()
        if result is not None
        for r in result.get("republished", [])
    ]
    if not rows:
        return []
    verdicts = []
    for name, result in results.items():
        if result is None or not result.get("republished"):
            continue
        few, many = result["republished"][0], result["republished"][-1]
        same = many["candidates"] <= few["candidates"] and many["p50"] <= few["p50"] * 1.25
        verdicts.append(
            f"{name}: **{'met' if same else 'not met'}** ({many['copies']:,}× "
            f"{many['p50']:.2f} ms and {many['candidates']:g} candidates per copy, "
            f"{few['copies']:,}× {few['p50']:.2f} ms and {few['candidates']:g})"
        )
    return [
        "A story republished many times (wire copy in many outlets): the archive above "
        "plus K copies of one text, each with its own last line, so that all are "
        "near-duplicates of each other; then new copies arrive, each timed as a lookup "
        "above and rolled back. Index entries: the (band key, article) entries the "
        "candidate query reads, the newest holders of each key only; stored pairs: those "
        "of the holders, read to find clusters; candidates: the articles whose text a new "
        "copy is scored against; pairs: those kept as near-duplicates. Target (issue 16): "
        "a new copy of a story republished 1,000 times costs no more than one of a story "
        "republished 10 times (counted as met when its candidates are no more and its p50 "
        "at most 25 % above, the noise of this machine).",
        "",
        "| database | copies K | per new copy p50 | p95 | index entries read "
        "| stored pairs read | candidates scored | pairs kept |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        "Target: " + "; ".join(verdicts) + ".",
    ]


def _lookup_row(name: str, size: dict[str, Any]) -> str:
    return (
        f"| {name} | {size['n']:,} | {size['p50']:.2f} ms | {size['p95']:.2f} ms "
        f"| {size['query_p50']:.2f} ms | {size['found']} of {size['lookups']} "
        f"| {size['fill_rate']:,.0f}/s |"
    )


@cache
def _vocabulary() -> tuple[list[str], list[float]]:
    """The invented words and their cumulative Zipf weights."""
    words = [invented_word(rank) for rank in range(1, VOCABULARY + 1)]
    return words, list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))


def distinct_text(index: int) -> str:
    """Corpus file `index` with every other word replaced by an invented (Zipf) word."""
    words, cumulative = _vocabulary()
    rng = random.Random(f"newsdesk-stories:{index}")  # noqa: S311 - test data
    tokens = normalise_text(corpus_article(index)).split(" ")
    replaced = rng.choices(words, cum_weights=cumulative, k=len(tokens))
    return " ".join(
        new if rng.random() < REPLACED_SHARE else old
        for old, new in zip(tokens, replaced, strict=True)
    )


def shortened(text: str) -> str:
    """The text cut after four fifths of its words: a planted near-duplicate.

    (Not by sentences: a replaced word takes its full stop with it, so cutting at ". "
    kept anywhere from 3 % to 95 % of a text.)
    """
    words = text.split(" ")
    return " ".join(words[: max(1, len(words) * 4 // 5)])


def archive_texts(start: int, stop: int, *, planted: int) -> Iterator[tuple[str, str]]:
    """(origin, text) of archive articles start..stop-1; the first `planted` shortened."""
    for index in range(start, stop):
        if index < planted:
            yield f"bench/planted-{index}.txt", shortened(distinct_text(index))
        else:
            yield f"bench/distinct-{index:06d}.txt", distinct_text(index)


def measure(*, quick: bool) -> dict[str, Any]:
    """Fill the archive step by step, timing lookups at each size (Django must be set up)."""
    from django.conf import settings
    from django.db import connection

    sizes = QUICK_SIZES if quick else SIZES
    lookups = QUICK_LOOKUPS if quick else LOOKUPS
    render_p50, render_p95 = _render_compare(quick=quick)
    # Measured article k is corpus file k in full; archive article k is it shortened.
    results = []
    filled = 0
    for size in sizes:
        progress(f"stories: filling the archive to {size:,}")
        fill_rate = archive_fill(filled, size, planted=lookups)
        filled = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        progress(f"stories: {lookups} lookups at {size:,}")
        results.append({"n": size, **lookups_time(lookups=lookups), "fill_rate": fill_rate})
    republished = [
        _republished(copies, probes=QUICK_NEW_COPIES if quick else NEW_COPIES)
        for copies in REPUBLISHED
    ]
    return {
        "lookups": results,
        "republished": republished,
        "render_p50": render_p50,
        "render_p95": render_p95,
        "bands": settings.NEAR_DUPLICATE_LSH_BANDS,
        "rows": settings.NEAR_DUPLICATE_LSH_ROWS,
        "planted_jaccard": planted_jaccard(lookups=lookups),
    }


def planted_jaccard(*, lookups: int) -> tuple[float, float, float]:
    """The lowest, median and highest Jaccard of the measured articles' planted pairs."""
    from newstext.shingles import overlap, shingles

    planted = sorted(
        overlap(shingles(distinct_text(index)), shingles(shortened(distinct_text(index)))).jaccard
        for index in range(lookups)
    )
    return planted[0], statistics.median(planted), planted[-1]


def lookups_time(*, lookups: int) -> dict[str, Any]:
    """Time the lookups of the measured articles 0..lookups-1, each rolled back after:
    p50 and p95 of the whole lookup, p50 of the candidate query, planted pairs found."""
    from django.db import connection, transaction

    from articles.models import Article
    from stories.near_duplicates import near_duplicates_index

    totals, queries, found = [], [], 0
    for index in range(lookups):
        text = distinct_text(index)
        with transaction.atomic():
            article = Article.objects.create(
                title="measured",
                origin=f"bench/measured-{index}.txt",
                body=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
            with _QueryTimer(connection) as timer:
                started = time.perf_counter()
                report = near_duplicates_index(articles=[article])
                totals.append((time.perf_counter() - started) * 1000)
            queries.append(timer.milliseconds)
            found += report.pairs > 0
            transaction.set_rollback(True)
    p50, p95 = p50_p95(totals)
    query_p50 = statistics.median(queries)
    return {"p50": p50, "p95": p95, "query_p50": query_p50, "found": found, "lookups": lookups}


def archive_fill(start: int, stop: int, *, planted: int) -> float:
    """Write archive articles start..stop-1 and index them as an import does (the
    first `planted` shortened); returns articles written and indexed per second."""
    from articles.models import Article
    from stories.near_duplicates import near_duplicates_rebuild

    started = time.perf_counter()
    texts = archive_texts(start, stop, planted=planted)
    for chunk in itertools.batched(texts, FILL_CHUNK):
        created = Article.objects.bulk_create(
            Article(
                title=origin,
                origin=origin,
                body=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
            for origin, text in chunk
        )
        near_duplicates_rebuild(article_ids=[a.pk for a in created])
    return (stop - start) / (time.perf_counter() - started)


def _republished(copies: int, *, probes: int) -> dict[str, Any]:
    """Add a story in `copies` copies to the archive, then time new copies' lookups.

    Each copy is the same text with its own last line (the outlet), so that every copy is
    a near-duplicate of every other; each new copy is rolled back after its lookup.
    """
    from django.db import connection, transaction

    from articles.models import Article
    from stories.near_duplicates import near_duplicates_index, near_duplicates_rebuild

    text = distinct_text(SIZES[-1] + copies)  # in no archive

    def article(origin: str, ending: str) -> Article:
        body = f"{text}\n\n{ending}"
        digest = hashlib.sha256(body.encode()).hexdigest()
        return Article(title=origin, origin=origin, body=body, content_hash=digest)

    progress(f"stories: a story republished {copies:,} times")
    created = Article.objects.bulk_create(
        article(f"bench/copy-{copies}-{n}.txt", f"Erschienen in Ausgabe {n}.")
        for n in range(copies)
    )
    near_duplicates_rebuild(article_ids=[a.pk for a in created])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    totals, candidates, pairs, entries_read, pairs_read = [], [], [], [], []
    for probe in range(probes):
        with transaction.atomic():
            new = article(f"bench/new-copy-{copies}-{probe}.txt", f"Nachgedruckt, Nr. {probe}.")
            new.save()
            started = time.perf_counter()
            report = near_duplicates_index(articles=[new])
            totals.append((time.perf_counter() - started) * 1000)
            candidates.append(report.candidates)
            pairs.append(report.pairs)
            entries_read.append(report.entries_read)
            pairs_read.append(report.pairs_read)
            transaction.set_rollback(True)
    p50, p95 = p50_p95(totals)
    return {
        "copies": copies,
        "p50": p50,
        "p95": p95,
        "candidates": statistics.median(candidates),
        "pairs": statistics.median(pairs),
        "entries_read": statistics.median(entries_read),
        "pairs_read": statistics.median(pairs_read),
        "probes": probes,
    }


class _QueryTimer:
    """Times the SQL statements that read band keys, through an execute wrapper."""

    READING = ("SELECT", "WITH")

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.milliseconds = 0.0
        self._wrapper: Any = None

    def __enter__(self) -> "_QueryTimer":
        def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                if sql.startswith(self.READING) and "stories_articleband" in sql:
                    self.milliseconds += (time.perf_counter() - started) * 1000

        self._wrapper = self.connection.execute_wrapper(wrapper)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._wrapper.__exit__(*exc)


def _render_compare(*, quick: bool) -> tuple[float, float]:
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django.urls import reverse

    from annotations.demo import demo_annotations_load
    from articles.models import Article
    from ingest.demo import demo_labels_ensure
    from ingest.pipeline import files_import
    from newsdesk.roles import EDITORS, roles_ensure

    seeds = BASE_DIR / "fixtures" / "seeds"
    list(files_import([seeds], max_bytes=10**7))
    demo_labels_ensure()
    roles_ensure()
    editor = User.objects.create_user("bench-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    demo_annotations_load(BASE_DIR / "fixtures" / "demo_annotations.json", author=editor)
    left, right = (Article.objects.get(origin=name) for name in LONGEST_SEEDS)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(editor)
    url = reverse("stories:compare", args=[left.pk, right.pk])
    client.get(url)  # warm up
    samples = []
    for _ in range(QUICK_RENDERS if quick else RENDERS):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    Article.objects.all().delete()  # the archive starts empty
    return p50_p95(samples)


def main(argv: Sequence[str] | None = None) -> None:
    case_main(argv, description=__doc__, measure=measure, run_suite=run_suite)


if __name__ == "__main__":
    main()
