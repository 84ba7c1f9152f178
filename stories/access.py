"""Stories and articles to date or relate, fetched and checked in one call (404/403).

The rules are `newsdesk.permissions`: every role reads stories, editors and admins edit.
"""

from articles.models import Article
from newsdesk.permissions import User, can_edit_stories, can_read_stories, fetch_if_allowed
from stories.models import Story


def access_story(user: User, story_id: int) -> Story:
    return fetch_if_allowed(can_read_stories(user), Story, pk=story_id)


def access_story_for_change(user: User, story_id: int) -> Story:
    return fetch_if_allowed(can_edit_stories(user), Story, pk=story_id)


def access_article(user: User, article_id: int) -> Article:
    return fetch_if_allowed(can_read_stories(user), Article, pk=article_id)


def access_article_for_dating(user: User, article_id: int) -> Article:
    return fetch_if_allowed(can_edit_stories(user), Article, pk=article_id)
