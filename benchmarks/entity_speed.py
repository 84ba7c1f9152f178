"""Entity detection: matching speed, re-detection after a new alias, GermEval 2014 F1.

- Matching: `Matcher.find` (the automaton alone), `find_mentions` (the gazetteer, the
  sequence model and fuzzy variants; its caches cold, then every sentence remembered
  from that run, then the per-word caches warm but no sentence remembered: text that
  does not repeat, as the synthetic corpus does four sentences of five) and, for
  comparison, the rules alone (`rule_mentions`, as before the model) over the synthetic
  corpus, characters per second on one core, in this process; and the model's load time
  and resident memory (in a fresh process).
- Re-detection: a fresh SQLite database, the corpus imported (which detects), then one
  alias added; `mentions_redetect_containing` must touch only the articles containing it.
  Run in its own process: `python -m benchmarks.entity_speed --redetect FOLDER` with
  `DATABASE_URL` set on a migrated, empty database prints one JSON line.
- GermEval 2014 dev (copied in `newstext/tests/data/germeval2014/`): strict PER/LOC/ORG
  on the model's validation split (every second sentence; the others are trained on),
  with the model and with the rules alone.
- Cold cost on real text: `find_mentions` in a fresh process over articles of 20
  distinct validation sentences (words the training text may not hold, as in news), CPU
  time per article while the process meets their words for the first time, then again
  with the sentences forgotten and the words known; and the part of the cold time spent
  in HanTa (`features.hanta_analysis` of the distinct capitalised words, timed again
  afterwards). Run by hand: `python -m benchmarks.entity_speed --cold` prints one JSON
  line.
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
from benchmarks.databases import (
    BASE_DIR,
    SQLITE,
    django_environment,
    fresh_database,
    module_run,
)

if TYPE_CHECKING:
    from newstext.entities.evaluation import Score

MATCH_ARTICLES, QUICK_MATCH_ARTICLES = 5_000, 500
REDETECT_ARTICLES, QUICK_REDETECT_ARTICLES = 10_000, 500
TARGET_BYTES_PER_SECOND = 2_000_000
MODEL_TARGET_BYTES_PER_SECOND = 500_000
GERMEVAL = BASE_DIR / "newstext" / "tests" / "data" / "germeval2014" / "NER-de-dev.tsv"


def run_suite(*, quick: bool) -> str:
    """Run the three measurements and return the markdown body of the entities section."""
    texts = [corpus_article(i) for i in range(QUICK_MATCH_ARTICLES if quick else MATCH_ARTICLES)]
    load_before = os.getloadavg()[0]
    speed = matching_speed(texts)
    speed["load average"] = (load_before, os.getloadavg()[0])
    speed["model load"] = model_load()
    cold = module_run(["benchmarks.entity_speed", "--cold"], environment=dict(os.environ))
    germeval = germeval_scores()
    germeval_rules = germeval_scores(rules_only=True)
    count = QUICK_REDETECT_ARTICLES if quick else REDETECT_ARTICLES
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        folder = Path(tmp)
        corpus_write(folder / "corpus", count=count)
        with fresh_database(SQLITE, folder=folder) as url:
            redetect = module_run(
                ["benchmarks.entity_speed", "--redetect", str(folder / "corpus")],
                environment=django_environment(url, debug=False),
            )
    return report_markdown(speed, germeval, redetect, germeval_rules, cold)


def matching_speed(texts: list[str]) -> dict[str, Any]:
    from newstext.entities import find_mentions, rule_mentions, seed_matcher
    from newstext.entities.model import forget_sentences

    matcher = seed_matcher()

    def afresh(text: str) -> list[Any]:
        forget_sentences()
        return find_mentions(text, matcher=matcher)

    chars = sum(len(t) for t in texts)
    encoded = sum(len(t.encode("utf-8")) for t in texts)
    figures: dict[str, Any] = {"articles": len(texts), "chars": chars, "bytes": encoded}
    runs: list[tuple[str, Callable[[str], list[Any]]]] = [
        ("automaton", matcher.find),
        ("find_mentions, cold cache", lambda t: find_mentions(t, matcher=matcher)),
        ("find_mentions, every sentence seen before", lambda t: find_mentions(t, matcher=matcher)),
        ("find_mentions, warm cache, no sentence seen before", afresh),
        ("rules alone (no model), warm cache", lambda t: rule_mentions(t, matcher=matcher)),
    ]
    for name, find in runs:
        start = time.process_time()
        mentions = sum(len(find(t)) for t in texts)
        seconds = time.process_time() - start
        figures[name] = {"seconds": seconds, "mentions": mentions}
    return figures


_LOAD_SCRIPT = """
import json, os, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
start = time.perf_counter()
import newstext.entities.model as model
imported = rss()
model.tagger()
seconds = time.perf_counter() - start
opened = rss()
start = time.perf_counter()
model.find_names("Bundeskanzlerin Angela Merkel besuchte am Montag Paris.")
first = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_mb": opened, "added_mb": opened - imported,
                  "first_call_seconds": first, "first_call_rss_mb": rss()}))
"""


def model_load() -> dict[str, Any]:
    """The model in a fresh process: seconds to import and open it, resident memory after,
    and the part that opening it added."""
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _LOAD_SCRIPT],
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    from newstext.entities.model import MODEL_FILE

    figures["file_mb"] = MODEL_FILE.stat().st_size / 1e6
    return figures


COLD_SENTENCES_PER_ARTICLE = 20


def cold_case() -> dict[str, Any]:
    """`find_mentions` (seed gazetteer, shipped model) over articles of distinct GermEval
    validation sentences, in this process, which must not have analysed their words yet:
    CPU ms per article cold and with the words known, and the cold time's share in HanTa."""
    from newstext.entities import features, find_mentions, seed_matcher
    from newstext.entities.evaluation import read_germeval
    from newstext.entities.model import forget_sentences

    matcher = seed_matcher()
    find_mentions("Bundeskanzlerin Angela Merkel besuchte am Montag Paris.", matcher=matcher)
    validation = list(read_germeval(GERMEVAL))[1::2]
    step = COLD_SENTENCES_PER_ARTICLE
    texts = [
        " ".join(" ".join(s.tokens) for s in validation[i : i + step])
        for i in range(0, len(validation), step)
    ]
    analysed_before = features.hanta_analysis.cache_info().currsize
    load = os.getloadavg()[0]
    start = time.process_time()
    for text in texts:
        find_mentions(text, matcher=matcher)
    cold = time.process_time() - start
    analysed = features.hanta_analysis.cache_info().currsize - analysed_before
    forget_sentences()
    start = time.process_time()
    for text in texts:
        find_mentions(text, matcher=matcher)
    warm = time.process_time() - start
    words = {w for s in validation for w in s.tokens if w[:1].isupper()}
    features.hanta_analysis.cache_clear()
    start = time.process_time()
    for word in words:
        features.hanta_analysis(word)
    hanta = time.process_time() - start
    return {
        "articles": len(texts),
        "sentences": len(validation),
        "words_analysed": analysed,
        "cold_ms": cold / len(texts) * 1000,
        "known_words_ms": warm / len(texts) * 1000,
        "hanta_ms": hanta / len(texts) * 1000,
        "load": (load, os.getloadavg()[0]),
    }


def germeval_scores(*, rules_only: bool = False) -> "Score":
    """`find_mentions` (or the rules alone) on the model's validation split, with the model
    trained without those sentences (the shipped one has seen them)."""
    from newstext.entities import find_mentions, rule_mentions, seed_matcher
    from newstext.entities.evaluation import read_germeval, score
    from newstext.entities.model import evaluation_tagger

    matcher = seed_matcher()
    validation = list(read_germeval(GERMEVAL))[1::2]  # the model trains on the others
    if rules_only:
        return score(validation, lambda t: rule_mentions(t, matcher=matcher))
    model = evaluation_tagger()
    return score(validation, lambda t: find_mentions(t, matcher=matcher, model=model))


def side_by_side(model: "Score", rules: "Score") -> list[str]:
    """Strict P/R/F1 per type of find_mentions with the model and of the rules alone."""
    from newstext.entities.evaluation import SCORED

    lines = [
        "| type | model P | model R | model F1 | rules P | rules R | rules F1 | gold spans |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in (*SCORED, None):
        cells = [f"{x:.3f}" for result in (model, rules) for x in result.figures(kind)]
        expected = model.expected[kind] if kind else sum(model.expected.values())
        lines.append(f"| {kind or 'all'} | " + " | ".join(cells) + f" | {expected:,} |")
    return lines


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
    germeval_rules: "Score | None" = None,
    cold: dict[str, Any] | None = None,
) -> str:
    lines = [
        f"Matching over {speed['articles']:,} synthetic articles "
        f"({speed['chars'] / 1e6:.1f} M characters, {speed['bytes'] / 1e6:.1f} MB UTF-8), "
        "CPU time of one process (one core); targets 2 MB/s for matching, "
        "0.5 MB/s for find_mentions with the model:",
        "",
        "| step | chars/s | MB/s | mentions |",
        "| --- | ---: | ---: | ---: |",
    ]
    names = [n for n in speed if isinstance(speed[n], dict) and "mentions" in speed[n]]
    for name in names:
        run = speed[name]
        lines.append(
            f"| {name} | {speed['chars'] / run['seconds']:,.0f} | "
            f"{speed['bytes'] / run['seconds'] / 1e6:.2f} | {run['mentions']:,} |"
        )
    if "load average" in speed:
        before, after = speed["load average"]
        lines += [
            "",
            f"One-minute load average {before:.1f} before and {after:.1f} after these runs on "
            f"{os.cpu_count()} CPUs: other work on the machine slows even CPU time.",
        ]
    if "model load" in speed:
        load = speed["model load"]
        lines += [
            "",
            f"Entity model (`newstext/entities/data/ner.crfsuite`, {load['file_mb']:.1f} MB): "
            f"imported and opened in {load['seconds']:.2f} s in a fresh process, which then "
            f"held {load['rss_mb']:.0f} MB resident ({load['added_mb']:.1f} MB added by "
            "opening the model); the first sentence tagged (which loads HanTa for the "
            f"part-of-speech features) took {load['first_call_seconds']:.2f} s more, "
            f"{load['first_call_rss_mb']:.0f} MB resident after it; targets < 2 s and "
            "< 100 MB.",
        ]
    if cold is not None:
        lines += ["", *cold_markdown(cold)]
    lines += [
        "",
        f"Re-detection after adding one alias (“{redetect['alias']}”) on SQLite: "
        f"{redetect['touched']:,} of {redetect['articles']:,} articles re-detected "
        f"(those containing it), in {redetect['seconds']:.2f} s; "
        f"{redetect['mentions_added']:,} mentions added. The import itself (with detection) "
        f"took {redetect['import_seconds']:.1f} s.",
        "",
        "GermEval 2014 dev, the entity model's validation split (every second sentence, "
        "1,100), strict span and type, outer layer; mentions typed OTHER and derived "
        "forms are not scored. *model*: `find_mentions` (seed gazetteer, sequence model, "
        "fuzzy variants) with the model trained without these sentences "
        "(`ner-train-only.crfsuite`; the shipped model is trained on them too); *rules*: "
        "the rules alone (`rule_mentions`, as before the model; they were developed on the "
        "whole dev file):",
        "",
    ]
    if germeval_rules is not None:
        lines += side_by_side(germeval, germeval_rules)
    lines += [
        "",
        "The errors of `find_mentions` with the model:",
        *germeval_markdown(germeval)[6:],
    ]
    return "\n".join(lines)


def cold_markdown(cold: dict[str, Any]) -> list[str]:
    """The cold cost on real text, as one paragraph."""
    before, after = cold["load"]
    return [
        f"Cold cost on real text: `find_mentions` (seed gazetteer, shipped model) in a fresh "
        f"process over {cold['articles']} articles of {COLD_SENTENCES_PER_ARTICLE} distinct "
        f"GermEval validation sentences ({cold['sentences']:,} in all), CPU time: "
        f"**{cold['cold_ms']:.1f} ms per article** while the process meets their words "
        f"({cold['words_analysed']:,} capitalised words new to it), "
        f"{cold['known_words_ms']:.1f} ms once it knows them (sentences forgotten). Of the "
        f"cold time, HanTa's analysis of the new words took {cold['hanta_ms']:.1f} ms per "
        f"article ({cold['hanta_ms'] / cold['cold_ms']:.0%}). Load average {before:.1f} "
        f"before, {after:.1f} after.",
    ]


def redetect_case(corpus: Path) -> dict[str, Any]:
    """Import the corpus (detecting), add one alias, re-detect; in a Django process."""
    import django

    django.setup()
    from articles.models import Article
    from entities.models import Entity, EntityAlias, Mention
    from entities.services import detection_matcher, mentions_detect, mentions_redetect_containing
    from ingest.pipeline import files_import

    start = time.perf_counter()
    list(files_import([corpus], max_bytes=10**7))
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
    parser.add_argument("--cold", action="store_true", help="the cold cost on real text")
    options = parser.parse_args(argv)
    if options.cold:
        print(json.dumps(cold_case()))
    elif options.redetect:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
        print(json.dumps(redetect_case(options.redetect)))
    else:
        print(run_suite(quick=True))


if __name__ == "__main__":
    main()
