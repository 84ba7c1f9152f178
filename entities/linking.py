"""An editor links a name selected in an article's text to an entity, or proposes it.

Both start from a verified selection (`newstext.offsets.verify_selection`: offsets and
quote checked against the body) and write in one transaction:
- `mention_link` stores the range as a mention of the entity, made and confirmed by the
  editor, so detection never moves or removes it; automatic mentions it overlaps go, as
  the next detection run would drop them. Linking the same range again changes nothing.
  With `add_alias`, words the gazetteer does not know yet become an alias of the entity,
  as accepting a candidate as an alias does, and an open candidate of that name is
  accepted for the entity.
- `candidate_propose` puts the name into the candidate queue, with the selection as its
  first occurrence, unless the gazetteer or the queue has decided it already.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from entities.gazetteer import gazetteer_changed
from entities.models import CandidateOccurrence, Entity, EntityAlias, EntityCandidate, Mention
from entities.selectors import EDITOR_EVIDENCE
from entities.services import alias_ensure, known_name, mentions_redetect_soon, same_name
from newstext.offsets import CodePointRange

# A name, not a passage: the longest selection that can be linked (the surface column
# holds 200 characters).
MAX_NAME_CHARS = 200


class LinkRefused(ValueError):
    """The selection cannot be linked or proposed; the message says why, for the editor."""


@dataclass(frozen=True)
class LinkResult:
    mention: Mention
    created: bool  # False: the range was linked to this entity already
    alias_added: bool


@dataclass(frozen=True)
class ProposalResult:
    candidate: EntityCandidate
    created: bool  # False: the name was in the queue already


def selected_name(article: Article, span: CodePointRange) -> str:
    """The selected words, refused when they are longer than a name can be."""
    name = article.body[span.start : span.end]
    if "\n" in name:
        raise LinkRefused(_("A name does not run over several paragraphs."))
    if len(name) > MAX_NAME_CHARS:
        raise LinkRefused(
            _("The selection has %(count)s characters; a name has at most %(limit)s.")
            % {"count": len(name), "limit": MAX_NAME_CHARS}
        )
    return name


def mention_link(
    *, article: Article, span: CodePointRange, entity: Entity, user: User, add_alias: bool = True
) -> LinkResult:
    """Store the selected range as an editor-confirmed mention of `entity` (idempotent)."""
    surface = selected_name(article, span)
    with transaction.atomic():
        mention, created = _mention_confirmed(article, span, entity, surface, user)
        alias_added = add_alias and created and alias_ensure(entity, surface)
        # An open candidate of a name the entity now has is decided with the link.
        accepted = known_name(entity, surface) and bool(
            _open_candidates_named(surface).update(
                status=EntityCandidate.Status.ACCEPTED,
                entity=entity,
                decided_by=user,
                decided_at=timezone.now(),
            )
        )
    if alias_added or accepted:
        gazetteer_changed()
        # As after accepting a candidate: only articles with the name can change.
        mentions_redetect_soon(names=[surface])
    return LinkResult(mention=mention, created=created, alias_added=alias_added)


def _mention_confirmed(
    article: Article, span: CodePointRange, entity: Entity, surface: str, user: User
) -> tuple[Mention, bool]:
    """The mention of `entity` at the range, confirmed by `user`; created if there is none."""
    at_range = Mention.objects.filter(article=article, start=span.start, end=span.end)
    existing = at_range.filter(entity=entity).first()
    if existing is not None:
        if existing.decision != Mention.Decision.CONFIRMED:
            existing.decision = Mention.Decision.CONFIRMED
            existing.confirmed_by = user
            existing.save(update_fields=["decision", "confirmed_by"])
        return existing, False
    # The editor's word wins over what detection guessed for these words.
    Mention.objects.filter(
        article=article, start__lt=span.end, end__gt=span.start, decision=Mention.Decision.NONE
    ).delete()
    try:
        with transaction.atomic():
            mention = Mention.objects.create(
                article=article,
                entity=entity,
                start=span.start,
                end=span.end,
                surface=surface,
                method=Mention.Method.EDITOR,
                decision=Mention.Decision.CONFIRMED,
                confirmed_by=user,
            )
    except IntegrityError:
        # Linked by someone else a moment earlier: that mention stands.
        return at_range.get(entity=entity), False
    return mention, True


def _open_candidates_named(name: str) -> QuerySet[EntityCandidate]:
    open_candidates = EntityCandidate.objects.filter(status=EntityCandidate.Status.OPEN)
    return same_name(open_candidates, name)


def candidate_propose(
    *, article: Article, span: CodePointRange, kind: str, user: User
) -> ProposalResult:
    """Put the selected name into the candidate queue, seen at this range.

    A name that is an entity's name or alias, or that the queue decided already, is
    refused with the reason; a name waiting in the queue gets this occurrence added.
    """
    name = selected_name(article, span)
    if kind not in Entity.Kind.values:
        raise LinkRefused(_("“%(kind)s” is not a type of entity.") % {"kind": kind})
    known = same_name(Entity.objects.all(), name).first()
    if known is None:
        alias = same_name(EntityAlias.objects.select_related("entity"), name).first()
        known = alias.entity if alias is not None else None
    if known is not None:
        raise LinkRefused(
            _("“%(name)s” is a name of the entity %(entity)s already: link it instead.")
            % {"name": name, "entity": known.name}
        )
    with transaction.atomic():
        candidate, created = _candidate_ensure(name, kind)
        if candidate.status != EntityCandidate.Status.OPEN:
            raise LinkRefused(
                _("“%(name)s” was decided in the candidate queue already.") % {"name": name}
            )
    if created:
        gazetteer_changed()
        # Open candidates are in the gazetteer: find the name in the other articles too.
        mentions_redetect_soon(names=[name])
    # Detection replaces an article's occurrences; the editor's selection stays one.
    CandidateOccurrence.objects.get_or_create(
        candidate=candidate,
        article=article,
        start=span.start,
        end=span.end,
        defaults={"surface": name},
    )
    return ProposalResult(candidate=candidate, created=created)


def _candidate_ensure(name: str, kind: str) -> tuple[EntityCandidate, bool]:
    """The candidate of this name (any case), created when there is none."""
    existing = same_name(EntityCandidate.objects.all(), name).order_by("pk").first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            candidate = EntityCandidate.objects.create(
                name=name, kind=kind, evidence=EDITOR_EVIDENCE
            )
    except IntegrityError:
        # Proposed meanwhile, or the same name in a case only the database folds alike.
        folded = EntityCandidate.objects.annotate(key=Lower("name")).filter(key=Lower(Value(name)))
        return folded.order_by("pk").get(), False
    return candidate, True
