"""Finding a quote in (possibly changed) text: the re-anchoring rule (no Django imports).

`locate` is the one function every place that moves an annotation to other text uses.
It finds exact occurrences of the quote and picks the one whose surrounding text best
matches the stored prefix and suffix, breaking ties by closeness to the old position.
"""

# How many characters of context the quote selector keeps on either side.
CONTEXT_CHARS = 32


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix stored with a quote at text[start:end]."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def locate(text: str, exact: str, prefix: str, suffix: str, hint: int) -> tuple[int, int] | None:
    """Where `exact` now is in `text`: (start, end) in code points, or None if absent."""
    if not exact:
        return None
    candidates = []
    position = text.find(exact)
    while position != -1:
        candidates.append(position)
        position = text.find(exact, position + 1)
    if not candidates:
        return None

    def score(start: int) -> tuple[int, int]:
        end = start + len(exact)
        before = text[max(0, start - len(prefix)) : start]
        after = text[end : end + len(suffix)]
        context = _common_length(before[::-1], prefix[::-1]) + _common_length(after, suffix)
        return context, -abs(start - hint)

    best = max(candidates, key=score)
    return best, best + len(exact)


def _common_length(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))
