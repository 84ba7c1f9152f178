"""Annotations to review, fetched and checked in one call; the rule is `can_review`."""

from django.shortcuts import get_object_or_404

from annotations.models import Annotation
from newsdesk.permissions import User, can_review, require


def access_annotation_for_review(user: User, annotation_id: int) -> Annotation:
    """A live annotation to decide on (403 for non-reviewers, 404 if missing or deleted)."""
    require(can_review(user))
    return get_object_or_404(
        Annotation.objects.select_related("label", "author", "article"),
        pk=annotation_id,
        deleted_at__isnull=True,
    )
