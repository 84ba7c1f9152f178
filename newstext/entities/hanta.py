"""HanTa (the Hanover Tagger) with a faster scoring of a word's tags: the same scores.

HanTa scores the parts of speech of a word that its table of known words does not hold
by a Viterbi pass over every split of the word into morphemes (`analyze_forward`), in
pure Python: 0.6 to 1 ms per word, most of the entity finder's time on text whose words
a process has not met before (docs/architecture/entity-model.md). `Tagger` runs the same
pass, in the same order and with the same arithmetic, with the per-morpheme score
(HanTa's `lp_m_t`) inlined and what depends only on a tag or a state looked up once,
so its scores are HanTa's bit for bit (`test_hanta_scores_every_word_as_hanta_does`).
"""

import math
from functools import cache
from operator import itemgetter
from typing import Any

from HanTa.HanoverTagger import EMPTY, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

_LOWER_BOUND = -1e6  # HanTa's: a path scoring at most this is dropped
# HanTa's penalty for reading the whole word as one unknown morpheme.
_WHOLE_WORD_PENALTY = 4.6
_MAX_LENGTH = 24  # HanTa's longest morpheme length with a probability of its own

State = tuple[int, int]
# A state's follower: tag, transition score, the tag's known morphemes and, where HanTa
# guesses unknown morphemes for the tag, its suffix scores and its base score by length.
Follower = tuple[int, float, dict[str, float], dict[str, float] | None, list[float] | None]


class Tagger(HanoverTagger):
    """HanTa's German tagger; `analyze_forward` as HanTa's, faster."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        guessed = {t for t in self.LP_hapax_t if t in self.LP_s_t}
        # Per tag HanTa guesses for, an unknown morpheme's score before its suffix's, by
        # length: HanTa's Int_t + LP_hapax_t[t] + LP_len_t[t][length], added in its order.
        self._unknown_base = {
            t: [
                self.Int_t + self.LP_hapax_t[t] + self.LP_len_t[t][n]
                for n in range(_MAX_LENGTH + 1)
            ]
            for t in guessed
        }
        self._followers: dict[State, list[Follower]] = {}

    def _followers_of(self, state: State) -> list[Follower]:
        found = self._followers.get(state)
        if found is None:
            found = self._followers[state] = [
                (
                    tag,
                    score,
                    self.LP_m_t[tag],
                    self.LP_s_t[tag] if tag in self._unknown_base else None,
                    self._unknown_base.get(tag),
                )
                for tag, score in self.LP_trans_nonfinal.get(state, [])
            ]
        return found

    def analyze_forward(self, word: str) -> list[tuple[int, Any]]:
        """The scores of the word's parts of speech, best first: HanTa's."""
        if self.strict:
            return list(super().analyze_forward(word))
        length = len(word)
        short = length < 4
        table: list[dict[State, float]] = [{(EMPTY, START): 0}]
        table += [{} for _ in range(length + 1)]
        for i in range(length + 1):
            row = table[i]
            # Only the best states go on (HanTa's beam: the fourth best less one).
            bound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
            for state, score in row.items():
                if score < bound:
                    continue
                followers = self._followers_of(state)
                previous = state[1]
                for j in range(i + 1, length + 1):
                    segment = word[i:j]
                    size = j - i
                    cell = table[j]
                    for tag, transition, known, suffixes, base in followers:
                        if segment in known:
                            morpheme = known[segment]
                        elif suffixes is not None and base is not None and (short or size > 2):
                            morpheme = base[min(size, _MAX_LENGTH)] + _suffix_score(
                                segment, size, suffixes
                            )
                            if size == length:
                                morpheme -= _WHOLE_WORD_PENALTY
                        else:
                            continue  # HanTa scores it minus infinity: no path
                        total = score + transition + morpheme
                        if total > _LOWER_BOUND:
                            key = (previous, tag)
                            old = cell.get(key)
                            if old is None or total > old:
                                cell[key] = total
        last = table[-1]
        for state, score in table[-2].items():
            for tag, transition in self.LP_trans_final.get(state, []):
                total = score + transition
                if total > _LOWER_BOUND:
                    key = (state[1], tag)
                    if key not in last or total > last[key]:
                        last[key] = total
        results: dict[int, Any] = {}
        for state, score in last.items():
            if score == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], score) if pos in results else score
        scored = sorted(results.items(), key=itemgetter(1), reverse=True)
        return scored or [(UNKNOWN, 0)]


def _suffix_score(segment: str, size: int, suffixes: dict[str, float]) -> float:
    """HanTa's score of an unknown morpheme's longest known suffix (up to 4 letters)."""
    for n in (4, 3, 2, 1):
        if size > n and segment[-n:] in suffixes:
            return suffixes[segment[-n:]]
    return suffixes[""]


@cache
def tagger() -> Tagger:
    """The German model, loaded once per process."""
    return Tagger("morphmodel_ger.pgz")
