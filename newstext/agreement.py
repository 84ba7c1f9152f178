"""Agreement between annotators on the same articles (pure: no Django imports).

- Span agreement between two annotators: precision, recall and F1 of one's spans against
  the other's, where spans match one to one if they have the same label and either the
  same range (`exact`) or overlapping ranges (`overlap`). F1 is symmetric; precision and
  recall swap when the two swap.
- Label agreement: the spans of all annotators of an article are aligned into *units*
  (spans that overlap, at most one per annotator; a span nobody else marked is a unit of
  its own). In each unit every annotator of the article gives a label, or "nothing"
  (`NO_SPAN`) when they did not mark it. Cohen's kappa for two annotators,
  Krippendorff's alpha (nominal) for any number, both over these units.
- For a set of articles, the counts of every article are pooled (micro-average) and the
  units of every article go into one kappa / alpha.
"""

import itertools
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

NO_SPAN = "∅"
MatchMode = Literal["exact", "overlap"]
MODES: tuple[MatchMode, ...] = ("exact", "overlap")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str
    key: object = field(default=None, compare=False)  # e.g. the annotation's id


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _overlap_length(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@dataclass(frozen=True)
class PairScore:
    """Matches of `candidate` spans against `reference` spans."""

    matched: int
    reference: int
    candidate: int

    @property
    def precision(self) -> float:
        return self.matched / self.candidate if self.candidate else float(not self.reference)

    @property
    def recall(self) -> float:
        return self.matched / self.reference if self.reference else float(not self.candidate)

    @property
    def f1(self) -> float:
        total = self.reference + self.candidate
        return 2 * self.matched / total if total else 1.0

    def __add__(self, other: "PairScore") -> "PairScore":
        return PairScore(
            self.matched + other.matched,
            self.reference + other.reference,
            self.candidate + other.candidate,
        )


def match_spans(
    reference: Sequence[Span], candidate: Sequence[Span], *, mode: MatchMode, labelled: bool = True
) -> list[tuple[Span, Span]]:
    """One-to-one matches: exact ranges first, then (for `overlap`) the largest overlaps."""
    pairs: list[tuple[float, int, int]] = []
    for i, j in _touching(reference, candidate):
        a, b = reference[i], candidate[j]
        if labelled and a.label != b.label:
            continue
        if (a.start, a.end) == (b.start, b.end):
            pairs.append((0, i, j))
        elif mode == "overlap" and overlaps(a, b):
            pairs.append((1 - _overlap_length(a, b) / max(a.end, b.end), i, j))
    pairs.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matches.append((reference[i], candidate[j]))
    return matches


def _touching(reference: Sequence[Span], candidate: Sequence[Span]) -> Iterator[tuple[int, int]]:
    """(i, j) of the reference and candidate spans that overlap or share a range; others
    (most pairs, on a long article) are never looked at."""
    order = sorted(range(len(candidate)), key=lambda j: candidate[j].start)
    starts = [candidate[j].start for j in order]
    longest = max((b.end - b.start for b in candidate), default=0)
    for i, a in enumerate(reference):
        # A candidate starting before a.start - longest ends before a starts.
        first = bisect_left(starts, a.start - longest)
        for position in range(first, bisect_right(starts, a.end)):
            yield i, order[position]


def pair_score(
    reference: Sequence[Span], candidate: Sequence[Span], *, mode: MatchMode
) -> PairScore:
    return PairScore(
        len(match_spans(reference, candidate, mode=mode)), len(reference), len(candidate)
    )


@dataclass(frozen=True)
class Unit:
    """Spans of several annotators at one place; `spans[name]` is None where one marked nothing."""

    spans: dict[str, Span | None]

    def labels(self) -> dict[str, str]:
        return {name: span.label if span else NO_SPAN for name, span in self.spans.items()}

    @property
    def agreed(self) -> bool:
        return len(set(self.labels().values())) == 1

    @property
    def start(self) -> int:
        return min(span.start for span in self.spans.values() if span)


def align_units(spans_by_annotator: Mapping[str, Sequence[Span]]) -> list[Unit]:
    """Units of one article: each annotator's spans matched pairwise by overlap, in text order.

    A span joins the unit whose first span overlaps it most (the earliest such unit on a
    tie) among those without a span of its annotator, else starts a unit. Units are found
    through their first spans sorted by start, so a span looks only at those near it."""
    names = sorted(spans_by_annotator)
    units: list[dict[str, Span | None]] = []
    anchors: list[Span] = []  # each unit's first span
    by_start: list[tuple[int, int]] = []  # (anchor start, unit index), sorted
    longest = 0  # the longest anchor: one starting further before a span cannot reach it
    for name in names:
        for span in sorted(spans_by_annotator[name]):
            best: int | None = None
            best_overlap = 0
            first = bisect_left(by_start, (span.start - longest, -1))
            for position in range(first, len(by_start)):
                anchor_start, index = by_start[position]
                if anchor_start >= span.end:
                    break
                if units[index].get(name) is not None:
                    continue
                overlap = _overlap_length(anchors[index], span)
                if overlap > best_overlap or (
                    overlap and overlap == best_overlap and best is not None and index < best
                ):
                    best, best_overlap = index, overlap
            if best is None:
                best = len(units)
                units.append({})
                anchors.append(span)
                insort(by_start, (span.start, best))
                longest = max(longest, span.end - span.start)
            units[best][name] = span
    return sorted(
        (Unit({name: unit.get(name) for name in names}) for unit in units),
        key=lambda unit: (unit.start, [s.end if s else 0 for s in unit.spans.values()]),
    )


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' categories; None when undefined (no items, or no variation)."""
    items = list(pairs)
    if not items:
        return None
    n = len(items)
    observed = sum(a == b for a, b in items) / n
    first = Counter(a for a, _ in items)
    second = Counter(b for _, b in items)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Iterable[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha, nominal, for units of values (None: that rater gave none).

    Units with fewer than two values do not count. None when undefined (no pairable
    values, or every value the same).
    """
    coincidence: dict[tuple[str, str], float] = {}
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            pair = (values[i], values[j])
            coincidence[pair] = coincidence.get(pair, 0) + 1 / (m - 1)
    totals: dict[str, float] = {}
    for (c, _), count in coincidence.items():
        totals[c] = totals.get(c, 0) + count
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(count for (c, k), count in coincidence.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


@dataclass(frozen=True)
class Agreement:
    """Agreement of the annotators of one article or a set of articles."""

    annotators: list[str]
    pairs: dict[tuple[str, str], dict[MatchMode, PairScore]]
    units: list[Unit]
    kappa: float | None  # two annotators only
    alpha: float | None

    @property
    def disagreements(self) -> list[Unit]:
        return [unit for unit in self.units if not unit.agreed]


def agreement(documents: Iterable[Mapping[str, Sequence[Span]]]) -> Agreement:
    """Agreement over documents, each given as spans by annotator (pooled for several)."""
    annotators: set[str] = set()
    pairs: dict[tuple[str, str], dict[MatchMode, PairScore]] = {}
    units: list[Unit] = []
    for spans in documents:
        names = sorted(spans)
        annotators.update(names)
        for a, b in itertools.combinations(names, 2):
            scores = pairs.setdefault((a, b), {m: PairScore(0, 0, 0) for m in MODES})
            for mode in MODES:
                scores[mode] = scores[mode] + pair_score(spans[a], spans[b], mode=mode)
        if len(names) >= 2:
            units += align_units(spans)
    names = sorted(annotators)
    kappa = None
    if len(names) == 2:
        kappa = cohen_kappa(
            (u.labels()[names[0]], u.labels()[names[1]])
            for u in units
            if names[0] in u.spans and names[1] in u.spans
        )
    alpha = krippendorff_alpha([list(u.labels().get(n) for n in names) for u in units])
    return Agreement(names, pairs, units, kappa, alpha)
