"""Claims for tests, made the way an editor makes them: through `claim_create`."""

from django.contrib.auth.models import User

from annotations.models import Annotation
from claims.models import Claim
from claims.services import Attribution, claim_create


def claim_of(
    wording: str,
    author: User,
    *,
    annotation: Annotation | None = None,
    attribution: Attribution = (None, None),
) -> Claim:
    """A new unverified claim by `author` (with its first history row), appearing in
    `annotation` when one is given."""
    return claim_create(
        wording=wording, attribution=attribution, user=author, annotation=annotation
    )
