"""Aligning the sentences of two texts and diffing aligned sentences word by word.

`align` is a monotone dynamic programme (as in Gale and Church's sentence alignment, with
word overlap instead of length as the score): it pairs sentences in order so that the
summed similarity of the pairs is as large as possible, pairing only sentences at least
`min_similarity` alike; every other sentence stays alone on its side. Only cells within
`window` sentences of the diagonal are scored, so one pair of texts costs at most
(n + m)·(2·window + 3) similarities instead of n·m: texts up to `window` sentences long
are aligned exactly, longer ones as long as their pairs do not drift further apart than
that (a 1 MB article has some 10,000 sentences: 10^8 cells unbounded). No Django imports.
"""

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

MIN_SIMILARITY = 0.5
WINDOW = 60
_UNREACHABLE = float("-inf")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class AlignedRow:
    """One row of the side-by-side view: a sentence on the left, the right, or both."""

    left: int | None  # sentence index in the left text
    right: int | None
    similarity: float  # 0 when only one side has the sentence


def tokens(sentence: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(sentence)]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word overlap of two token lists: 2·LCS / (len a + len b), 1.0 when identical."""
    return float(Indel.normalized_similarity(a, b))


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    min_similarity: float = MIN_SIMILARITY,
    window: int = WINDOW,
) -> list[AlignedRow]:
    """The rows that pair alike sentences of `left` and `right`, in the order of both."""
    left_tokens = [tokens(s) for s in left]
    right_tokens = [tokens(s) for s in right]
    n, m = len(left), len(right)
    # score[i][j]: the best summed similarity of left[i:] and right[j:]; cells outside the
    # band are unreachable. A row's band reaches the next row's, so a path always exists.
    score: list[dict[int, float]] = [{} for _ in range(n)]
    pair: list[dict[int, float]] = [{} for _ in range(n)]

    def best_from(i: int, j: int) -> float:
        if i == n or j == m:
            return 0.0  # what is left stays alone
        return score[i].get(j, _UNREACHABLE)

    for i in range(n - 1, -1, -1):
        low = max(0, i * m // n - window)
        high = min(m - 1, -(-(i + 1) * m // n) + window)
        for j in range(high, low - 1, -1):
            alike = similarity(left_tokens[i], right_tokens[j])
            best = max(best_from(i + 1, j), best_from(i, j + 1))
            if alike >= min_similarity and alike + best_from(i + 1, j + 1) > best:
                best = alike + best_from(i + 1, j + 1)
                pair[i][j] = alike
            score[i][j] = best
    rows: list[AlignedRow] = []
    i = j = 0
    while i < n and j < m:
        alike = pair[i].get(j, 0.0)
        here = best_from(i, j)
        if alike and here == alike + best_from(i + 1, j + 1):
            rows.append(AlignedRow(i, j, alike))
            i, j = i + 1, j + 1
        elif here == best_from(i + 1, j):
            rows.append(AlignedRow(i, None, 0.0))
            i += 1
        else:
            rows.append(AlignedRow(None, j, 0.0))
            j += 1
    rows += [AlignedRow(k, None, 0.0) for k in range(i, n)]
    rows += [AlignedRow(None, k, 0.0) for k in range(j, m)]
    return rows


def changed_words(left: str, right: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The ranges of `left` and of `right` whose words the other sentence does not have."""
    left_spans = [(m.start(), m.end()) for m in _TOKEN.finditer(left)]
    right_spans = [(m.start(), m.end()) for m in _TOKEN.finditer(right)]
    matcher = difflib.SequenceMatcher(
        None,
        [left[a:b].lower() for a, b in left_spans],
        [right[a:b].lower() for a, b in right_spans],
        autojunk=False,
    )
    left_changes: list[tuple[int, int]] = []
    right_changes: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            left_changes.append((left_spans[i1][0], left_spans[i2 - 1][1]))
        if j2 > j1:
            right_changes.append((right_spans[j1][0], right_spans[j2 - 1][1]))
    return left_changes, right_changes
