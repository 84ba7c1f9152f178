"""Aligning the sentences of two texts and diffing aligned sentences word by word.

`align` is a monotone dynamic programme (as in Gale and Church's sentence alignment, with
word overlap instead of length as the score): it pairs sentences in order so that the
summed similarity of the pairs is as large as possible, pairing only sentences at least
`min_similarity` alike; every other sentence stays alone on its side. O(n·m) for one
pair of texts. No Django imports.
"""

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

MIN_SIMILARITY = 0.5
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
    left: Sequence[str], right: Sequence[str], *, min_similarity: float = MIN_SIMILARITY
) -> list[AlignedRow]:
    """The rows that pair alike sentences of `left` and `right`, in the order of both."""
    left_tokens = [tokens(s) for s in left]
    right_tokens = [tokens(s) for s in right]
    n, m = len(left), len(right)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    pair = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            alike = similarity(left_tokens[i], right_tokens[j])
            best = max(score[i + 1][j], score[i][j + 1])
            if alike >= min_similarity and alike + score[i + 1][j + 1] > best:
                best = alike + score[i + 1][j + 1]
                pair[i][j] = alike
            score[i][j] = best
    rows: list[AlignedRow] = []
    i = j = 0
    while i < n and j < m:
        if pair[i][j] and score[i][j] == pair[i][j] + score[i + 1][j + 1]:
            rows.append(AlignedRow(i, j, pair[i][j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
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
