"""Rebuild the entity model from the committed training data, deterministically.

    .venv/bin/python -m newstext.entities.training.train   (or `make entity-model`)

Reads `data/` (GermEval 2014; German LER on request; see `data/README.md`) and the word
clusters (`clusters.py`, `make entity-model` recomputes them first), and trains a
linear-chain CRF (crfsuite, L-BFGS with L1 and L2 regularisation, fixed iterations: the
same data give the same model file) twice:

1. on the training split alone, written to `training/data/ner-train-only.crfsuite`, and
   scored on the validation split (every second GermEval dev sentence): strict P/R/F1 per
   type for the model alone and for `find_mentions` with it. These are the figures to
   report; the settings were chosen on them.
2. with the same settings on training and validation sentences together, written to
   `newstext/entities/data/ner.crfsuite`: the model the app uses.
"""

import argparse
import os
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newstext.entities.features import sentence_features
from newstext.entities.model import (
    EVALUATION_MODEL_FILE,
    MODEL_FILE,
    feature_matcher,
    gazetteer_tags,
    tag_sentence,
)
from newstext.entities.training.corpus import Labelled, splits

SCORED = ("PER", "LOC", "ORG")
PARAMETERS: dict[str, Any] = {
    "c1": 0.02,
    "c2": 0.01,
    "max_iterations": 100,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def items(sentence: Labelled) -> list[list[str]]:
    """The sentence's features, its gazetteer matches taken on the words joined by spaces."""
    text = " ".join(sentence.words)
    spans, position = [], 0
    for word in sentence.words:
        spans.append((position, position + len(word)))
        position += len(word) + 1
    return sentence_features(sentence.words, gazetteer_tags(text, spans, feature_matcher()))


def train(
    sentences: Sequence[Labelled], output: Path, parameters: dict[str, Any] | None = None
) -> None:
    """Train on the sentences and write the model file (atomically)."""
    import pycrfsuite  # type: ignore[import-untyped]

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**PARAMETERS, **(parameters or {})})
    for sentence in sentences:
        trainer.append(items(sentence), sentence.labels)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, suffix=".crfsuite.tmp")
    os.close(handle)
    try:
        trainer.train(temporary)
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def spans_of(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    spans = set()
    first, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        if first >= 0 and not (label.startswith("I-") and label[2:] == kind):
            spans.add((first, index, kind))
            first = -1
        if label.startswith("B-") or (label.startswith("I-") and first < 0):
            first, kind = index, label[2:]
    return spans


def evaluate(
    sentences: Sequence[Labelled], model_file: Path
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[tuple[str, str]]]:
    """(true positives, predicted, expected) per type, and confusions (gold, predicted)
    for spans with the right boundaries and the wrong type, of the model alone."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    tp: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    confused: Counter[tuple[str, str]] = Counter()
    for sentence in sentences:
        gold = {s for s in spans_of(sentence.labels) if s[2] in SCORED}
        text = " ".join(sentence.words)
        offsets, position = [], 0
        for word in sentence.words:
            offsets.append((position, position + len(word)))
            position += len(word) + 1
        gaz = gazetteer_tags(text, offsets, feature_matcher())
        found = {
            (t.first, t.last, _label(t.kind))
            for t in tag_sentence(sentence.words, gaz, tagger)
            if _label(t.kind) in SCORED
        }
        tp.update(k for _, _, k in gold & found)
        predicted.update(k for _, _, k in found)
        expected.update(k for _, _, k in gold)
        by_bounds = {(s, e): k for s, e, k in found}
        for s, e, k in gold - found:
            if (s, e) in by_bounds:
                confused[(k, by_bounds[(s, e)])] += 1
    return tp, predicted, expected, confused


def _label(kind: object) -> str:
    return "OTH" if str(kind) == "OTHER" else str(kind)


def figures(tp: Counter[str], predicted: Counter[str], expected: Counter[str]) -> list[str]:
    lines = ["type   P      R      F1     gold"]
    for kind in (*SCORED, None):
        kinds = [kind] if kind else list(SCORED)
        t = sum(tp[k] for k in kinds)
        p = sum(predicted[k] for k in kinds)
        e = sum(expected[k] for k in kinds)
        precision = t / p if p else 0.0
        recall = t / e if e else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        lines.append(f"{kind or 'all':6} {precision:.3f}  {recall:.3f}  {f1:.3f}  {e}")
    return lines


def pipeline_figures(validation: Sequence[Labelled], model_file: Path) -> list[str]:
    """find_mentions (seed gazetteer, the model in `model_file`, fuzzy variants) on the
    validation sentences."""
    from newstext.entities import find_mentions, seed_matcher
    from newstext.entities.evaluation import Sentence, score
    from newstext.entities.evaluation import _spans as outer_spans
    from newstext.entities.model import tagger

    sentences = [Sentence(s.words, outer_spans(s.labels)) for s in validation]
    matcher = seed_matcher()
    model = tagger(model_file)
    result = score(sentences, lambda text: find_mentions(text, matcher=matcher, model=model))
    lines = ["type   P      R      F1     gold"]
    for kind in (*SCORED, None):
        precision, recall, f1 = result.figures(kind)
        gold = result.expected[kind] if kind else sum(result.expected.values())
        lines.append(f"{kind or 'all':6} {precision:.3f}  {recall:.3f}  {f1:.3f}  {gold}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild the entity model (CRF).")
    parser.add_argument("--output", type=Path, default=MODEL_FILE, help="the shipped model")
    parser.add_argument(
        "--evaluation-output",
        type=Path,
        default=EVALUATION_MODEL_FILE,
        help="the model trained without the validation split",
    )
    parser.add_argument("--ler", action="store_true", help="add German LER (worse so far)")
    parser.add_argument("--c1", type=float, default=PARAMETERS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMETERS["c2"])
    parser.add_argument("--iterations", type=int, default=PARAMETERS["max_iterations"])
    parser.add_argument("--skip-pipeline", action="store_true", help="model figures only")
    parser.add_argument("--skip-final", action="store_true", help="validate only (for experiments)")
    options = parser.parse_args(argv)
    settings = {"c1": options.c1, "c2": options.c2, "max_iterations": options.iterations}
    started = time.perf_counter()
    training, validation = splits(ler=options.ler)
    print(f"training on {len(training):,} sentences, validating on {len(validation):,}")
    output = options.evaluation_output
    train(training, output, settings)
    print(f"wrote {output} ({output.stat().st_size / 1e6:.1f} MB) in ", end="")
    print(f"{time.perf_counter() - started:.0f} s")
    tp, predicted, expected, confused = evaluate(validation, output)
    print("\nvalidation, model alone (strict spans, PER/LOC/ORG):")
    print("\n".join(figures(tp, predicted, expected)))
    print("right span, wrong type (gold → predicted):")
    for (gold, got), n in confused.most_common():
        print(f"  {gold} → {got}: {n}")
    if not options.skip_pipeline:
        print("\nvalidation, find_mentions (seed gazetteer, model, fuzzy variants):")
        print("\n".join(pipeline_figures(validation, output)))
    if options.skip_final:
        return
    started = time.perf_counter()
    everything = [*training, *validation]
    train(everything, options.output, settings)
    print(
        f"\nthe shipped model, trained on all {len(everything):,} sentences (validation "
        f"included, so the figures above are the train-only model's): {options.output} "
        f"({options.output.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
