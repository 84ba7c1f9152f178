"""Grouping articles into stories automatically.

The rule (thresholds in settings, docs/architecture/near-duplicates.md):
- near-duplicates always go into the same story;
- two other articles are related when they share at least STORY_MIN_SHARED_ENTITIES
  entities (mentions an editor rejected do not count) and, when both are dated, lie at
  most STORY_MAX_DAYS_APART days apart; an undated article is related by entities alone.
An ungrouped article joins the story of a near-duplicate, else the story holding most
of its related articles; with none, it opens a new story together with its ungrouped
related articles (an article related to nothing stays alone, in no story). Grouping
never moves an article that is in a story, and never touches an article an editor
removed from a story: editors' decisions win.
"""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q

from articles.models import Article
from entities.models import Mention
from stories.models import NearDuplicate, Story, StoryMembership

RELATED_LIMIT = 50


def related_by_entities(article: Article) -> list[int]:
    """Ids of the articles sharing enough entities with `article`, close enough in date."""
    entity_ids = (
        Mention.objects.filter(article_id=article.pk)
        .exclude(decision=Mention.Decision.REJECTED)
        .values("entity_id")
    )
    mentions = (
        Mention.objects.filter(entity_id__in=entity_ids)
        .exclude(article_id=article.pk)
        .exclude(decision=Mention.Decision.REJECTED)
    )
    if article.published_on is not None:
        window = datetime.timedelta(days=settings.STORY_MAX_DAYS_APART)
        mentions = mentions.filter(
            Q(article__published_on__isnull=True)
            | Q(
                article__published_on__range=(
                    article.published_on - window,
                    article.published_on + window,
                )
            )
        )
    return list(
        mentions.values("article_id")
        .annotate(shared=Count("entity_id", distinct=True))
        .filter(shared__gte=settings.STORY_MIN_SHARED_ENTITIES)
        .order_by("-shared", "article_id")
        .values_list("article_id", flat=True)[:RELATED_LIMIT]
    )


def near_duplicate_ids(article_id: int) -> list[int]:
    pairs = NearDuplicate.objects.filter(Q(first_id=article_id) | Q(second_id=article_id))
    return [
        second if first == article_id else first
        for first, second in pairs.values_list("first_id", "second_id")
    ]


@transaction.atomic
def stories_group(*, article_ids: Iterable[int]) -> list[Story]:
    """Put each ungrouped article of these into a story by the rule above; the stories touched."""
    touched: dict[int, Story] = {}
    for article in Article.objects.filter(pk__in=list(article_ids)).order_by("pk"):
        story = _group_one(article)
        if story is not None:
            touched[story.pk] = story
    return list(touched.values())


def _group_one(article: Article) -> Story | None:
    if StoryMembership.objects.filter(article=article).exists():
        return None
    duplicates = near_duplicate_ids(article.pk)
    related = list(dict.fromkeys(duplicates + related_by_entities(article)))
    if not related:
        return None
    memberships = dict(
        StoryMembership.objects.filter(article_id__in=related).values_list("article_id", "removed")
    )
    story_of = dict(
        StoryMembership.objects.filter(article_id__in=related, removed=False).values_list(
            "article_id", "story_id"
        )
    )
    story_id = next((story_of[pk] for pk in duplicates if pk in story_of), None)
    if story_id is None and story_of:
        story_id = Counter(story_of.values()).most_common(1)[0][0]
    story = (
        Story.objects.get(pk=story_id)
        if story_id is not None
        else Story.objects.create(title=article.title)
    )
    joining = [article.pk] + [pk for pk in related if pk not in memberships]
    StoryMembership.objects.bulk_create(
        StoryMembership(story=story, article_id=pk) for pk in joining
    )
    story.save(update_fields=["updated_at"])
    return story
