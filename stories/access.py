"""Stories and articles to date or relate, fetched and checked in one call (404/403).

The rules are `newsdesk.permissions`: every role reads stories, editors and admins edit.
"""

from django.shortcuts import get_object_or_404

from articles.models import Article
from newsdesk.permissions import User, can_edit_stories, can_read_stories, require
from stories.models import Story


def access_story(user: User, story_id: int) -> Story:
    require(can_read_stories(user))
    return get_object_or_404(Story, pk=story_id)


def access_story_for_change(user: User, story_id: int) -> Story:
    require(can_edit_stories(user))
    return get_object_or_404(Story, pk=story_id)


def access_article(user: User, article_id: int) -> Article:
    require(can_read_stories(user))
    return get_object_or_404(Article, pk=article_id)


def access_article_for_dating(user: User, article_id: int) -> Article:
    require(can_edit_stories(user))
    return get_object_or_404(Article, pk=article_id)
