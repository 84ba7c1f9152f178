"""Who may read and change stories, and copy annotations between articles."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from annotations.access import User, can_annotate
from articles.models import Article
from stories.models import Story


def can_read_stories(user: User) -> bool:
    """Editors, reviewers and admins: whoever may read articles."""
    return bool(user.has_perm("articles.view_article"))


def can_edit_stories(user: User) -> bool:
    """Editors and admins: the roles that annotate also curate stories and dates."""
    return can_read_stories(user) and can_annotate(user)


def access_story(user: User, story_id: int) -> Story:
    if not can_read_stories(user):
        raise PermissionDenied
    return get_object_or_404(Story, pk=story_id)


def access_story_for_change(user: User, story_id: int) -> Story:
    if not can_edit_stories(user):
        raise PermissionDenied
    return get_object_or_404(Story, pk=story_id)


def access_article(user: User, article_id: int) -> Article:
    if not can_read_stories(user):
        raise PermissionDenied
    return get_object_or_404(Article, pk=article_id)


def access_article_for_dating(user: User, article_id: int) -> Article:
    if not can_edit_stories(user):
        raise PermissionDenied
    return get_object_or_404(Article, pk=article_id)
