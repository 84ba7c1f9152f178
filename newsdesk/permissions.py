"""Who may do what: every role rule of Newsdesk, said once.

Each predicate answers from Django permissions, which the role groups hold
(`newsdesk.roles`); superusers hold them all. The apps build their `access_*` helpers
(fetch an object and check, 404/403) on these predicates, and views hand templates
flags computed here, so that no template or view carries a rule of its own.

| predicate | editor | reviewer | admin | no role |
| --- | --- | --- | --- | --- |
| can_read_articles | yes | yes | yes | no |
| can_annotate | yes | no | yes | no |
| sees_all_annotations | no | yes | yes | no |
| can_change_annotation | own | no | all | no |
| can_review (and export) | no | yes | yes | no |
| can_adjudicate | no | yes | yes | no |
| can_read_entities | yes | yes | yes | no |
| can_curate_entities | yes | no | yes | no |
| can_read_stories / can_read_claims | yes | yes | yes | no |
| can_edit_stories / can_change_claims | yes | no | yes | no |
| can_import_articles | yes | no | yes | no |
| can_assign (leads: `workflow.assign_articles`) | no | no | yes | no |
| can_see_progress | no | yes | yes | no |
| can_reply | own | yes | yes | no |

Leads are editors or reviewers who also hold the permission "Can assign articles to
editors and reviewers" (`workflow.assign_articles`): no role group has it; an admin
gives it to a user or to a group of leads in Django admin (docs/user/workflow.md).
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as DjangoUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

User = DjangoUser | AnonymousUser


def can_read_articles(user: User) -> bool:
    """Every role reads articles; a logged-in account without a role reads nothing."""
    return bool(user.has_perm("articles.view_article"))


def can_annotate(user: User) -> bool:
    return bool(user.has_perm("annotations.add_annotation"))


def sees_all_annotations(user: User) -> bool:
    """Reviewers and admins see every editor's annotations; editors see their own."""
    return bool(user.has_perm("annotations.view_all_annotations"))


def can_see_annotation(user: User, author_id: int) -> bool:
    return author_id == user.pk or sees_all_annotations(user)


def can_change_annotation(user: User, author_id: int) -> bool:
    """Edit, delete, restore, re-attach: one's own annotations, or any for admins."""
    if user.is_superuser:
        return True
    return author_id == user.pk and bool(user.has_perm("annotations.change_annotation"))


def can_review(user: User) -> bool:
    """Reviewers (who see and may change every annotation) and admins review and export."""
    return bool(
        user.is_superuser
        or (sees_all_annotations(user) and user.has_perm("annotations.change_annotation"))
    )


def can_adjudicate(user: User) -> bool:
    """Merge several editors' versions of an article into one reviewed set: reviewers and
    admins, who decide on every annotation."""
    return can_review(user)


def can_read_entities(user: User) -> bool:
    return bool(user.has_perm("entities.view_entity"))


def can_curate_entities(user: User) -> bool:
    """Decide candidates and mentions, set external ids, link names selected in the text to
    entities or propose them: editors and admins."""
    return bool(user.has_perm("entities.change_entitycandidate"))


def can_read_stories(user: User) -> bool:
    return bool(user.has_perm("stories.view_story"))


def can_edit_stories(user: User) -> bool:
    """Edit stories, dates and related links, copy annotations: editors and admins."""
    return bool(user.has_perm("stories.change_story"))


def can_read_claims(user: User) -> bool:
    return bool(user.has_perm("claims.view_claim"))


def can_change_claims(user: User) -> bool:
    """Make, attach and edit claims, decide suggestions: editors and admins."""
    return bool(user.has_perm("claims.change_claim"))


def can_claim(user: User, author_id: int) -> bool:
    """Make a claim of an annotation or attach it to one: one's own, or any for admins."""
    return can_change_claims(user) and can_change_annotation(user, author_id)


def can_import_articles(user: User) -> bool:
    """Upload files or fetch pages into the archive: editors and admins."""
    return bool(user.has_perm("articles.add_article"))


def can_assign(user: User) -> bool:
    """Assign articles to editors and reviewers: leads (the permission) and admins."""
    return bool(user.has_perm("workflow.assign_articles"))


def can_see_progress(user: User) -> bool:
    """The progress pages: reviewers, leads and admins."""
    return can_review(user) or can_assign(user)


def can_reply(user: User, author_id: int) -> bool:
    """Reply under an annotation: its author (an editor), reviewers and admins."""
    return can_review(user) or (author_id == user.pk and can_annotate(user))


def can_edit_article_metadata(user: User) -> bool:
    """Correct an article's title, date and publisher in the workspace: editors, admins."""
    return bool(user.has_perm("articles.change_article"))


def require(allowed: bool) -> None:
    """PermissionDenied (403) unless `allowed`: `require(can_review(user))`."""
    if not allowed:
        raise PermissionDenied


def fetch_if_allowed[M: Model](
    allowed: bool, objects: type[M] | QuerySet[M], **lookup: object
) -> M:
    """The one object of `objects` that `lookup` finds, if `allowed`.

    PermissionDenied (403) comes before the 404, so that a user who may not have the
    object cannot learn which ids exist. The apps' `access_*` helpers are built on it:
    `fetch_if_allowed(can_read_stories(user), Story, pk=story_id)`.
    """
    require(allowed)
    return get_object_or_404(objects, **lookup)
