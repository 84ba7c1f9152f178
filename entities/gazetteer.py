"""The gazetteer in the database: Entity and EntityAlias rows as a `Gazetteer`.

The matcher is built once per process and rebuilt when the gazetteer changes: cheap
signature queries (counts and latest ids, of the history too) decide, and services that
change names call `gazetteer_changed()` so that an edit in place is seen at once in this
process. When only the candidate queue changed, the entities' part is kept.
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

# The matcher, by the signature of the whole gazetteer; the gazetteer without the
# queue of candidates (entities, aliases, rejected names, well-known places) by the
# signature of those: detection queues candidates in nearly every batch, which changes
# the first, and rarely adds or edits a name, which changes the second.
_cached: tuple[tuple[object, ...], Matcher] | None = None
_names_cached: tuple[tuple[object, ...], Gazetteer] | None = None


def gazetteer_changed() -> None:
    """Forget the cached matcher: the next detection reads the gazetteer again."""
    global _cached, _names_cached
    _cached = _names_cached = None


def _names_gazetteer() -> Gazetteer:
    """The gazetteer of the entities, their aliases and the rejected names, with the
    well-known places it does not hold as candidates; no queued candidates."""
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
    gazetteer = Gazetteer(records, rejected_names=_rejected_names())
    gazetteer.candidates = known_place_candidates(gazetteer)
    return gazetteer


def _with_queue(names: Gazetteer) -> Gazetteer:
    """`names` (its surface forms as they are) with the names waiting in the candidate
    queue as candidates too."""
    # Fuzzy proposals ("Alijew" ≈ Aliyev) stay with the fuzzy rule, which links them.
    waiting = EntityCandidate.objects.filter(
        status=EntityCandidate.Status.OPEN, proposed_entity__isnull=True
    )
    return Gazetteer(
        names.entities,
        rejected_names=names.rejected_names,
        candidates=names.candidates
        | {
            name.lower(): (name, Kind(kind), QUEUE_EVIDENCE)
            for name, kind in waiting.values_list("name", "kind")
        },
        forms=names.forms,
    )


def _rejected_names() -> frozenset[str]:
    rejected = EntityCandidate.objects.filter(status=EntityCandidate.Status.REJECTED)
    return frozenset(name.lower() for name in rejected.values_list("name", flat=True))


def _signatures() -> tuple[tuple[object, ...], tuple[object, ...]]:
    """Cheap signatures (counts and latest ids) of the names (entities, aliases and their
    edits, whichever process made them, rejected names) and of the whole gazetteer
    (the names and the candidate queue)."""
    entities = Entity.objects.aggregate(n=Count("id"), last=Max("id"))
    aliases = EntityAlias.objects.aggregate(n=Count("id"), last=Max("id"))
    edits = (
        Entity.history.aggregate(last=Max("history_id"))["last"],
        EntityAlias.history.aggregate(last=Max("history_id"))["last"],
    )
    candidates = EntityCandidate.objects.values("status").annotate(n=Count("id"), last=Max("id"))
    by_status = tuple(sorted((c["status"], c["n"], c["last"]) for c in candidates))
    rejected = [c for c in by_status if c[0] == EntityCandidate.Status.REJECTED]
    names = (entities["n"], entities["last"], aliases["n"], aliases["last"], edits, rejected)
    return names, (names, by_status)


def database_matcher() -> Matcher | None:
    """The matcher over the database gazetteer, or None when the database has no entities."""
    global _cached, _names_cached
    names, signature = _signatures()
    if names[0] == 0:
        return None
    if _cached is None or _cached[0] != signature:
        if _names_cached is None or _names_cached[0] != names:
            _names_cached = (names, _names_gazetteer())
        _cached = (signature, Matcher(_with_queue(_names_cached[1])))
    return _cached[1]


def current_matcher() -> Matcher:
    """The database gazetteer's matcher, or the seed gazetteer's while the database has none."""
    return database_matcher() or seed_matcher()
