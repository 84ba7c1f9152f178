"""Writes to claims: each one service function, one transaction."""

from django.contrib.auth.models import User
from django.db import transaction
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


@transaction.atomic
def claim_create(
    *,
    wording: str,
    attribution: Attribution,
    user: User,
    annotation: Annotation | None = None,
) -> Claim:
    """A new claim (status unverified), appearing in `annotation` when one is given."""
    source, entity = attribution
    claim = Claim(
        wording=wording.strip(), attributed_source=source, attributed_entity=entity, created_by=user
    )
    claim.full_clean()
    _history_user(claim, user)
    claim.save()
    if annotation is not None:
        claim_attach(claim=claim, annotation=annotation, user=user)
    return claim


@transaction.atomic
def claim_attach(*, claim: Claim, annotation: Annotation, user: User) -> ClaimAppearance:
    """Record that `claim` appears in `annotation` (live, and in no claim yet)."""
    # The lock makes parallel requests for one annotation wait for each other.
    if Annotation.objects.select_for_update().filter(pk=annotation.pk, deleted_at__isnull=False):
        raise AnnotationDeleted(_("This annotation is deleted; restore it before changing it."))
    existing = ClaimAppearance.objects.filter(annotation=annotation).first()
    if existing is not None:
        raise AlreadyClaimed(
            _("This annotation already belongs to claim #%(id)s.") % {"id": existing.claim_id}
        )
    return ClaimAppearance.objects.create(claim=claim, annotation=annotation, added_by=user)


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: User,
    version: int,
    wording: str,
    status: str,
    attribution: Attribution,
) -> Claim:
    """Change wording, status and attribution if nobody changed the claim since `version`.

    Saved through the model (not a queryset update) so that the history records it.
    """
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if current.version != version:
        raise StaleClaim(current)
    current.wording = wording.strip()
    current.status = status
    current.attributed_source, current.attributed_entity = attribution
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


@transaction.atomic
def suggestion_accept(*, article: Article, suggestion: Suggestion, user: User) -> Claim:
    """Annotate the suggested sentence with the claim label and make it a claim."""
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
