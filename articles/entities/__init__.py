"""Entity recognition for German news text: `find_mentions(text)` is the entry point.

Pure code except `db.py`: matching (`matching.py`) runs one automaton over every known
surface form, discovery (`discovery.py`) proposes unknown names and spelling variants.
The gazetteer is the database's when Django is set up and has entities, the shipped
seed gazetteer (`fixtures/gazetteer.json`) otherwise.
"""

import re
import sys
from collections.abc import Callable
from dataclasses import replace

from articles.entities.discovery import discover
from articles.entities.gazetteer import (
    QUEUE_EVIDENCE,
    EntityRecord,
    Gazetteer,
    Kind,
    Method,
    seed_gazetteer,
)
from articles.entities.matching import FoundMention, Matcher, longest_first

__all__ = [
    "EntityRecord",
    "FoundMention",
    "Gazetteer",
    "Kind",
    "Matcher",
    "Method",
    "current_matcher",
    "find_mentions",
    "seed_gazetteer",
]

_seed_matcher: Matcher | None = None


def find_mentions(
    text: str, *, matcher: Matcher | None = None, candidates: bool = True
) -> list[FoundMention]:
    """Every entity mention in `text`, in text order, not overlapping.

    Known entities first (alias, inflection, derived form), then, unless `candidates` is
    false, names not yet known (method `discovery`, `entity` None) and spelling variants
    of known persons (method `fuzzy`, with the evidence).
    """
    matcher = matcher or current_matcher()
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


def current_matcher() -> Matcher:
    """The database gazetteer's matcher when Django is ready and has entities, else the seed's."""
    provider = _database_provider()
    if provider is not None:
        matcher = provider()
        if matcher is not None:
            return matcher
    return seed_matcher()


def seed_matcher() -> Matcher:
    global _seed_matcher
    if _seed_matcher is None:
        _seed_matcher = Matcher(seed_gazetteer())
    return _seed_matcher


def _database_provider() -> Callable[[], Matcher | None] | None:
    # Imported only when Django is in use, so that the pure code runs without it.
    if "django" not in sys.modules:
        return None
    from django.apps import apps

    if not apps.ready:
        return None
    from articles.entities.db import database_matcher

    return database_matcher
