"""Workflow objects fetched and checked in one call (404/403), on `newsdesk.permissions`."""

from django.shortcuts import get_object_or_404

from articles.models import Article
from newsdesk.permissions import User, can_assign, can_read_articles, require
from workflow.models import Assignment


def access_article_for_assignments(user: User, article_id: int) -> Article:
    """An article whose assignments `user` wants to see: everyone who reads articles."""
    require(can_read_articles(user))
    return get_object_or_404(Article.objects.defer("body", "blocks"), pk=article_id)


def access_article_for_assigning(user: User, article_id: int) -> Article:
    require(can_assign(user))
    return get_object_or_404(Article.objects.defer("body", "blocks"), pk=article_id)


def access_assignment_for_change(user: User, assignment_id: int) -> Assignment:
    require(can_assign(user))
    return get_object_or_404(Assignment.objects.select_related("article", "user"), pk=assignment_id)
