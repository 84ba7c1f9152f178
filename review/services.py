"""Reviewers' decisions on annotations: accept, reject or correct the label, with a comment.

`annotation_review` is the one write: it changes the annotation (if nobody changed it
since the reviewer saw `version`) and records the decision in `ReviewDecision`, in one
transaction. Adjudication (`unit_accept`, `unit_merge`, `version_accept`) makes several
such decisions at once, all or none: one editor's annotation at a place accepted, the
other editors' there rejected, each rejection saying which annotation was kept.
"""

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from annotations.models import Annotation, Label
from annotations.services import StaleAnnotation
from newsdesk.history import REASON_REVIEWED, history_record
from review.models import ReviewDecision

STATUS_AFTER = {
    ReviewDecision.Kind.ACCEPT: Annotation.Status.ACCEPTED,
    ReviewDecision.Kind.REJECT: Annotation.Status.REJECTED,
    ReviewDecision.Kind.CORRECT: Annotation.Status.ACCEPTED,
}


# The comment on each annotation an adjudication rejects (translated when it is made).
REASON_INSTEAD = gettext_noop(
    "Adjudication: annotation %(id)s by %(author)s was accepted at this place instead."
)
REASON_MERGED = gettext_noop(
    "Adjudication: merged into annotation %(id)s by %(author)s (same place and label)."
)


class ReviewError(ValueError):
    """A decision that cannot be made as asked (e.g. a correction without a new label)."""


class AlreadyDecided(ReviewError):
    """An adjudication on annotations a reviewer has already decided on; nothing written."""


def reviewed_content(annotation: Annotation, label: Label) -> dict[str, object]:
    """What a decision is made on: label, note, sources and range, as a reviewer sees them."""
    return {
        "label": label.name,
        "note": annotation.note,
        "sources": sorted(annotation.sources.values_list("name", flat=True)),
        "start": annotation.start,
        "end": annotation.end,
        "exact": annotation.exact,
    }


@transaction.atomic
def annotation_review(
    *,
    annotation: Annotation,
    reviewer: User,
    kind: ReviewDecision.Kind,
    version: int,
    label: Label | None = None,
    comment: str = "",
) -> ReviewDecision:
    """Accept, reject or correct (relabel and accept) an annotation; keep who, when and why."""
    if kind == ReviewDecision.Kind.CORRECT:
        if label is None:
            raise ReviewError(_("Choose the correct label."))
        if label.pk == annotation.label_id:
            raise ReviewError(_("The annotation already has this label."))
    elif label is not None and label.pk != annotation.label_id:
        raise ReviewError(_("Only a correction changes the label."))
    label_after = label if label is not None else annotation.label
    now = timezone.now()
    status = STATUS_AFTER[kind]
    updated = Annotation.objects.filter(
        pk=annotation.pk, version=version, deleted_at__isnull=True
    ).update(
        label=label_after,
        status=status,
        reviewed_by=reviewer,
        reviewed_at=now,
        review_comment=comment,
        reviewed_content=reviewed_content(annotation, label_after),
        version=F("version") + 1,
        updated_at=now,
    )
    if not updated:
        raise StaleAnnotation(
            Annotation.objects.select_related("label", "author").get(pk=annotation.pk)
        )
    decision = ReviewDecision.objects.create(
        annotation=annotation,
        reviewer=reviewer,
        kind=kind,
        status=status,
        label_before_id=annotation.label_id,  # `annotation` is refreshed only below
        label_after=label_after,
        comment=comment,
    )
    annotation.refresh_from_db()
    history_record([annotation], user=reviewer, reason=REASON_REVIEWED)
    return decision


def _already_decided(annotation: Annotation) -> AlreadyDecided:
    return AlreadyDecided(
        _("Annotation %(id)s is already decided (%(status)s); nothing was changed.")
        % {"id": annotation.pk, "status": annotation.get_status_display()}
    )


def _reject_instead(
    *, keep: Annotation, others: Sequence[Annotation], reviewer: User, reason: str
) -> list[ReviewDecision]:
    """Reject the pending `others`, each with `reason` naming the annotation kept."""
    comment = _(reason) % {"id": keep.pk, "author": keep.author.get_username()}
    return [
        annotation_review(
            annotation=other,
            reviewer=reviewer,
            kind=ReviewDecision.Kind.REJECT,
            version=other.version,
            comment=comment,
        )
        for other in others
        if other.pk != keep.pk and other.status == Annotation.Status.PENDING
    ]


def _keep_instead(
    *, keep: Annotation, others: Sequence[Annotation], reviewer: User, reason: str
) -> list[ReviewDecision]:
    """Accept `keep` if it is still pending, and reject the pending `others` in its favour."""
    accepted = []
    if keep.status == Annotation.Status.PENDING:
        accepted.append(
            annotation_review(
                annotation=keep,
                reviewer=reviewer,
                kind=ReviewDecision.Kind.ACCEPT,
                version=keep.version,
            )
        )
    return accepted + _reject_instead(keep=keep, others=others, reviewer=reviewer, reason=reason)


@transaction.atomic
def unit_accept(
    *,
    keep: Annotation,
    version: int,
    unit: Sequence[Annotation],
    reviewer: User,
    label: Label | None = None,
    comment: str = "",
) -> list[ReviewDecision]:
    """Accept `keep` (relabelled to `label` if given and different: a correction) and
    reject the other pending annotations of its place, `unit`."""
    if keep.status != Annotation.Status.PENDING:
        raise _already_decided(keep)
    relabel = label is not None and label.pk != keep.label_id
    decision = annotation_review(
        annotation=keep,
        reviewer=reviewer,
        kind=ReviewDecision.Kind.CORRECT if relabel else ReviewDecision.Kind.ACCEPT,
        version=version,
        label=label if relabel else None,
        comment=comment,
    )
    others = _reject_instead(keep=keep, others=unit, reviewer=reviewer, reason=REASON_INSTEAD)
    return [decision, *others]


@transaction.atomic
def unit_merge(
    *, annotation: Annotation, group: Sequence[Annotation], reviewer: User
) -> list[ReviewDecision]:
    """Merge matching annotations (same place, same label) of several editors into the
    first of `group`: it is accepted (if still pending), the others rejected as its
    duplicates. `annotation` is the one the reviewer chose to merge at."""
    if not group:
        if annotation.status != Annotation.Status.PENDING:
            raise _already_decided(annotation)
        raise ReviewError(
            _("Nothing to merge at annotation %(id)s: no other editor gave it the same label.")
            % {"id": annotation.pk}
        )
    keep, *duplicates = group
    return _keep_instead(keep=keep, others=duplicates, reviewer=reviewer, reason=REASON_MERGED)


@transaction.atomic
def version_accept(
    *, places: Sequence[tuple[Annotation, Sequence[Annotation]]], reviewer: User
) -> list[ReviewDecision]:
    """Accept one editor's whole version: at each place (the editor's annotation, the
    others there) accept theirs if pending and reject the others' pending ones. Places
    where the editor's annotation was rejected are left as they are."""
    decisions: list[ReviewDecision] = []
    for own, others in places:
        if own.status == Annotation.Status.REJECTED:
            continue
        decisions += _keep_instead(
            keep=own, others=others, reviewer=reviewer, reason=REASON_INSTEAD
        )
    if not decisions:
        raise AlreadyDecided(_("Nothing of this version is left to decide."))
    return decisions
