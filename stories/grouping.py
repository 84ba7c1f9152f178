"""Grouping articles into stories automatically.

The rule (thresholds in settings, docs/architecture/near-duplicates.md):
- near-duplicates always go into the same story;
- two other articles are related when they share at least STORY_MIN_SHARED_ENTITIES
  entities (mentions an editor rejected do not count) and, when both are dated, lie at
  most STORY_MAX_DAYS_APART days apart; an undated article is related by entities alone.
  Of an entity only its ENTITY_HOLDERS newest articles are read: an article shares an
  entity with those, not with older ones.
An ungrouped article joins the story of a near-duplicate, else the story holding most
of its related articles; with none, it opens a new story together with its ungrouped
related articles (an article related to nothing stays alone, in no story). Grouping
never moves an article that is in a story, and never touches an article an editor
removed from a story: editors' decisions win.

A batch is grouped as its articles would be one at a time in id order: each is related
to the archive's articles and to the batch's earlier ones, and joins what those before
it joined or opened. The work is a few statements per batch (and one INSERT for each
story the batch opens), not per article, and does not grow with how many articles
mention an entity.
"""

import datetime
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import batched

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.bulk import rows_insert
from articles.models import Article
from entities.models import Mention
from stories.holders import newest_holders
from stories.models import NearDuplicate, Story, StoryMembership

RELATED_LIMIT = 50
# Of each entity only this many articles mentioning it are read, the newest (by id). An
# entity that many articles mention (a capital, a country) tells little about which of
# them an article belongs with; those that mark a story are mentioned by fewer.
ENTITY_HOLDERS = 50
# Articles grouped together: each chunk's relations are read in a few statements.
GROUP_CHUNK = 250
# Ids per statement that reads by id (SQLite takes at most 32,766 parameters).
ID_QUERY_CHUNK = 10_000


@dataclass
class Relations:
    """The articles each article of a batch is related to by its entities."""

    # Per article: the related ones, most shared entities first (then by id).
    related: dict[int, list[int]]
    # (entity, article) holdings read from the index: bounded per entity of the batch,
    # however many articles mention it.
    holdings_read: int = 0


def related_by_entities(*, articles: Sequence[Article]) -> Relations:
    """For each of these articles (id and date loaded), the articles sharing enough
    entities with it, close enough in date, as if grouped one at a time in id order:
    of each of its entities the ENTITY_HOLDERS newest articles of the archive and of the
    batch's earlier articles."""
    ids = sorted(article.pk for article in articles)
    batch = set(ids)
    entities_of: dict[int, set[int]] = {pk: set() for pk in ids}
    for article_id, entity_id in _holdings(ids):
        entities_of[article_id].add(entity_id)
    in_batch: dict[int, list[int]] = {}  # per entity, the batch's articles, ascending
    for pk in ids:
        for entity_id in entities_of[pk]:
            in_batch.setdefault(entity_id, []).append(pk)
    # The batch's own articles are among the newest: walk past them, then drop them.
    walked = newest_holders(
        model=Mention,
        key="entity",
        keys=sorted(in_batch),
        limit=ENTITY_HOLDERS + len(ids),
        unless=("decision", Mention.Decision.REJECTED.value),
    )
    archive = {
        entity_id: [pk for pk in holders if pk not in batch][:ENTITY_HOLDERS]
        for entity_id, holders in walked.items()
    }
    minimum, days = settings.STORY_MIN_SHARED_ENTITIES, settings.STORY_MAX_DAYS_APART
    shared: dict[int, dict[int, int]] = {}
    for pk in ids:
        counts: Counter[int] = Counter()
        for entity_id in entities_of[pk]:
            counts.update(_newest(archive.get(entity_id, []), in_batch[entity_id], below=pk))
        shared[pk] = {other: n for other, n in counts.items() if n >= minimum}
    dates = {article.pk: article.published_on for article in articles}
    dates.update(_dates({other for counts in shared.values() for other in counts} - batch))
    related = {}
    for pk in ids:
        close = [  # (an article deleted meanwhile has no date to read)
            other
            for other in shared[pk]
            if other in dates and _close(dates[pk], dates[other], days=days)
        ]
        close.sort(key=lambda other: (-shared[pk][other], other))
        related[pk] = close[:RELATED_LIMIT]
    return Relations(related=related, holdings_read=sum(map(len, walked.values())))


def _holdings(ids: list[int]) -> list[tuple[int, int]]:
    """(article, entity) of the entities these articles mention (rejected ones aside)."""
    mentions = Mention.objects.filter(article_id__in=ids).exclude(
        decision=Mention.Decision.REJECTED
    )
    return list(mentions.order_by().values_list("article_id", "entity_id").distinct())


def _newest(archive: list[int], batch: list[int], *, below: int) -> list[int]:
    """The ENTITY_HOLDERS newest of the archive's holders (newest first) and the batch's
    holders (ascending) below `below`."""
    end = bisect_left(batch, below)
    earlier = batch[max(0, end - ENTITY_HOLDERS) : end]
    if not earlier:
        return archive
    if not archive or archive[0] < earlier[0]:
        return (earlier[::-1] + archive)[:ENTITY_HOLDERS]
    return sorted(earlier + archive, reverse=True)[:ENTITY_HOLDERS]


def _dates(ids: set[int]) -> dict[int, datetime.date | None]:
    wanted = sorted(ids)
    dates: dict[int, datetime.date | None] = {}
    for chunk in batched(wanted, ID_QUERY_CHUNK):
        dates.update(Article.objects.filter(pk__in=chunk).values_list("pk", "published_on"))
    return dates


def _close(one: datetime.date | None, other: datetime.date | None, *, days: int) -> bool:
    """Both dated at most `days` apart, or one undated."""
    if one is None or other is None:
        return True
    return abs((one - other).days) <= days


def near_duplicates_of(article_ids: list[int]) -> dict[int, list[int]]:
    """The stored near-duplicates of each of these articles, in id order."""
    wanted = set(article_ids)
    partners: dict[int, set[int]] = {pk: set() for pk in article_ids}
    for chunk in batched(article_ids, ID_QUERY_CHUNK):
        pairs = NearDuplicate.objects.filter(Q(first_id__in=chunk) | Q(second_id__in=chunk))
        for one, other in pairs.values_list("first_id", "second_id"):
            if one in wanted:
                partners[one].add(other)
            if other in wanted:
                partners[other].add(one)
    return {pk: sorted(others) for pk, others in partners.items()}


@transaction.atomic
def stories_group(*, article_ids: Iterable[int]) -> list[int]:
    """Put each ungrouped article of these into a story by the rule above, GROUP_CHUNK at
    a time in id order; the ids of the stories touched."""
    ids = sorted(set(article_ids))
    touched: dict[int, None] = {}
    for first in range(0, len(ids), GROUP_CHUNK):
        touched.update(dict.fromkeys(_group_chunk(ids[first : first + GROUP_CHUNK])))
    return list(touched)


def _group_chunk(article_ids: list[int]) -> list[int]:
    articles = list(
        Article.objects.filter(pk__in=article_ids)
        .order_by("pk")
        .only("id", "title", "published_on")
    )
    ids = [article.pk for article in articles]
    duplicates = near_duplicates_of(ids)
    by_entities = related_by_entities(articles=articles).related
    related = {pk: list(dict.fromkeys(duplicates[pk] + by_entities[pk])) for pk in ids}
    grouping = _Grouping({pk for others in related.values() for pk in others} | set(ids))
    for article in articles:
        grouping.add(article, duplicates=duplicates[article.pk], related=related[article.pk])
    return grouping.write()


class _Grouping:
    """The memberships of the articles concerned, kept up to date as a batch is grouped,
    and written at the end."""

    def __init__(self, article_ids: set[int]) -> None:
        self.member: set[int] = set()  # in a story, or removed from one by an editor
        self.story_of: dict[int, int] = {}
        wanted = sorted(article_ids)
        for chunk in batched(wanted, ID_QUERY_CHUNK):
            memberships = StoryMembership.objects.filter(article_id__in=chunk)
            for article_id, story_id, removed in memberships.values_list(
                "article_id", "story_id", "removed"
            ):
                self.member.add(article_id)
                if not removed:
                    self.story_of[article_id] = story_id
        self.joined: list[tuple[int, int]] = []  # (story, article) to write
        self.touched: dict[int, None] = {}  # story ids, in order

    def add(self, article: Article, *, duplicates: list[int], related: list[int]) -> None:
        """Group one article by the rule, given its near-duplicates and related articles."""
        if article.pk in self.member or not related:
            return
        story_id = next((self.story_of[pk] for pk in duplicates if pk in self.story_of), None)
        if story_id is None:
            # The story holding most related articles; on a tie, that of the first of them.
            stories = Counter(self.story_of[pk] for pk in related if pk in self.story_of)
            story_id = stories.most_common(1)[0][0] if stories else None
        if story_id is None:
            story_id = Story.objects.create(title=article.title).pk
        for pk in [article.pk] + [pk for pk in related if pk not in self.member]:
            self.member.add(pk)
            self.story_of[pk] = story_id
            self.joined.append((story_id, pk))
        self.touched[story_id] = None

    def write(self) -> list[int]:
        now = timezone.now()
        rows_insert(
            StoryMembership,
            ["story_id", "article_id", "method", "removed", "changed_at"],
            [
                (story_id, pk, StoryMembership.Method.AUTOMATIC.value, False, now)
                for story_id, pk in self.joined
            ],
        )
        Story.objects.filter(pk__in=list(self.touched)).update(updated_at=now)
        return list(self.touched)
