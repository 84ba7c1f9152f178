"""Reviewers' decisions on annotations: accept, reject or correct the label, with a comment.

`annotation_review` is the one write: it changes the annotation (if nobody changed it
since the reviewer saw `version`) and records the decision in `ReviewDecision`, in one
transaction.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from annotations.models import Annotation, Label
from annotations.services import StaleAnnotation
from newsdesk.history import REASON_REVIEWED, history_record
from review.models import ReviewDecision

STATUS_AFTER = {
    ReviewDecision.Kind.ACCEPT: Annotation.Status.ACCEPTED,
    ReviewDecision.Kind.REJECT: Annotation.Status.REJECTED,
    ReviewDecision.Kind.CORRECT: Annotation.Status.ACCEPTED,
}


class ReviewError(ValueError):
    """A decision that cannot be made as asked (e.g. a correction without a new label)."""


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
    label_before_id = annotation.label_id
    label_after_id = label.pk if label is not None else label_before_id
    label_after = label if label is not None else Label.objects.get(pk=label_before_id)
    now = timezone.now()
    status = STATUS_AFTER[kind]
    updated = Annotation.objects.filter(
        pk=annotation.pk, version=version, deleted_at__isnull=True
    ).update(
        label_id=label_after_id,
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
        label_before_id=label_before_id,
        label_after_id=label_after_id,
        comment=comment,
    )
    annotation.refresh_from_db()
    history_record([annotation], user=reviewer, reason=REASON_REVIEWED)
    return decision
