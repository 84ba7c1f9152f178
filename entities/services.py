"""Writing entity mentions and candidates: detection and editor decisions.

Every write goes through a function here, each in one transaction:
- `mentions_detect` runs `find_mentions` over articles and brings their automatic
  mentions and the candidate queue up to date. It is idempotent (a second run changes
  nothing) and never touches a mention an editor confirmed or rejected, nor writes an
  automatic one over its range.
- `candidate_accept_new`, `candidate_accept_alias`, `candidate_reject`: the editors'
  queue. An accepted name is in the gazetteer from then on; a rejected one is never
  proposed again. Both re-detect only the articles the name occurs in (in a task where
  a worker runs: `mentions_redetect_soon`).

Merging entities is in `entities/merging.py`.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Lower
from django.tasks import Task, task
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.bulk import rows_insert
from articles.models import Article
from entities.gazetteer import database_matcher, gazetteer_changed
from entities.models import CandidateOccurrence, Entity, EntityAlias, EntityCandidate, Mention
from newsdesk.history import REASON_IMPORTED, history_record
from newstext.entities import FoundMention, Matcher, find_mentions
from newstext.entities.gazetteer import SEED_GAZETTEER_FILE, Method


@dataclass
class DetectionReport:
    """What one detection run changed."""

    articles: int = 0
    created: int = 0
    removed: int = 0
    kept_decided: int = 0
    candidates: set[str] = field(default_factory=set)

    def __str__(self) -> str:
        return (
            f"{self.articles} articles: {self.created} mentions added, {self.removed} removed, "
            f"{self.kept_decided} editor decisions kept, {len(self.candidates)} candidates"
        )


def gazetteer_seed_ensure() -> int:
    """Load the shipped seed gazetteer when the database has no entities; the number added."""
    if Entity.objects.exists():
        return 0
    data = json.loads(SEED_GAZETTEER_FILE.read_text(encoding="utf-8"))
    with transaction.atomic():
        entities = Entity.objects.bulk_create(
            Entity(name=item["name"], kind=item["kind"], external_id=item.get("external_id", ""))
            for item in data["entities"]
        )
        history_record(entities, user=None, reason=REASON_IMPORTED, created=True)
        EntityAlias.objects.bulk_create(
            [
                EntityAlias(entity=entity, name=name, kind=kind)
                for entity, item in zip(entities, data["entities"], strict=True)
                for names, kind in (
                    (item.get("aliases", []), EntityAlias.Kind.VARIANT),
                    (item.get("derived", []), EntityAlias.Kind.DERIVED),
                )
                for name in names
            ],
            ignore_conflicts=True,
        )
        aliases = list(EntityAlias.objects.filter(entity__in=entities))
        history_record(aliases, user=None, reason=REASON_IMPORTED, created=True)
    gazetteer_changed()
    return len(entities)


def detection_matcher() -> Matcher:
    """The matcher over the database gazetteer, seeded from the fixture when empty."""
    gazetteer_seed_ensure()
    matcher = database_matcher()
    assert matcher is not None  # the seed gazetteer is not empty
    return matcher


def mentions_detect(
    *, articles: Iterable[Article], matcher: Matcher | None = None
) -> DetectionReport:
    """Detect the mentions of these articles and update them and the candidate queue."""
    matcher = matcher or detection_matcher()
    report = DetectionReport()
    articles = list(articles)
    if not articles:
        return report
    found = {article.pk: find_mentions(article.body, matcher=matcher) for article in articles}
    existing: dict[int, list[Mention]] = {}
    for mention in Mention.objects.filter(article__in=[a.pk for a in articles]):
        existing.setdefault(mention.article_id, []).append(mention)

    with transaction.atomic():
        to_create: list[tuple[object, ...]] = []
        to_delete: list[int] = []
        for article in articles:
            decided = [m for m in existing.get(article.pk, []) if m.decision]
            report.kept_decided += len(decided)
            wanted = {
                (m.entity.key, m.start, m.end): m
                for m in found[article.pk]
                if m.entity is not None and not _overlaps_any(m, decided)
            }
            for mention in existing.get(article.pk, []):
                if mention.decision:
                    continue
                key = (mention.entity_id, mention.start, mention.end)
                if key in wanted and _same(mention, wanted[key]):
                    del wanted[key]
                else:
                    to_delete.append(mention.pk)
            to_create += [_mention_row(article.pk, m) for m in wanted.values()]
        Mention.objects.filter(pk__in=to_delete).delete()
        rows_insert(Mention, MENTION_COLUMNS, to_create)
        report.created, report.removed = len(to_create), len(to_delete)
        report.articles = len(articles)
        report.candidates = _candidates_update(found)
    return report


@task
def mentions_detect_task(article_ids: list[int]) -> str:
    """Detect the mentions of these articles (a background task where a worker runs).

    The import queues `ingest.pipeline.follow_ups_task`, which calls `mentions_detect`
    itself; this task stays for tasks queued before that one existed."""
    articles = Article.objects.filter(pk__in=article_ids).only("id", "body")
    return str(mentions_detect(articles=articles))


def mentions_redetect_containing(*, names: Sequence[str]) -> DetectionReport:
    """Re-detect only the articles whose body contains one of `names` (case-insensitive),
    or, for a person's name, its surname, which is matched alone too ("Alijew" for a new
    alias "Ilham Alijew"). Every other form of a name contains the name or the surname."""
    if not names:
        return DetectionReport()
    persons = set(
        EntityAlias.objects.filter(name__in=names, entity__kind=Entity.Kind.PERSON).values_list(
            "name", flat=True
        )
    ) | set(
        Entity.objects.filter(name__in=names, kind=Entity.Kind.PERSON).values_list(
            "name", flat=True
        )
    )
    keys = {*names, *(name.split()[-1] for name in persons)}
    condition = Q()
    for key in keys:
        condition |= Q(body__icontains=key)
    articles = Article.objects.filter(condition).only("id", "body")
    return mentions_detect(articles=articles.iterator(chunk_size=500))


def mention_decide(*, mention: Mention, decision: str, user: User) -> Mention:
    """An editor confirms or rejects a mention; automatic runs leave it alone from then on."""
    if decision not in Mention.Decision.values or not decision:
        raise ValueError(f"unknown decision {decision!r}")
    mention.decision = decision
    mention.confirmed_by = user
    mention.save(update_fields=["decision", "confirmed_by"])
    return mention


def _overlaps_any(found: FoundMention, mentions: list[Mention]) -> bool:
    return any(found.start < m.end and m.start < found.end for m in mentions)


def _same(mention: Mention, found: FoundMention) -> bool:
    return mention.method == found.method and mention.surface == found.surface


# What detection writes of a mention (`rows_insert`: no model instance per mention).
MENTION_COLUMNS = [
    "article_id",
    "entity_id",
    "start",
    "end",
    "surface",
    "method",
    "confidence",
    "decision",
    "evidence",
]


def _mention_row(article_id: int, found: FoundMention) -> tuple[object, ...]:
    assert found.entity is not None
    return (
        article_id,
        int(found.entity.key),
        found.start,
        found.end,
        found.surface[:200],
        str(found.method),
        round(found.confidence, 3),
        Mention.Decision.NONE.value,
        found.evidence[:300],
    )


def _candidates_update(found: dict[int, list[FoundMention]]) -> set[str]:
    """Record where every candidate name (and fuzzy variant) was seen in these articles."""
    sightings: dict[str, list[tuple[int, FoundMention]]] = {}
    for article_id, mentions in found.items():
        for mention in mentions:
            if mention.method in (Method.DISCOVERY, Method.FUZZY) and mention.candidate:
                sightings.setdefault(mention.candidate.lower(), []).append((article_id, mention))
    CandidateOccurrence.objects.filter(article_id__in=list(found)).delete()
    if not sightings:
        return set()
    candidates = _candidates_by_name(sightings)
    missing = [
        EntityCandidate(
            name=first.candidate,
            kind=str(first.kind),
            evidence=first.evidence[:300],
            proposed_entity_id=int(first.entity.key) if first.entity is not None else None,
        )
        for key, [(_, first), *_] in sightings.items()
        if key not in candidates
    ]
    if missing:
        EntityCandidate.objects.bulk_create(missing, ignore_conflicts=True)
        candidates = _candidates_by_name(sightings)
    rows_insert(
        CandidateOccurrence,
        ["candidate_id", "article_id", "start", "end", "surface"],
        [
            (candidates[key].pk, article_id, mention.start, mention.end, mention.surface[:200])
            for key, seen in sightings.items()
            if key in candidates and candidates[key].status == EntityCandidate.Status.OPEN
            for article_id, mention in seen
        ],
    )
    return set(sightings)


def _candidates_by_name(
    sightings: dict[str, list[tuple[int, FoundMention]]],
) -> dict[str, EntityCandidate]:
    """Candidates by lower-cased name; exact names too, as SQLite lowers only ASCII."""
    names = [seen[0][1].candidate for seen in sightings.values()]
    found: dict[str, EntityCandidate] = {}
    for known in EntityCandidate.objects.annotate(key=Lower("name")).filter(
        Q(key__in=list(sightings)) | Q(name__in=names)
    ):
        found[known.name.lower()] = known
    return found


# The editors' queue ------------------------------------------------------------------


class CandidateDecided(ValueError):
    """Someone decided this candidate meanwhile; nothing was written."""


def candidate_accept_new(
    *, candidate: EntityCandidate, user: User, kind: str | None = None
) -> Entity:
    """The candidate becomes a new entity; its articles are re-detected.

    An entity of that name and type that exists already (any case) is linked instead of
    a second one made.
    """
    with transaction.atomic():
        _open_locked(candidate)
        entity = _entity_ensure(name=candidate.name, kind=kind or candidate.kind)
        _decided(candidate, EntityCandidate.Status.ACCEPTED, user, entity)
    gazetteer_changed()
    _redetect_candidate(candidate)
    return entity


def candidate_accept_alias(*, candidate: EntityCandidate, entity: Entity, user: User) -> Entity:
    """The candidate becomes an alias of `entity`; matched everywhere from then on."""
    with transaction.atomic():
        _open_locked(candidate)
        alias_ensure(entity, candidate.name)
        _decided(candidate, EntityCandidate.Status.ACCEPTED, user, entity)
    gazetteer_changed()
    _redetect_candidate(candidate)
    return entity


def same_name[M: (EntityAlias, EntityCandidate, Entity)](
    rows: QuerySet[M], name: str
) -> QuerySet[M]:
    """Rows whose name is `name` in any case; exact names too, as SQLite lowers only ASCII."""
    return rows.annotate(key=Lower("name")).filter(Q(key=name.lower()) | Q(name__iexact=name))


def known_name(entity: Entity, name: str) -> bool:
    """Whether `name` is the entity's canonical name or one of its aliases (any case)."""
    if entity.name.lower() == name.lower():
        return True
    return same_name(EntityAlias.objects.filter(entity=entity), name).exists()


def alias_ensure(entity: Entity, name: str) -> bool:
    """Add `name` as an alias unless the entity has that name; whether one was added."""
    if known_name(entity, name):
        return False
    try:
        with transaction.atomic():
            EntityAlias.objects.create(entity=entity, name=name, kind=EntityAlias.Kind.VARIANT)
    except IntegrityError:
        return False  # the same alias in another case (SQLite lowers only ASCII)
    return True


def _open_locked(candidate: EntityCandidate) -> None:
    """Lock the candidate for this transaction; refuse it if someone decided it meanwhile."""
    status = (
        EntityCandidate.objects.select_for_update()
        .filter(pk=candidate.pk)
        .values_list("status", flat=True)
        .first()
    )
    if status != EntityCandidate.Status.OPEN:
        raise CandidateDecided(_("This name was already decided."))


def _entity_ensure(*, name: str, kind: str) -> Entity:
    """The entity of this name (any case) and type, created when there is none."""
    existing = same_name(Entity.objects.filter(kind=kind), name).order_by("pk").first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Entity.objects.create(name=name, kind=kind)
    except IntegrityError:
        # Made meanwhile, or the same name in a case only the database folds alike.
        found = (
            Entity.objects.annotate(key=Lower("name"))
            .filter(key=Lower(Value(name)), kind=kind)
            .order_by("pk")
            .first()
        )
        if found is None:
            raise
        return found


def candidate_reject(*, candidate: EntityCandidate, user: User) -> EntityCandidate:
    """The name is not an entity: it is never proposed again."""
    with transaction.atomic():
        _open_locked(candidate)
        _decided(candidate, EntityCandidate.Status.REJECTED, user, None)
    gazetteer_changed()
    _redetect_candidate(candidate)
    return candidate


def _decided(candidate: EntityCandidate, status: str, user: User, entity: Entity | None) -> None:
    candidate.status = status
    candidate.entity = entity
    candidate.decided_by = user
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "entity", "decided_by", "decided_at"])


def _redetect_candidate(candidate: EntityCandidate) -> None:
    # Only articles that contain the name can change.
    mentions_redetect_soon(names=[candidate.name])


@task
def mentions_redetect_task(names: list[str]) -> str:
    """`mentions_redetect_containing` in the background, where a worker runs."""
    return str(mentions_redetect_containing(names=names))


def mentions_redetect_of_entities(*, entity_ids: Sequence[int]) -> DetectionReport:
    """Re-detect the articles that mention one of the entities."""
    articles = Article.objects.filter(mentions__entity__in=entity_ids).distinct()
    return mentions_detect(articles=articles.only("id", "body").iterator(chunk_size=500))


@task
def entities_redetect_task(entity_ids: list[int]) -> str:
    """`mentions_redetect_of_entities` in the background, where a worker runs."""
    return str(mentions_redetect_of_entities(entity_ids=entity_ids))


def run_soon[**P](redetect: Task[P, str], *args: P.args, **kwargs: P.kwargs) -> str | None:
    """Run `redetect` at once with the immediate task backend (no worker: its report),
    else queue it for a worker (None), so that detection in thousands of articles never
    keeps a request waiting (docs/ops/limits.md)."""
    if isinstance(redetect.get_backend(), ImmediateBackend):
        return redetect.call(*args, **kwargs)
    redetect.enqueue(*args, **kwargs)
    return None


def mentions_redetect_soon(*, names: Sequence[str]) -> str | None:
    """Re-detect the articles containing `names` after an editor's decision, soon
    (`run_soon`): the report, or None if a worker will do it."""
    if not names:
        return None
    return run_soon(mentions_redetect_task, list(names))


def entities_redetect_soon(*, entity_ids: Sequence[int]) -> str | None:
    """Re-detect the articles mentioning the entities, soon (`run_soon`): the report, or
    None if a worker will do it."""
    return run_soon(entities_redetect_task, list(entity_ids))


def entity_external_id_set(*, entity: Entity, external_id: str, user: User) -> Entity:
    """An editor records the entity's external id (e.g. a Wikidata QID)."""
    entity.external_id = external_id.strip()
    entity.full_clean(validate_unique=False)
    entity.save(update_fields=["external_id"])
    return entity
