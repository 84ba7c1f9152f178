"""Entity detection: matching speed, re-detection after a new alias, GermEval 2014 F1.

- Matching: `Matcher.find` (the automaton alone) and `find_mentions` (with discovery and
  the part-of-speech check, its per-word cache cold and then warm) over the synthetic
  corpus, characters per second on one core, in this process.
- Re-detection: a fresh SQLite database, the corpus imported (which detects), then one
  alias added; `mentions_redetect_containing` must touch only the articles containing it.
  Run in its own process: `python -m benchmarks.entity_speed --redetect FOLDER` with
  `DATABASE_URL` set on a migrated, empty database prints one JSON line.
- GermEval 2014 dev (copied in `newstext/tests/data/germeval2014/`): strict PER/LOC/ORG.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.corpus import SURNAMES, corpus_article, corpus_write
from benchmarks.databases import BASE_DIR, SQLITE, django_environment, fresh_database

if TYPE_CHECKING:
    from newstext.entities.evaluation import Score

MATCH_ARTICLES, QUICK_MATCH_ARTICLES = 5_000, 500
REDETECT_ARTICLES, QUICK_REDETECT_ARTICLES = 10_000, 500
TARGET_BYTES_PER_SECOND = 2_000_000
GERMEVAL = BASE_DIR / "newstext" / "tests" / "data" / "germeval2014" / "NER-de-dev.tsv"


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
    from newstext.entities import find_mentions, seed_matcher

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


def germeval_scores() -> "Score":
    from newstext.entities import find_mentions, seed_matcher
    from newstext.entities.evaluation import read_germeval, score

    matcher = seed_matcher()
    return score(list(read_germeval(GERMEVAL)), lambda t: find_mentions(t, matcher=matcher))


def germeval_markdown(result: "Score") -> list[str]:
    """Scores per type, the errors by type and cause, and how false positives were found."""
    from newstext.entities.evaluation import SCORED

    lines = [
        "| type | precision | recall | F1 | gold spans |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind in (*SCORED, None):
        precision, recall, f1 = result.figures(kind)
        expected = result.expected[kind] if kind else sum(result.expected.values())
        lines.append(
            f"| {kind or 'all'} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {expected:,} |"
        )
    fp_causes = sorted({cause for _, cause, _ in result.false_positives})
    fn_causes = sorted({cause for _, cause in result.false_negatives})
    fp_counts: Counter[tuple[str, str]] = Counter()
    by_rule: Counter[str] = Counter()
    for (kind, cause, how), n in result.false_positives.items():
        fp_counts[(kind, cause)] += n
        by_rule[how] += n
    for title, causes, counts in (
        ("False positives (a scored mention that is not a gold span)", fp_causes, fp_counts),
        (
            "False negatives (a gold span not predicted with its type)",
            fn_causes,
            result.false_negatives,
        ),
    ):
        lines += ["", f"{title}, by type and cause:", ""]
        lines += ["| type | " + " | ".join(causes) + " |", "| --- |" + " ---: |" * len(causes)]
        for kind in SCORED:
            lines.append(f"| {kind} | " + " | ".join(str(counts[(kind, c)]) for c in causes) + " |")
    lines += ["", "False positives by the rule that found them (top 8):", ""]
    lines += [f"- {how}: {n}" for how, n in by_rule.most_common(8)]
    return lines


def report_markdown(
    speed: dict[str, Any],
    germeval: "Score",
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
        "GermEval 2014 dev (2,200 sentences; the only split in the project, and the one the "
        "rules were developed on, so there is no held-out figure), strict span and type, "
        "outer layer; mentions typed OTHER and derived forms are not scored:",
        "",
        *germeval_markdown(germeval),
    ]
    return "\n".join(lines)


def redetect_case(corpus: Path) -> dict[str, Any]:
    """Import the corpus (detecting), add one alias, re-detect; in a Django process."""
    import django

    django.setup()
    from articles.importing import articles_import
    from articles.models import Article
    from entities.models import Entity, EntityAlias, Mention
    from entities.services import detection_matcher, mentions_detect, mentions_redetect_containing

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
