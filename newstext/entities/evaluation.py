"""Scoring `find_mentions` against GermEval 2014 (strict PER/LOC/ORG spans). Pure code.

Sentences are rebuilt by joining tokens with spaces; a mention counts only where it
covers whole tokens (a name inside a compound is GermEval's "-part", not scored) and is
not a derived form (GermEval's "-deriv", not scored either). Types OTHER and OTH are
left out, as in the usual strict PER/LOC/ORG figures.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newstext.entities.gazetteer import Kind
from newstext.entities.matching import FoundMention

SCORED = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Sentence:
    tokens: list[str]
    spans: set[tuple[int, int, str]]  # gold (first token, last token + 1, type)


@dataclass
class Score:
    true_positives: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    expected: Counter[str] = field(default_factory=Counter)
    # (type, cause, how it was found) of every false positive; (type, cause) of every
    # false negative. Causes: see `_false_positive_cause`, `_false_negative_cause`.
    false_positives: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    false_negatives: Counter[tuple[str, str]] = field(default_factory=Counter)

    def figures(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or over all scored types."""
        kinds = [kind] if kind else list(SCORED)
        tp = sum(self.true_positives[k] for k in kinds)
        predicted = sum(self.predicted[k] for k in kinds)
        expected = sum(self.expected[k] for k in kinds)
        precision = tp / predicted if predicted else 0.0
        recall = tp / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def read_germeval(path: Path) -> Iterator[Sentence]:
    """The sentences of a GermEval 2014 TSV file with their outer-layer gold spans."""
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                yield Sentence(tokens, _spans(tags))
            tokens, tags = [], []
            continue
        parts = line.split("\t")
        tokens.append(parts[1])
        tags.append(parts[2])


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans = set()
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            if kind in SCORED:
                spans.add((start, index, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = index, tag[2:]
    return spans


def score(sentences: list[Sentence], find: Callable[[str], list[FoundMention]]) -> Score:
    """Strict span-and-type scores of `find` over the sentences, with the errors' causes."""
    result = Score()
    for sentence in sentences:
        text = " ".join(sentence.tokens)
        starts, ends, position = {}, {}, 0
        for index, token in enumerate(sentence.tokens):
            starts[position] = index
            ends[position + len(token)] = index + 1
            position += len(token) + 1
        found = find(text)
        scored = {
            (starts[m.start], ends[m.end], str(m.kind)): m
            for m in found
            if m.start in starts and m.end in ends and not m.derived and m.kind != Kind.OTHER
        }
        predicted = set(scored)
        for spans, counter in ((predicted, result.predicted), (sentence.spans, result.expected)):
            counter.update(kind for _, _, kind in spans)
        result.true_positives.update(kind for _, _, kind in predicted & sentence.spans)
        for span in predicted - sentence.spans:
            cause = _false_positive_cause(span, sentence.spans)
            result.false_positives[(span[2], cause, _how_found(scored[span]))] += 1
        offsets = sorted(starts)  # character offset of every token
        for span in sentence.spans - predicted:
            first, last = offsets[span[0]], offsets[span[1] - 1] + len(sentence.tokens[span[1] - 1])
            cause = _false_negative_cause(first, last, found)
            result.false_negatives[(span[2], cause)] += 1
    return result


def _false_positive_cause(span: tuple[int, int, str], gold: set[tuple[int, int, str]]) -> str:
    start, end, _ = span
    if any((s, e) == (start, end) for s, e, _ in gold):
        return "wrong type"
    if any(s < end and start < e for s, e, _ in gold):
        return "boundary"
    return "not a name in the gold"


def _false_negative_cause(start: int, end: int, found: list[FoundMention]) -> str:
    """Why the gold name at text[start:end] was missed."""
    for mention in found:
        if (mention.start, mention.end) == (start, end):
            if mention.kind == Kind.OTHER:
                return "found, type left open (OTHER)"
            return "found as derived" if mention.derived else "found, wrong type"
    if any(m.start < end and start < m.end for m in found):
        return "boundary"
    return "not found"


def _how_found(mention: FoundMention) -> str:
    """The method, and for discovery the kind of evidence ("given name", "acronym")."""
    if mention.method != "discovery":
        return str(mention.method)
    evidence = mention.evidence.split("“")[0].split(",")[0].split(" (")[0].strip()
    return f"discovery: {evidence}"
