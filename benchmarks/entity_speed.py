"""Entity detection: matching speed, re-detection after a new alias, GermEval 2014 F1.

- Matching: `Matcher.find` (the automaton alone) and `find_mentions` (with discovery and
  the part-of-speech check, its per-word cache cold and then warm) over the synthetic
  corpus, characters per second on one core, in this process.
- Re-detection: a fresh SQLite database, the corpus imported (which detects), then one
  alias added; `mentions_redetect_containing` must touch only the articles containing it.
  Run in its own process: `python -m benchmarks.entity_speed --redetect FOLDER` with
  `DATABASE_URL` set on a migrated, empty database prints one JSON line.
- GermEval 2014 dev (copied in `articles/tests/data/germeval2014/`): strict PER/LOC/ORG.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import SURNAMES, corpus_article, corpus_write
from benchmarks.databases import BASE_DIR, SQLITE, django_environment, fresh_database

MATCH_ARTICLES, QUICK_MATCH_ARTICLES = 5_000, 500
REDETECT_ARTICLES, QUICK_REDETECT_ARTICLES = 10_000, 500
TARGET_BYTES_PER_SECOND = 2_000_000
GERMEVAL = BASE_DIR / "articles" / "tests" / "data" / "germeval2014" / "NER-de-dev.tsv"


def run_suite(*, quick: bool) -> str:
    """Run the three measurements and return the markdown body of the entities section."""
    texts = [corpus_article(i) for i in range(QUICK_MATCH_ARTICLES if quick else MATCH_ARTICLES)]
    speed = matching_speed(texts)
    germeval = germeval_scores()
    count = QUICK_REDETECT_ARTICLES if quick else REDETECT_ARTICLES
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        folder = Path(tmp)
        corpus_write(folder / "corpus", count=count)
        with fresh_database(SQLITE, folder=folder) as url:
            completed = subprocess.run(  # noqa: S603 - our own interpreter and module
                [
                    sys.executable,
                    "-m",
                    "benchmarks.entity_speed",
                    "--redetect",
                    str(folder / "corpus"),
                ],
                cwd=BASE_DIR,
                env=django_environment(url, debug=False),
                check=True,
                capture_output=True,
                text=True,
            )
    redetect = json.loads(completed.stdout.splitlines()[-1])
    return report_markdown(speed, germeval, redetect)


def matching_speed(texts: list[str]) -> dict[str, Any]:
    from articles.entities import find_mentions, seed_matcher

    matcher = seed_matcher()
    chars = sum(len(t) for t in texts)
    encoded = sum(len(t.encode("utf-8")) for t in texts)
    figures: dict[str, Any] = {"articles": len(texts), "chars": chars, "bytes": encoded}
    runs: list[tuple[str, Callable[[str], list[Any]]]] = [
        ("automaton", matcher.find),
        ("find_mentions, cold cache", lambda t: find_mentions(t, matcher=matcher)),
        ("find_mentions, warm cache", lambda t: find_mentions(t, matcher=matcher)),
    ]
    for name, find in runs:
        start = time.process_time()
        mentions = sum(len(find(t)) for t in texts)
        seconds = time.process_time() - start
        figures[name] = {"seconds": seconds, "mentions": mentions}
    return figures


def germeval_scores() -> dict[str, tuple[float, float, float, int]]:
    from articles.entities import find_mentions, seed_matcher
    from articles.entities.evaluation import SCORED, read_germeval, score

    matcher = seed_matcher()
    result = score(list(read_germeval(GERMEVAL)), lambda t: find_mentions(t, matcher=matcher))
    rows = {kind: (*result.figures(kind), result.expected[kind]) for kind in SCORED}
    rows["all"] = (*result.figures(), sum(result.expected.values()))
    return rows


def report_markdown(
    speed: dict[str, Any],
    germeval: dict[str, tuple[float, float, float, int]],
    redetect: dict[str, Any],
) -> str:
    lines = [
        f"Matching over {speed['articles']:,} synthetic articles "
        f"({speed['chars'] / 1e6:.1f} M characters, {speed['bytes'] / 1e6:.1f} MB UTF-8), "
        "CPU time of one process (one core); target 2 MB/s for matching:",
        "",
        "| step | chars/s | MB/s | mentions |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in ("automaton", "find_mentions, cold cache", "find_mentions, warm cache"):
        run = speed[name]
        lines.append(
            f"| {name} | {speed['chars'] / run['seconds']:,.0f} | "
            f"{speed['bytes'] / run['seconds'] / 1e6:.2f} | {run['mentions']:,} |"
        )
    lines += [
        "",
        f"Re-detection after adding one alias (“{redetect['alias']}”) on SQLite: "
        f"{redetect['touched']:,} of {redetect['articles']:,} articles re-detected "
        f"(those containing it), in {redetect['seconds']:.2f} s; "
        f"{redetect['mentions_added']:,} mentions added. The import itself (with detection) "
        f"took {redetect['import_seconds']:.1f} s.",
        "",
        "GermEval 2014 dev (2,200 sentences), strict span and type, outer layer:",
        "",
        "| type | precision | recall | F1 | gold spans |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind, (precision, recall, f1, expected) in germeval.items():
        lines.append(f"| {kind} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {expected:,} |")
    return "\n".join(lines)


def redetect_case(corpus: Path) -> dict[str, Any]:
    """Import the corpus (detecting), add one alias, re-detect; in a Django process."""
    import django

    django.setup()
    from articles.importing import articles_import
    from articles.mentions import detection_matcher, mentions_detect, mentions_redetect_containing
    from articles.models import Article, Entity, EntityAlias, Mention

    start = time.perf_counter()
    list(articles_import([corpus], max_bytes=10**7))
    if not Mention.objects.exists():  # an import that does not detect yet
        matcher = detection_matcher()
        articles = list(Article.objects.only("id", "body"))
        for index in range(0, len(articles), 500):
            mentions_detect(articles=articles[index : index + 500], matcher=matcher)
    import_seconds = time.perf_counter() - start
    alias = SURNAMES[0]
    before = Mention.objects.count()
    EntityAlias.objects.create(entity=Entity.objects.get(name="Wladimir Putin"), name=alias)
    start = time.perf_counter()
    report = mentions_redetect_containing(names=[alias])
    seconds = time.perf_counter() - start
    return {
        "alias": alias,
        "articles": Article.objects.count(),
        "touched": report.articles,
        "seconds": seconds,
        "mentions_added": Mention.objects.count() - before,
        "import_seconds": import_seconds,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--redetect", type=Path, help="corpus folder (needs DATABASE_URL)")
    options = parser.parse_args(argv)
    if options.redetect:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
        print(json.dumps(redetect_case(options.redetect)))
    else:
        print(run_suite(quick=True))


if __name__ == "__main__":
    main()
