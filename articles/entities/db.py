"""The gazetteer in the database: Entity and EntityAlias rows as a `Gazetteer`.

The matcher is built once per process and rebuilt when the gazetteer changes: a cheap
signature query (counts and latest ids) decides, and services that change names call
`gazetteer_changed()` so that an edit in place is seen at once in this process.
"""

from django.db.models import Count, Max

from articles.entities.gazetteer import EntityRecord, Gazetteer, Kind
from articles.entities.matching import Matcher
from articles.models import Entity, EntityAlias

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
    return Gazetteer(records, rejected_names=_rejected_names())


def _rejected_names() -> frozenset[str]:
    try:
        from articles.models import EntityCandidate  # type: ignore[attr-defined]
    except ImportError:
        return frozenset()
    names = EntityCandidate.objects.filter(status="rejected").values_list("name", flat=True)
    return frozenset(name.lower() for name in names)


def _signature() -> tuple[object, ...]:
    entities = Entity.objects.aggregate(n=Count("id"), last=Max("id"))
    aliases = EntityAlias.objects.aggregate(n=Count("id"), last=Max("id"))
    return (entities["n"], entities["last"], aliases["n"], aliases["last"])


def database_matcher() -> Matcher | None:
    """The matcher over the database gazetteer, or None when the database has no entities."""
    global _cached
    signature = _signature()
    if signature[0] == 0:
        return None
    if _cached is None or _cached[0] != signature:
        _cached = (signature, Matcher(database_gazetteer()))
    return _cached[1]
