"""Who may do what with claims: editors and admins change them, reviewers read them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from annotations.access import User, access_annotation, access_annotation_for_change, can_annotate
from annotations.models import Annotation
from claims.models import Claim


def can_view_claims(user: User) -> bool:
    return bool(user.has_perm("annotations.view_annotation"))


def can_change_claims(user: User) -> bool:
    """Editors (who annotate) and admins; reviewers only read."""
    return user.is_superuser or can_annotate(user)


def can_claim(user: User, annotation: Annotation) -> bool:
    """Whether the user may make a claim of this annotation or attach it to one."""
    own = annotation.author_id == user.pk or user.is_superuser
    return own and can_change_claims(user)


def access_claim(user: User, claim_id: int) -> Claim:
    if not can_view_claims(user):
        raise PermissionDenied
    return get_object_or_404(
        Claim.objects.select_related("attributed_source", "attributed_entity", "created_by"),
        pk=claim_id,
    )


def access_claim_for_change(user: User, claim_id: int) -> Claim:
    if not can_change_claims(user):
        raise PermissionDenied
    return access_claim(user, claim_id)


def access_annotation_for_claims(user: User, annotation_id: int) -> Annotation:
    """An annotation whose claim the user may see (their own, or any for reviewers/admins)."""
    if not can_view_claims(user):
        raise PermissionDenied
    return access_annotation(user, annotation_id)


def access_annotation_for_claiming(user: User, annotation_id: int) -> Annotation:
    """An annotation the user may make a claim of or attach to one: their own, any for admins."""
    if not can_change_claims(user):
        raise PermissionDenied
    return access_annotation_for_change(user, annotation_id)
