"""Entity recognition for German news text: `find_mentions(text)` is the entry point.

Pure code: matching (`matching.py`) runs one automaton over every known surface form,
discovery (`discovery.py`) proposes unknown names and spelling variants. The caller
passes the matcher over its gazetteer: the database's (`entities.gazetteer`) in the app,
the shipped seed gazetteer (`seed_matcher()`) elsewhere.
"""

import re
from dataclasses import replace

from newstext.entities.discovery import discover
from newstext.entities.gazetteer import (
    QUEUE_EVIDENCE,
    EntityRecord,
    Gazetteer,
    Kind,
    Method,
    seed_gazetteer,
)
from newstext.entities.matching import FoundMention, Matcher, longest_first

__all__ = [
    "EntityRecord",
    "FoundMention",
    "Gazetteer",
    "Kind",
    "Matcher",
    "Method",
    "find_mentions",
    "seed_gazetteer",
]

_seed_matcher: Matcher | None = None


def find_mentions(text: str, *, matcher: Matcher, candidates: bool = True) -> list[FoundMention]:
    """Every entity mention in `text`, in text order, not overlapping.

    Known entities first (alias, inflection, derived form), then, unless `candidates` is
    false, names not yet known (method `discovery`, `entity` None) and spelling variants
    of known persons (method `fuzzy`, with the evidence).
    """
    matched = matcher.find(text)
    if not candidates:
        return [m for m in matched if m.entity is not None]
    # Names waiting in the queue come last: discovery may find a longer name around one
    # ("Ilham Alijew" around a queued "Ilham"), and a wrong one must not live on by itself.
    queued = [m for m in matched if m.evidence == QUEUE_EVIDENCE]
    known = [m for m in matched if m.evidence != QUEUE_EVIDENCE]
    found = list(discover(text, known, matcher.gazetteer))
    found += _repeated_names(text, known + found)
    # A candidate may swallow known names ("Azerbaijan Airlines"): longest wins.
    return longest_first(known + found + queued)


def _repeated_names(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """A name proposed once in a text is proposed wherever else it stands in that text."""
    taken = bytearray(len(text))
    for mention in mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    proposed = {m.candidate: m for m in mentions if m.method == Method.DISCOVERY}
    repeated = []
    for name, first in proposed.items():
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            repeated.append(
                replace(
                    first,
                    start=match.start(),
                    end=match.end(),
                    surface=match.group(),
                    confidence=first.confidence * 0.9,
                    evidence=f"proposed elsewhere in the text ({first.evidence})",
                )
            )
    return repeated


def seed_matcher() -> Matcher:
    """The matcher over the shipped seed gazetteer, built once per process."""
    global _seed_matcher
    if _seed_matcher is None:
        _seed_matcher = Matcher(seed_gazetteer())
    return _seed_matcher
