"""Who may review and export: reviewers (every annotation visible, and allowed to change
annotations) and admins. Editors, who may change only their own work, may not."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from annotations.access import User, sees_all_annotations
from annotations.models import Annotation


def can_review(user: User) -> bool:
    return bool(
        user.is_superuser
        or (sees_all_annotations(user) and user.has_perm("annotations.change_annotation"))
    )


def check_reviewer(user: User) -> None:
    """PermissionDenied (403) unless the user may review and export."""
    if not can_review(user):
        raise PermissionDenied


def access_annotation_for_review(user: User, annotation_id: int) -> Annotation:
    """A live annotation to decide on (403 for non-reviewers, 404 if missing or deleted)."""
    check_reviewer(user)
    return get_object_or_404(
        Annotation.objects.select_related("label", "author", "article"),
        pk=annotation_id,
        deleted_at__isnull=True,
    )
