"""The gazetteer: known entities, their names and the surface forms derived from them.

Pure code (no Django): the shipped seed gazetteer is read from `fixtures/gazetteer.json`,
the database one is built by `entities.gazetteer` into the same `Gazetteer` shape.

Surface forms generated from every name (all matched by one automaton, `matching.py`):
- the name itself (method `alias`; the canonical name counts as an alias);
- the genitive in -s ("Putins", "Russlands", "Kremls"), method `inflection`;
- for persons, the surname alone and its genitive ("Aliyev", "Aliyevs");
- derived forms listed per entity (adjective stems and inhabitant nouns:
  "aserbaidschanisch" → Aserbaidschan) with the German adjective endings, method `derived`.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path

SEED_GAZETTEER_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer.json"

QUEUE_EVIDENCE = "in the candidate queue"
ADJECTIVE_ENDINGS = ("", "e", "en", "em", "er", "es")
# A genitive -s is not added after a sibilant: "des Kaukasus", "von Paris".
_NO_GENITIVE_S = ("s", "ß", "x", "z", "ce")

# `Gazetteer.fuzzy_matches` by the persons' surnames, the most recently used last.
_FUZZY_MATCHES: dict[tuple[str, ...], dict[str, tuple[str, float] | None]] = {}
_FUZZY_MATCH_SETS = 4


class Kind(StrEnum):
    PERSON = "PER"
    ORGANISATION = "ORG"
    PLACE = "LOC"
    OTHER = "OTHER"


class Method(StrEnum):
    """How a mention was found; the values are those stored on `Mention.method`."""

    ALIAS = "alias"
    INFLECTION = "inflection"
    DERIVED = "derived"
    DISCOVERY = "discovery"
    FUZZY = "fuzzy"
    EDITOR = "editor"


@dataclass(frozen=True)
class EntityRecord:
    """One known entity: `key` is its database id, or its canonical name in the fixture."""

    key: int | str
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()  # adjective stems or inhabitant nouns, lower or upper case
    external_id: str = ""


@dataclass(frozen=True)
class SurfaceForm:
    """A string the automaton matches, and what it stands for."""

    text: str
    entity: EntityRecord
    method: Method
    confidence: float


@dataclass
class Gazetteer:
    """Known entities, with every surface form they can appear under."""

    entities: list[EntityRecord]
    # Names an editor rejected: never proposed as candidates again (lower-cased).
    rejected_names: frozenset[str] = frozenset()
    # Names proposed wherever they stand, by lower-cased name: (name, type, evidence);
    # those waiting in the candidate queue and well-known place names.
    candidates: dict[str, tuple[str, Kind, str]] = field(default_factory=dict)
    # Every surface form, lower-cased; several entities may share one (ambiguous).
    forms: dict[str, list[SurfaceForm]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.forms:
            for form in surface_forms(self.entities):
                self.forms.setdefault(form.text.lower(), []).append(form)
            for forms in self.forms.values():
                forms.sort(key=lambda form: -form.confidence)  # a listed name before a guess

    @cached_property
    def surname_keys(self) -> tuple[str, ...]:
        return tuple(sorted(self.surnames))

    @cached_property
    def surnames_by_initial(self) -> dict[str, tuple[str, ...]]:
        """`surname_keys` by first letter (a fuzzy variant shares it), in the same order."""
        groups: dict[str, list[str]] = {}
        for key in self.surname_keys:
            groups.setdefault(key[:1], []).append(key)
        return {initial: tuple(keys) for initial, keys in groups.items()}

    @cached_property
    def fuzzy_matches(self) -> dict[str, tuple[str, float] | None]:
        """The fuzzy surname match found for each word so far (`discovery.closest_surname`),
        shared by every gazetteer with the same persons: the app rebuilds its gazetteer
        whenever a candidate is queued, and its persons rarely change."""
        shared = _FUZZY_MATCHES.pop(self.surname_keys, None)
        if shared is None:
            shared = {}
            excess = len(_FUZZY_MATCHES) - _FUZZY_MATCH_SETS + 1
            for oldest in list(_FUZZY_MATCHES)[: max(excess, 0)]:  # the least recently used
                _FUZZY_MATCHES.pop(oldest, None)  # (unless another thread dropped it)
        _FUZZY_MATCHES[self.surname_keys] = shared
        return shared

    @cached_property
    def surnames(self) -> dict[str, EntityRecord]:
        """Persons by lower-cased surname: where fuzzy variants are looked for."""
        return {
            record.name.split()[-1].lower(): record
            for record in self.entities
            if record.kind == Kind.PERSON
        }


def genitive(name: str) -> str | None:
    """The -s genitive of a name, or None where German adds none."""
    if name.lower().endswith(_NO_GENITIVE_S) or not name[-1:].isalpha():
        return None
    return name + "s"


def surface_forms(records: Iterable[EntityRecord]) -> Iterator[SurfaceForm]:
    """Every surface form of every entity, with how it relates to the entity."""
    for record in records:
        names = [(name, 1.0) for name in (record.name, *record.aliases)]
        if record.kind == Kind.PERSON:  # the surname alone, below the listed names
            names += [(name.split()[-1], 0.9) for name, _ in names if " " in name]
        seen: set[str] = set()
        for name, confidence in names:
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            yield SurfaceForm(name, record, Method.ALIAS, confidence)
            inflected = genitive(name)
            if inflected and not name.isupper():
                yield SurfaceForm(inflected, record, Method.INFLECTION, confidence - 0.05)
        for stem in record.derived:
            if stem[:1].isupper():  # an inhabitant noun: Aserbaidschaner, Russen
                yield SurfaceForm(stem, record, Method.DERIVED, 0.9)
                if stem.endswith("er"):  # plural dative: den Aserbaidschanern
                    yield SurfaceForm(stem + "n", record, Method.DERIVED, 0.9)
            else:
                for ending in ADJECTIVE_ENDINGS:
                    yield SurfaceForm(stem + ending, record, Method.DERIVED, 0.9)


def records_from_json(data: dict[str, list[dict[str, object]]]) -> list[EntityRecord]:
    """Entity records from the fixture's JSON structure (see fixtures/gazetteer.json)."""
    records = []
    for item in data["entities"]:
        name = str(item["name"])
        records.append(
            EntityRecord(
                key=name,
                name=name,
                kind=Kind(str(item["kind"])),
                aliases=tuple(str(a) for a in item.get("aliases", []) or []),  # type: ignore[attr-defined]
                derived=tuple(str(d) for d in item.get("derived", []) or []),  # type: ignore[attr-defined]
                external_id=str(item.get("external_id", "")),
            )
        )
    return records


@cache
def seed_gazetteer() -> Gazetteer:
    """The gazetteer shipped in `fixtures/gazetteer.json` (the five seeds' entities)."""
    data = json.loads(SEED_GAZETTEER_FILE.read_text(encoding="utf-8"))
    gazetteer = Gazetteer(records_from_json(data))
    gazetteer.candidates = known_place_candidates(gazetteer)
    return gazetteer


def known_place_candidates(gazetteer: Gazetteer) -> dict[str, tuple[str, Kind, str]]:
    """Well-known place names that the gazetteer does not hold, as LOC candidates."""
    from newstext.entities.world import place_candidates

    return {
        key: (name, Kind(kind), evidence)
        for key, (name, kind, evidence) in place_candidates(gazetteer.forms).items()
        if key not in gazetteer.rejected_names
    }
