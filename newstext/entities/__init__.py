"""Entity recognition for German news text: `find_mentions(text)` is the entry point.

Pure code: matching (`matching.py`) runs one automaton over every known surface form,
a trained sequence model (`model.py`, a CRF) finds and types the names the gazetteer does
not know, and the rules of `discovery.py` add spelling variants of known persons (and, where
the model found nothing, their own candidates). The caller passes the matcher over its
gazetteer: the database's (`entities.gazetteer`) in the app, the shipped seed gazetteer
(`seed_matcher()`) elsewhere.
"""

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from newstext.entities.discovery import (
    _CAPITALISED,
    FUZZY_MIN_LENGTH,
    Token,
    _fuzzy_person,
    _strip_genitive,
    _word_before,
    _words,
    closest_surname,
    cue_kind,
    discover,
)
from newstext.entities.gazetteer import (
    QUEUE_EVIDENCE,
    EntityRecord,
    Gazetteer,
    Kind,
    Method,
    seed_gazetteer,
)
from newstext.entities.matching import FoundMention, Matcher, longest_first
from newstext.entities.model import EVIDENCE as MODEL_EVIDENCE
from newstext.entities.model import find_names
from newstext.entities.patterns import pattern_mentions

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


def find_mentions(
    text: str, *, matcher: Matcher, candidates: bool = True, model: Any = None
) -> list[FoundMention]:
    """Every entity mention in `text`, in text order, not overlapping.

    Known entities first (alias, inflection, derived form), then, unless `candidates` is
    false, names not yet known (method `discovery`, `entity` None) and spelling variants
    of known persons (method `fuzzy`, with the evidence). `model` is an opened crfsuite
    tagger other than the shipped one (the evaluation model, `model.evaluation_tagger`).
    """
    matched = _with_given_names(text, matcher.find(text))
    if not candidates:
        return [m for m in matched if m.entity is not None]
    # Names waiting in the queue come last: the model may find a longer name around one
    # ("Ilham Alijew" around a queued "Ilham"), and a wrong one must not live on by itself.
    queued = [m for m in matched if m.evidence == QUEUE_EVIDENCE]
    known = [m for m in matched if m.evidence != QUEUE_EVIDENCE]
    found = _model_mentions(text, known, matcher.gazetteer, model)
    if RULE_CANDIDATES:
        ruled = list(discover(text, known, matcher.gazetteer))
    else:
        ruled = _fuzzy_variants(text, known + found, matcher.gazetteer)
    # The model's names first, then the rules' where the model found nothing; the names
    # of news patterns ("Landgericht Hohenbrück") over what they cover.
    found = longest_first(found) + _outside(ruled, found)
    found = longest_first(pattern_mentions(text, known + found) + found)
    # Titles and events (type OTHER) are not proposed, and neither are the candidates
    # inside them ("Chiemsee" in the title „Abend am Chiemsee“).
    titles = [m for m in found if m.kind == Kind.OTHER]
    found = [m for m in found if m.kind != Kind.OTHER]
    unlinked = [m for m in known if m.entity is None]
    known = [m for m in known if m.entity is not None] + _outside(unlinked, titles)
    found += _repeated_names(text, known + found)
    # A candidate may swallow known names ("Azerbaijan Airlines"): longest wins.
    return longest_first(known + found + queued)


# The rules' own candidates (`discovery.discover`) where the model found nothing: off.
# On the validation split they traded precision for recall at the same F1 (0.712 with
# and without: P 0.731/R 0.694 with, P 0.753/R 0.676 without) and cost a third of the
# time; spelling variants of known persons are looked for in either case.
RULE_CANDIDATES = False
# Model names of type OTHER (titles, events, works) are not proposed: they are not
# scored anywhere and were mostly noise in the seeds.
MIN_OTHER_CONFIDENCE = 1.1


def rule_mentions(text: str, *, matcher: Matcher) -> list[FoundMention]:
    """The rules alone, without the model (as before it): for comparison in benchmarks
    and evaluations, not used by `find_mentions`."""
    matched = matcher.find(text)
    queued = [m for m in matched if m.evidence == QUEUE_EVIDENCE]
    known = [m for m in matched if m.evidence != QUEUE_EVIDENCE]
    found = list(discover(text, known, matcher.gazetteer))
    found += _repeated_names(text, known + found)
    return longest_first(known + found + queued)


def _with_given_names(text: str, matched: list[FoundMention]) -> list[FoundMention]:
    """A person matched by one word of a name ("Alijew", an alias of Ilham Aliyev) right
    after that person's own given name ("Ilham Alijew") is mentioned by both words: the
    given name is part of the mention, not a name of its own."""
    result = []
    for mention in matched:
        record = mention.entity
        if record is not None and record.kind == Kind.PERSON and " " not in mention.surface:
            given = _word_before(text, mention.start)
            if given is not None and given.text == record.name.split()[0] != mention.surface:
                mention = replace(
                    mention, start=given.start, surface=text[given.start : mention.end]
                )
        result.append(mention)
    return result


def _fuzzy_variants(
    text: str, taken: list[FoundMention], gazetteer: Gazetteer
) -> list[FoundMention]:
    """Capitalised words outside `taken` that are spelling variants of a known person's
    surname ("Alijew" ≈ "Aliyev"), by the rules' safe fuzzy check."""
    if not gazetteer.surname_keys:
        return []
    covered = bytearray(len(text) + 1)
    for mention in taken:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    variants = []
    for match in _CAPITALISED.finditer(text):  # `capitalised_tokens`, the long ones
        start, end = match.span()
        if end - start < FUZZY_MIN_LENGTH or covered[start] or not text[start].isupper():
            continue
        word = match.group()
        if closest_surname(_strip_genitive(word), gazetteer) is None:
            continue  # most words: `_fuzzy_person` would find no variant either
        variant = _fuzzy_person(text, [Token(start, end, word)], gazetteer, evidence="")
        if variant is not None and variant.candidate.lower() not in gazetteer.rejected_names:
            variants.append(variant)
    return variants


def _model_mentions(
    text: str, known: list[FoundMention], gazetteer: Gazetteer, model: Any = None
) -> list[FoundMention]:
    """The model's names that no known entity covers, as candidates; a person's name that
    is a spelling variant of a known person's is that person (method fuzzy)."""
    linked = bytearray(len(text) + 1)
    for mention in known:
        if mention.entity is not None:
            linked[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    mentions = []
    for name in find_names(text, model=model):
        if any(linked[name.start : name.end]):
            continue
        if name.kind == Kind.OTHER and name.confidence < MIN_OTHER_CONFIDENCE:
            continue
        surface = text[name.start : name.end]
        evidence = f"{MODEL_EVIDENCE} ({name.confidence:.2f})"
        cue = _word_before(text, name.start)
        if cue is not None and cue_kind(cue.text) is not None:
            evidence += f", after “{cue.text}”"  # the title or role the rules know
        if name.kind == Kind.PERSON:
            words = [
                Token(name.start + m.start(), name.start + m.end(), m.group())
                for m in re.finditer(r"\S+", surface)
            ]
            variant = _fuzzy_person(text, words, gazetteer, evidence)
            if variant is not None:
                # A rejected variant ("Alijew" is not Aliyev) is not proposed at all.
                if variant.candidate.lower() not in gazetteer.rejected_names:
                    mentions.append(variant)
                continue
        if surface.lower() in gazetteer.rejected_names:
            continue
        mentions.append(
            FoundMention(
                start=name.start,
                end=name.end,
                surface=surface,
                kind=name.kind,
                method=Method.DISCOVERY,
                confidence=round(name.confidence, 3),
                candidate=surface,
                evidence=evidence,
            )
        )
    return mentions


def _outside(mentions: list[FoundMention], taken: list[FoundMention]) -> list[FoundMention]:
    """The mentions that overlap none of `taken`."""
    covered = bytearray(max((m.end for m in taken), default=0) + 1)
    for mention in taken:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return [m for m in mentions if not any(covered[m.start : m.end])]


def _repeated_names(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """A name proposed once in a text is proposed wherever else it stands in that text;
    a person's one-word name not after an article ("Wolf" and "ein Wolf", "Koch" and
    "der Koch"): there it is the common noun."""
    taken = bytearray(len(text))
    for mention in mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    proposed = {m.candidate: m for m in mentions if m.method == Method.DISCOVERY}
    repeated = []
    for name, first in proposed.items():
        one_word_person = first.kind == Kind.PERSON and " " not in name
        for start, end in _standalone(text, name):
            if any(taken[start:end]):
                continue
            if one_word_person and _after_article(text, start):
                continue
            taken[start:end] = b"\x01" * (end - start)
            repeated.append(
                replace(
                    first,
                    start=start,
                    end=end,
                    surface=name,
                    confidence=first.confidence * 0.9,
                    evidence=f"proposed elsewhere in the text ({first.evidence})",
                )
            )
    return repeated


_ARTICLES = frozenset(
    _words(
        "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem "
        "keiner keines"
    )
)


def _after_article(text: str, start: int) -> bool:
    before = _word_before(text, start)
    return before is not None and before.text.lower() in _ARTICLES


def _standalone(text: str, name: str) -> Iterator[tuple[int, int]]:
    r"""Where `name` stands in `text` with no word character on either side, left to right
    and not overlapping: what `re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)`
    finds, without compiling a pattern per name (`\w` is `str.isalnum()` or "_")."""
    size, length = len(name), len(text)
    at = text.find(name)
    while at >= 0:
        end = at + size
        before = text[at - 1] if at else " "
        after = text[end] if end < length else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            at = text.find(name, at + 1)
            continue
        yield at, end
        at = text.find(name, end)


def seed_matcher() -> Matcher:
    """The matcher over the shipped seed gazetteer, built once per process."""
    global _seed_matcher
    if _seed_matcher is None:
        _seed_matcher = Matcher(seed_gazetteer())
    return _seed_matcher
