"""Finding known entities in text: one Aho-Corasick automaton over every surface form.

One pass over the lower-cased text finds every occurrence of every surface form; each is
kept only when it stands on word boundaries and its case fits (a proper name must start
with a capital, an adjective may not), and among overlapping matches the longest, then
leftmost, wins ("Wladimir Putin" over "Putin"). No Django imports.

"Kremlchef" (decided for issue 4): a role word, not a mention of the Kreml. It does not
match (no word boundary after "Kreml"), it is a title cue before a person's name in
discovery ("Kremlchef Wladimir Putin"), and standing alone it is left unlinked: which
person it means depends on the date, and coreference is not done here.
A name joined by a hyphen ("Kreml-Angaben") is a mention of the name.
"""

from dataclasses import dataclass
from typing import Any

import ahocorasick

from newstext.entities.gazetteer import EntityRecord, Gazetteer, Kind, Method, SurfaceForm


@dataclass(frozen=True)
class FoundMention:
    """A name found at text[start:end] (code points), resolved to an entity or a candidate."""

    start: int
    end: int
    surface: str
    kind: Kind
    method: Method
    confidence: float
    entity: EntityRecord | None = None  # None: a candidate, not yet a known entity
    candidate: str = ""  # the candidate's proposed name (discovery, fuzzy)
    evidence: str = ""  # why: the cue, the head word, the fuzzy comparison

    @property
    def derived(self) -> bool:
        return self.method == Method.DERIVED


# A match resolved: kind, method, confidence, entity, candidate name, evidence.
_Resolved = tuple[Kind, Method, float, EntityRecord | None, str, str]


class Matcher:
    """The automaton for one gazetteer; build once, use on many texts.

    What a match stands for depends only on the form matched and how it is written, so
    it is worked out once per (form, spelling) and remembered (at most `MAX_RESOLVED`).
    """

    MAX_RESOLVED = 100_000

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.automaton: Any = ahocorasick.Automaton()
        for key in gazetteer.forms:
            self.automaton.add_word(key, (len(key), key))
        for key in gazetteer.candidates:
            if key not in gazetteer.forms:
                self.automaton.add_word(key, (len(key), key))
        self.empty = not gazetteer.forms and not gazetteer.candidates
        self._resolved: dict[tuple[str, str], _Resolved | None] = {}
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[FoundMention]:
        """Known entities in `text`, longest match first, not overlapping, in text order."""
        if self.empty:
            return []
        lowered = lower_same_length(text)
        length = len(text)
        resolved = self._resolved
        found: list[FoundMention] = []
        for last, (size, key) in self.automaton.iter(lowered):
            start, end = last - size + 1, last + 1
            if (start > 0 and text[start - 1].isalnum()) or (end < length and text[end].isalnum()):
                continue
            surface = text[start:end]
            try:
                hit = resolved[key, surface]
            except KeyError:
                if len(resolved) >= self.MAX_RESOLVED:
                    resolved.clear()
                hit = resolved[key, surface] = self._resolve(key, surface)
            if hit is not None:
                kind, method, confidence, entity, candidate, evidence = hit
                found.append(
                    FoundMention(
                        start, end, surface, kind, method, confidence, entity, candidate, evidence
                    )
                )
        return longest_first(found)

    def _resolve(self, key: str, surface: str) -> _Resolved | None:
        """What a match of `key` written as `surface` stands for (None: its case does not
        fit): kind, method, confidence, entity, candidate name and evidence."""
        if key not in self.gazetteer.forms:
            name, kind, evidence = self.gazetteer.candidates[key]
            # The name's own capitals ("Berlin", "CDU"; "Kanadas" for "Kanada"; a declined
            # adjective: "Europäischen Union" for "Europäische Union").
            if (
                surface[: len(name)] == name
                or (name.isupper() and surface.istitle())
                or (" " in name and surface[:1].isupper() and _capitals_fit(name, surface))
            ):
                return kind, Method.DISCOVERY, 0.6, None, name, evidence
            return None
        forms = self.gazetteer.forms[key]
        form = _form_fitting_case(forms, surface)
        if form is None:
            return None
        rivals = {f.entity.key for f in forms if f.confidence >= form.confidence}
        ambiguous = len(rivals) > 1
        confidence = form.confidence * (0.5 if ambiguous else 1.0)
        return form.entity.kind, form.method, confidence, form.entity, "", ""


def longest_first(mentions: list[FoundMention]) -> list[FoundMention]:
    """Non-overlapping mentions: the longest wins, then the leftmost; in text order."""
    if len(mentions) < 2:
        return list(mentions)
    chosen: list[FoundMention] = []
    taken = bytearray(max(m.end for m in mentions))
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if any(taken[mention.start : mention.end]):
            continue
        chosen.append(mention)
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(chosen, key=lambda m: m.start)


def lower_same_length(text: str) -> str:
    """`text` lower-cased code point by code point, so that offsets stay the same."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # Rare: "İ" lowers to two code points.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _form_fitting_case(forms: list[SurfaceForm], surface: str) -> SurfaceForm | None:
    """The first form whose case fits the surface: names need their capital, acronyms
    may be written as words ("Nato"), adjectives may open a sentence ("Russische")."""
    for form in forms:
        if form.method == Method.DERIVED and form.text[:1].islower():
            return form
        if surface == form.text:
            return form
        if form.text.isupper() and surface[:1].isupper():
            return form
        if surface[:1].isupper() and _capitals_fit(form.text, surface):
            return form
    return None


def _capitals_fit(form: str, surface: str) -> bool:
    """Every word capitalised in the form is capitalised in the surface too."""
    return all(
        not f[:1].isupper() or s[:1].isupper()
        for f, s in zip(form.split(), surface.split(), strict=False)
    )
