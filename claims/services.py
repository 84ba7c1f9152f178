"""Writes to claims: each one service function, one transaction."""

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from annotations.models import Annotation, Label
from annotations.services import (
    AnnotationContent,
    AnnotationDeleted,
    annotation_create,
    sources_resolve,
)
from articles.models import Article, Source
from claims.models import Claim, ClaimAppearance, DismissedSuggestion
from entities.models import Entity
from newstext.offsets import CodePointRange
from newstext.suggestions import Speaker, Suggestion


class StaleClaim(Exception):
    """The claim changed since the editor loaded it; nothing was written."""

    def __init__(self, current: Claim) -> None:
        super().__init__(f"claim {current.pk} is at version {current.version}")
        self.current = current


class AlreadyClaimed(ValueError):
    """The annotation already appears as another claim (one claim per annotation)."""


class NoClaimLabel(LookupError):
    """The label set has no active claim label to annotate accepted suggestions with."""


Attribution = tuple[Source | None, Entity | None]


def attribution_resolve(*, name: str, user: User) -> Attribution:
    """A person entity by name, alias or surname, else a source by name or alias.

    Editors may add a missing source (flagged for review), as when annotating.
    """
    name = name.strip()
    if not name:
        return None, None
    people = Entity.objects.filter(kind=Entity.Kind.PERSON)
    person = people.filter(Q(name__iexact=name) | Q(aliases__name__iexact=name)).first()
    if person is None and " " not in name:
        # A surname alone ("Putin") names a person when only one known person has it.
        by_surname = list(people.filter(name__iendswith=f" {name}")[:2])
        person = by_surname[0] if len(by_surname) == 1 else None
    if person is not None:
        return None, person
    (source,) = sources_resolve(names=[name], user=user)
    return source, None


def speaker_attribution(*, speaker: Speaker | None, user: User) -> Attribution:
    """The attribution of a suggested speaker: a known person, or a named organisation's source.

    Speakers found only as words of the text ("die aserbaidschanische Regierung") are left
    for the editor to attribute.
    """
    if speaker is None:
        return None, None
    if speaker.kind == "PER":
        return None, Entity.objects.filter(
            kind=Entity.Kind.PERSON, name__iexact=speaker.name
        ).first()
    if speaker.kind == "ORG":
        return attribution_resolve(name=speaker.name, user=user)
    return None, None


def _history_user(claim: Claim, user: User) -> None:
    # django-simple-history takes the user from the request; services also run without one.
    claim._history_user = user  # type: ignore[attr-defined]


def _attribution(attribution: Attribution | str, user: User) -> Attribution:
    """An attribution as given, or resolved from a typed name (which may add a source)."""
    if isinstance(attribution, str):
        return attribution_resolve(name=attribution, user=user)
    return attribution


@transaction.atomic
def claim_create(
    *,
    wording: str,
    attribution: Attribution | str,
    user: User,
    annotation: Annotation | None = None,
) -> Claim:
    """A new claim (status unverified), appearing in `annotation` when one is given.

    `attribution` may be a typed name, resolved here so that a refused request leaves no
    new source behind. Making the same claim of an annotation again (a repeated submit)
    returns the claim it is in already.
    """
    if annotation is not None:
        existing = _claimable(annotation)
        if existing is not None:
            if existing.claim.wording == wording.strip():
                return existing.claim
            raise _already_claimed(existing)
    source, entity = _attribution(attribution, user)
    claim = Claim(
        wording=wording.strip(), attributed_source=source, attributed_entity=entity, created_by=user
    )
    claim.full_clean()
    _history_user(claim, user)
    claim.save()
    if annotation is not None:
        claim_attach(claim=claim, annotation=annotation, user=user)
    return claim


def _claimable(annotation: Annotation) -> ClaimAppearance | None:
    """Lock the annotation for this transaction (parallel requests for it wait here) and
    refuse a deleted one; the appearance it has already, if any."""
    locked = Annotation.objects.select_for_update().only("pk", "deleted_at").get(pk=annotation.pk)
    if locked.deleted_at is not None:
        raise AnnotationDeleted(_("This annotation is deleted; restore it before changing it."))
    return ClaimAppearance.objects.select_related("claim").filter(annotation=annotation).first()


def _already_claimed(existing: ClaimAppearance) -> AlreadyClaimed:
    return AlreadyClaimed(
        _("This annotation already belongs to claim #%(id)s.") % {"id": existing.claim_id}
    )


@transaction.atomic
def claim_attach(*, claim: Claim, annotation: Annotation, user: User) -> ClaimAppearance:
    """Record that `claim` appears in `annotation` (live, and in no claim yet)."""
    existing = _claimable(annotation)
    if existing is not None:
        if existing.claim_id == claim.pk:
            return existing
        raise _already_claimed(existing)
    try:
        # One appearance per annotation is a unique column: a writer the lock did not
        # hold back (SQLite has no row locks) ends here.
        with transaction.atomic():
            return ClaimAppearance.objects.create(claim=claim, annotation=annotation, added_by=user)
    except IntegrityError:
        raise _already_claimed(ClaimAppearance.objects.get(annotation=annotation)) from None


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: User,
    version: int,
    wording: str,
    status: str,
    attribution: Attribution | str,
) -> Claim:
    """Change wording, status and attribution if nobody changed the claim since `version`.

    A typed attribution is resolved after the version check, so that a stale edit leaves
    no new source behind. Saved through the model (not a queryset update) so that the
    history records it.
    """
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if current.version != version:
        raise StaleClaim(current)
    current.wording = wording.strip()
    current.status = status
    current.attributed_source, current.attributed_entity = _attribution(attribution, user)
    current.version += 1
    current.full_clean()
    _history_user(current, user)
    current.save()
    return current


def claim_label() -> Label:
    """The label accepted suggestions are annotated with: Behauptung / Claim."""
    label = (
        Label.objects.filter(is_active=True)
        .filter(Q(name_en__iexact="claim") | Q(name__iexact="Behauptung"))
        .first()
    )
    if label is None:
        raise NoClaimLabel(_("The label set has no active label “Behauptung” (Claim)."))
    return label


class SuggestionTaken(ValueError):
    """Someone else accepted this suggestion meanwhile."""


@transaction.atomic
def suggestion_accept(*, article: Article, suggestion: Suggestion, user: User) -> Claim:
    """Annotate the suggested sentence with the claim label and make it a claim.

    Accepts of one article's suggestions wait for each other (a lock on the article), so
    that two at once make one annotation and one claim: the same user's repeated accept
    gets that claim back, anybody else's is refused.
    """
    Article.objects.select_for_update().filter(pk=article.pk).values_list("pk").first()
    taken = (
        ClaimAppearance.objects.select_related("claim", "annotation")
        .filter(
            annotation__article=article,
            annotation__deleted_at__isnull=True,
            annotation__start=suggestion.start,
            annotation__end=suggestion.end,
        )
        .first()
    )
    if taken is not None:
        if taken.annotation.author_id == user.pk:
            return taken.claim
        raise SuggestionTaken(_("Someone accepted this suggestion meanwhile."))
    source, entity = speaker_attribution(speaker=suggestion.speaker, user=user)
    annotation = annotation_create(
        article=article,
        author=user,
        span=CodePointRange(suggestion.start, suggestion.end),
        content=AnnotationContent(
            label=claim_label(), note="", source_names=[source.name] if source else []
        ),
    )
    return claim_create(
        wording=suggestion.sentence,
        attribution=(source, entity),
        user=user,
        annotation=annotation,
    )


@transaction.atomic
def suggestion_dismiss(*, article: Article, sentence: str, user: User) -> DismissedSuggestion:
    """Remember that this sentence of the article is not a claim: it is not offered again."""
    dismissed, _created = DismissedSuggestion.objects.get_or_create(
        article=article, sentence=sentence, defaults={"dismissed_by": user}
    )
    return dismissed
