"""Claims and the annotations they come from, fetched and checked in one call (404/403).

The rules are `newsdesk.permissions`: editors and admins change claims, reviewers read.
"""

from annotations.access import access_annotation, access_annotation_for_change
from annotations.models import Annotation
from claims.models import Claim
from newsdesk.permissions import User, can_change_claims, can_read_claims, fetch_if_allowed, require


def access_claim(user: User, claim_id: int) -> Claim:
    return fetch_if_allowed(
        can_read_claims(user),
        Claim.objects.select_related("attributed_source", "attributed_entity", "created_by"),
        pk=claim_id,
    )


def access_claim_for_change(user: User, claim_id: int) -> Claim:
    require(can_change_claims(user))
    return access_claim(user, claim_id)


def access_annotation_for_claims(user: User, annotation_id: int) -> Annotation:
    """An annotation whose claim the user may see (their own, or any for reviewers/admins)."""
    require(can_read_claims(user))
    return access_annotation(user, annotation_id)


def access_annotation_for_claiming(user: User, annotation_id: int) -> Annotation:
    """An annotation the user may make a claim of or attach to one: their own, any for admins."""
    require(can_change_claims(user))
    return access_annotation_for_change(user, annotation_id)
