"""The gazetteer in the database: Entity and EntityAlias rows as a `Gazetteer`.

The matcher is built once per process and rebuilt when the gazetteer changes: a cheap
signature query (counts and latest ids) decides, and services that change names call
`gazetteer_changed()` so that an edit in place is seen at once in this process.
"""

from django.db.models import Count, Max

from entities.models import Entity, EntityAlias, EntityCandidate
from newstext.entities import seed_matcher
from newstext.entities.gazetteer import (
    QUEUE_EVIDENCE,
    EntityRecord,
    Gazetteer,
    Kind,
    known_place_candidates,
)
from newstext.entities.matching import Matcher

_cached: tuple[tuple[object, ...], Matcher] | None = None


def gazetteer_changed() -> None:
    """Forget the cached matcher: the next detection reads the gazetteer again."""
    global _cached
    _cached = None


def database_gazetteer() -> Gazetteer:
    """Every entity in the database with its aliases; derived forms are aliases of kind
    `derived` (their stems, e.g. "aserbaidschanisch")."""
    aliases: dict[int, list[str]] = {}
    derived: dict[int, list[str]] = {}
    for entity_id, name, kind in EntityAlias.objects.values_list("entity_id", "name", "kind"):
        target = derived if kind == EntityAlias.Kind.DERIVED else aliases
        target.setdefault(entity_id, []).append(name)
    records = [
        EntityRecord(
            key=entity.pk,
            name=entity.name,
            kind=Kind(entity.kind),
            aliases=tuple(aliases.get(entity.pk, ())),
            derived=tuple(derived.get(entity.pk, ())),
            external_id=entity.external_id,
        )
        for entity in Entity.objects.only("id", "name", "kind", "external_id")
    ]
    # Fuzzy proposals ("Alijew" ≈ Aliyev) stay with the fuzzy rule, which links them.
    waiting = EntityCandidate.objects.filter(
        status=EntityCandidate.Status.OPEN, proposed_entity__isnull=True
    )
    gazetteer = Gazetteer(records, rejected_names=_rejected_names())
    gazetteer.candidates = known_place_candidates(gazetteer) | {
        name.lower(): (name, Kind(kind), QUEUE_EVIDENCE)
        for name, kind in waiting.values_list("name", "kind")
    }
    return gazetteer


def _rejected_names() -> frozenset[str]:
    rejected = EntityCandidate.objects.filter(status=EntityCandidate.Status.REJECTED)
    return frozenset(name.lower() for name in rejected.values_list("name", flat=True))


def _signature() -> tuple[object, ...]:
    entities = Entity.objects.aggregate(n=Count("id"), last=Max("id"))
    aliases = EntityAlias.objects.aggregate(n=Count("id"), last=Max("id"))
    candidates = EntityCandidate.objects.values("status").annotate(n=Count("id"), last=Max("id"))
    by_status = tuple(sorted((c["status"], c["n"], c["last"]) for c in candidates))
    return (entities["n"], entities["last"], aliases["n"], aliases["last"], by_status)


def database_matcher() -> Matcher | None:
    """The matcher over the database gazetteer, or None when the database has no entities."""
    global _cached
    signature = _signature()
    if signature[0] == 0:
        return None
    if _cached is None or _cached[0] != signature:
        _cached = (signature, Matcher(database_gazetteer()))
    return _cached[1]


def current_matcher() -> Matcher:
    """The database gazetteer's matcher, or the seed gazetteer's while the database has none."""
    return database_matcher() or seed_matcher()
