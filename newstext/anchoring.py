"""Finding a quote in (possibly changed) text: the re-anchoring rule (no Django imports).

`locate` is the one function every place that moves an annotation to other text uses.

1. Exact occurrences of the quote come first: if there are any, the one whose
   surroundings best match the stored prefix and suffix wins, then the one nearest the
   old position (a hint), then the earliest.
2. Otherwise the quote was edited: approximate occurrences with at most
   min(256, len/2) edits are searched (rapidfuzz, in C), and those with the fewest
   edits are scored as Hypothesis's client does: quote 50, prefix 20, suffix 20,
   position 2.
3. A weak approximate match is worse than none: the best one is rejected (None, the
   annotation is orphaned) when its score is below `MIN_SCORE` or when any 16-character
   stretch of the quote lost more than 40 % of its characters (a rewritten clause).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

# How many characters of context the quote selector keeps on either side.
CONTEXT_CHARS = 32

MAX_ERRORS = 256
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
# Normalised score (0..1) below which an approximate match is not trusted.
MIN_SCORE = 0.6
# Every stretch of this many quote characters must keep at least 60 % of them.
STRETCH_CHARS = 16
MIN_STRETCH_SIMILARITY = 0.6
# Windows whose rough (Indel) similarity is this many points below the best are skipped.
WINDOW_SLACK = 12.0
# Quotes up to this length are searched window by window; longer ones by exact pieces.
SHORT_QUOTE_CHARS = 64
PIECE_CHARS = 8
MAX_PLACES = 8


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    errors: int


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix stored with a quote at text[start:end]."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def locate(
    text: str, exact: str, prefix: str, suffix: str, hint: int | None
) -> tuple[int, int] | None:
    """Where `exact` now is in `text`: (start, end) in code points, or None if not found."""
    if not exact or not text:
        return None
    matches = list(exact_matches(text, exact))
    if not matches:
        matches = approximate_matches(text, exact, min(MAX_ERRORS, len(exact) // 2), hint)
    if len(matches) == 1 and not matches[0].errors:
        return matches[0].start, matches[0].end
    if not matches:
        return None
    best = max(matches, key=lambda m: match_score(text, exact, prefix, suffix, hint, m))
    if best.errors and not _confident(text, exact, prefix, suffix, hint, best):
        return None
    return best.start, best.end


def exact_matches(text: str, exact: str) -> Iterator[Match]:
    """Every occurrence of `exact` in `text`, overlapping ones included, in text order."""
    position = text.find(exact)
    while position != -1:
        yield Match(position, position + len(exact), 0)
        position = text.find(exact, position + 1)


def approximate_matches(text: str, exact: str, max_errors: int, hint: int | None) -> list[Match]:
    """The spans of `text` within `max_errors` edits of `exact` with the fewest edits.

    Only rough places are found first (in C, by rapidfuzz, or by exact pieces of a long
    quote); each is then aligned exactly, so long texts cost little Python work.
    """
    if len(exact) <= SHORT_QUOTE_CHARS:
        rough = _short_quote_places(text, exact, max_errors)
        reach = max_errors
    else:
        rough = _long_quote_places(text, exact, max_errors, hint)
        reach = min(max_errors, 2 * STRETCH_CHARS)
    first = [
        Match(start, end, Levenshtein.distance(exact, text[start:end])) for start, end in rough
    ]
    if not first:
        return []
    # Moving both ends by `reach` saves at most 2 * reach edits: skip hopeless places.
    hopeless = min(match.errors for match in first) + 2 * reach
    found: dict[tuple[int, int], Match] = {}
    for rough_match in (match for match in first if match.errors <= hopeless):
        match = _tightest(text, exact, rough_match, reach)
        if match.errors <= max_errors:
            found[match.start, match.end] = match
    if not found:
        return []
    fewest = min(match.errors for match in found.values())
    return sorted(
        (match for match in found.values() if match.errors == fewest), key=lambda m: m.start
    )


def _short_quote_places(text: str, exact: str, max_errors: int) -> Iterator[tuple[int, int]]:
    """Best partial-ratio spans of overlapping windows (rapidfuzz's fast path up to 64 chars)."""
    step = max(len(exact), STRETCH_CHARS)
    width = step + len(exact) + max_errors
    starts = list(range(0, max(len(text) - width, 0) + 1, step))
    if starts[-1] + width < len(text):
        starts.append(len(text) - width)
    windows = [text[start : start + width] for start in starts]
    ranked = process.extract(exact, windows, scorer=fuzz.partial_ratio, limit=None)
    cutoff = ranked[0][1] - WINDOW_SLACK
    for window, _score, index in (r for r in ranked if r[1] >= cutoff):
        alignment = fuzz.partial_ratio_alignment(exact, window)
        if alignment is None:
            continue
        if len(exact) <= len(window):
            yield starts[index] + alignment.dest_start, starts[index] + alignment.dest_end
        else:  # rapidfuzz aligned the (short) text inside the quote
            yield starts[index], starts[index] + len(window)


def _long_quote_places(
    text: str, exact: str, max_errors: int, hint: int | None
) -> Iterator[tuple[int, int]]:
    """Spans where most exact 8-character pieces of a long quote put its start.

    A long quote kept well enough to be trusted keeps some pieces unchanged; the old
    position (hint) is always tried as well.
    """
    votes: dict[int, int] = {}
    for offset in range(0, len(exact) - PIECE_CHARS + 1, PIECE_CHARS):
        piece = exact[offset : offset + PIECE_CHARS]
        position = text.find(piece)
        while position != -1:
            votes[position - offset] = votes.get(position - offset, 0) + 1
            position = text.find(piece, position + 1)
    chosen: list[int] = [] if hint is None else [hint]
    for start in sorted(votes, key=lambda key: -votes[key]):
        if len(chosen) > MAX_PLACES:
            break
        if all(abs(start - other) > max_errors for other in chosen):
            chosen.append(start)
    for start in chosen:
        clipped = min(max(start, 0), len(text))
        yield clipped, min(clipped + len(exact), len(text))


def _tightest(text: str, exact: str, best: Match, reach: int) -> Match:
    """The span near `best` with the fewest edits from `exact` (ends moved in turn)."""
    for _ in range(2):
        for moved_start in range(max(0, best.start - reach), best.start + reach + 1):
            best = _better(best, text, exact, moved_start, best.end)
        for moved_end in range(best.end - reach, min(len(text), best.end + reach) + 1):
            best = _better(best, text, exact, best.start, moved_end)
    return best


def _better(best: Match, text: str, exact: str, start: int, end: int) -> Match:
    if end <= start:
        return best
    errors = Levenshtein.distance(exact, text[start:end], score_cutoff=best.errors)
    if errors > best.errors:
        return best
    closer = abs(end - start - len(exact)) < abs(best.end - best.start - len(exact))
    return Match(start, end, errors) if errors < best.errors or closer else best


def match_score(
    text: str, exact: str, prefix: str, suffix: str, hint: int | None, match: Match
) -> float:
    """Hypothesis's score of a match, from 0 to 1 (quote 50, prefix 20, suffix 20, position 2)."""
    quote = 1 - match.errors / len(exact)
    before = _similarity(text[max(0, match.start - len(prefix)) : match.start], prefix)
    after = _similarity(text[match.end : match.end + len(suffix)], suffix)
    position = 1.0 if hint is None else 1 - abs(match.start - hint) / len(text)
    total = (
        QUOTE_WEIGHT * quote
        + PREFIX_WEIGHT * before
        + SUFFIX_WEIGHT * after
        + POSITION_WEIGHT * position
    )
    return total / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)


def _similarity(found: str, wanted: str) -> float:
    """1 when `wanted` occurs in `found`, 0 for nothing in common; 1 when nothing is wanted."""
    if not wanted:
        return 1.0
    return 1 - fewest_edits(wanted, found) / len(wanted)


def fewest_edits(pattern: str, text: str) -> int:
    """The fewest edits that turn `pattern` into some substring of `text`.

    Myers' bit-parallel search (one step per character of `text`): for the short
    context strings only, never for an article body.
    """
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | 1 << i
    every, top = (1 << len(pattern)) - 1, 1 << (len(pattern) - 1)
    positive, negative, score = every, 0, len(pattern)
    fewest = score
    for char in text:
        equal = masks.get(char, 0)
        vertical = equal | negative
        horizontal = ((((equal & positive) + positive) & every) ^ positive) | equal
        plus = negative | (~(horizontal | positive) & every)
        minus = positive & horizontal
        if plus & top:
            score += 1
        elif minus & top:
            score -= 1
        plus, minus = (plus << 1) & every, (minus << 1) & every
        positive = minus | (~(vertical | plus) & every)
        negative = plus & vertical
        fewest = min(fewest, score)
    return fewest


def _confident(
    text: str, exact: str, prefix: str, suffix: str, hint: int | None, match: Match
) -> bool:
    """Whether an approximate match is good enough to move an annotation to."""
    if match_score(text, exact, prefix, suffix, hint, match) < MIN_SCORE:
        return False
    found = text[match.start : match.end]
    # Where each quote position ended up in `found` (an insertion moves the ones after it).
    mapped = list(range(len(exact) + 1))
    for op in Levenshtein.opcodes(exact, found):
        for i in range(op.src_start, op.src_end + 1):
            mapped[i] = min(op.dest_start + i - op.src_start, op.dest_end)
    mapped[len(exact)] = len(found)
    edges = [*range(0, max(len(exact) - STRETCH_CHARS, 0) + 1, STRETCH_CHARS), len(exact)]
    for a, b in pairwise(edges):
        part = Levenshtein.normalized_similarity(exact[a:b], found[mapped[a] : mapped[b]])
        if part < MIN_STRETCH_SIMILARITY:
            return False
    return True
