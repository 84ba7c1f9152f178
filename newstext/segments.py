"""Cutting a text into runs covered by the same set of highlights (no Django imports).

Overlapping and nested highlights become flat, non-overlapping segments, each knowing
every range that covers it, so the template renders plain sibling `<mark>`s that stay
clickable however the ranges overlap. Linear in text length plus ranges (after sorting).
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Highlight:
    key: int
    start: int
    end: int


class Segment(NamedTuple):
    """A run of text covered by the same highlights (a tuple: a page makes thousands)."""

    start: int
    end: int
    text: str
    keys: tuple[int, ...]  # covering highlights, shortest (innermost) first


@dataclass(frozen=True)
class BlockSegments:
    kind: str
    start: int
    segments: list[Segment]


def segment(text: str, highlights: Sequence[Highlight], cuts: Sequence[int] = ()) -> list[Segment]:
    """Segments of the whole text, also cut at `cuts`; empty highlights are ignored."""
    start, end = 0, len(text)
    length = {h.key: h.end - h.start for h in highlights}
    events: dict[int, list[tuple[bool, int]]] = {}
    for h in highlights:
        lo, hi = max(h.start, start), min(h.end, end)
        if lo >= hi:
            continue
        events.setdefault(lo, []).append((True, h.key))
        events.setdefault(hi, []).append((False, h.key))
    boundaries = sorted({start, end, *events, *(c for c in cuts if start < c < end)})
    active: dict[int, None] = {}
    keys: tuple[int, ...] = ()
    segments: list[Segment] = []
    append = segments.append
    for lo, hi in itertools.pairwise(boundaries):
        changes = events.get(lo)
        if changes:  # the covering set changes only where a highlight opens or closes
            for opening, key in changes:
                if opening:
                    active[key] = None
                else:
                    active.pop(key, None)
            keys = tuple(sorted(active, key=length.__getitem__))
        append(Segment(lo, hi, text[lo:hi], keys))
    return segments


def segment_blocks(
    text: str, blocks: Sequence[tuple[str, int, int]], highlights: Sequence[Highlight]
) -> list[BlockSegments]:
    """Segments grouped by block (kind, start, end); text between blocks is not rendered."""
    cuts = [edge for _, lo, hi in blocks for edge in (lo, hi)]
    segments = segment(text, highlights, cuts=cuts)
    result = []
    index = 0
    for kind, lo, hi in blocks:
        while index < len(segments) and segments[index].start < lo:
            index += 1
        inside = []
        while index < len(segments) and segments[index].end <= hi:
            inside.append(segments[index])
            index += 1
        result.append(BlockSegments(kind, lo, inside))
    return result
