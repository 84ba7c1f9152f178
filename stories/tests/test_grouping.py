from django.conf import settings

from articles.models import Article
from entities.models import Mention
from entities.services import mentions_detect
from stories.grouping import ENTITY_HOLDERS, related_by_entities, stories_group
from stories.models import Story, StoryMembership
from stories.services import story_article_remove


def related_of(article: Article) -> list[int]:
    """The articles `article` is related to by its entities, grouped alone."""
    return related_by_entities(articles=[article]).related[article.pk]


def test_all_five_seeds_form_one_story(seeded):
    story = Story.objects.get()
    members = StoryMembership.objects.filter(story=story, removed=False)
    assert sorted(m.article.origin[:3] for m in members) == ["000", "001", "002", "003", "004"]
    assert story.title == seeded["000"].title


def test_near_duplicates_share_a_story_even_without_entities(seeded, settings):
    StoryMembership.objects.all().delete()
    Story.objects.all().delete()
    settings.STORY_MIN_SHARED_ENTITIES = 1000
    stories_group(article_ids=[a.pk for a in seeded.values()])
    story = Story.objects.get()
    assert set(story.memberships.values_list("article__origin", flat=True)) == {
        seeded["000"].origin,
        seeded["001"].origin,
    }


def test_dated_articles_too_far_apart_are_not_related_directly(seeded, settings):
    # 003 (September 2023) and 001 (10 October 2025) share five entities.
    settings.STORY_MAX_DAYS_APART = 1000
    assert seeded["001"].pk in related_of(seeded["003"])
    settings.STORY_MAX_DAYS_APART = 365
    related = related_of(seeded["003"])
    assert seeded["001"].pk not in related
    assert seeded["000"].pk in related  # undated: entities alone decide


def test_an_article_an_editor_removed_is_not_grouped_again(seeded, editor):
    story = Story.objects.get()
    story_article_remove(story=story, article=seeded["004"], user=editor)
    stories_group(article_ids=[a.pk for a in seeded.values()])
    membership = StoryMembership.objects.get(article=seeded["004"])
    assert membership.removed
    assert membership.changed_by == editor


def articles_mentioning(text: str, count: int, *, name: str) -> list[Article]:
    """`count` articles of `text`, their mentions detected, as one import writes them."""
    articles = Article.objects.bulk_create(
        Article(
            title=f"{name} {n}", origin=f"{name}/{n}.txt", body=text, content_hash=f"{name}-{n}"
        )
        for n in range(count)
    )
    mentions_detect(articles=articles)
    return articles


PUTIN_TEXT = "Wladimir Putin sprach im Kreml in Moskau über Russland und die Ukraine."
ALIYEV_TEXT = "Ilham Aliyev sprach in Baku über Aserbaidschan, Armenien und SOCAR."


def test_an_entity_many_articles_mention_costs_what_one_few_mention_does(seeded):
    reports = {}
    for text, count in ((PUTIN_TEXT, ENTITY_HOLDERS), (ALIYEV_TEXT, 4 * ENTITY_HOLDERS)):
        earlier = articles_mentioning(text, count, name=f"earlier-{count}")
        [new] = articles_mentioning(text, 1, name=f"new-{count}")
        entities = Mention.objects.filter(article=new).values("entity").distinct().count()
        assert entities >= settings.STORY_MIN_SHARED_ENTITIES
        reports[count] = related_by_entities(articles=[new])
        # Of each of its entities the newest holders only: the new article and 50 others.
        assert reports[count].holdings_read == entities * (ENTITY_HOLDERS + 1)
        newest = {article.pk for article in earlier[-ENTITY_HOLDERS:]}
        assert set(reports[count].related[new.pk]) == newest


def test_a_batch_is_grouped_as_its_articles_would_be_one_at_a_time(db):
    first, second, third = articles_mentioning(ALIYEV_TEXT, 3, name="batch")
    relations = related_by_entities(articles=[first, second, third])
    # Each is related to the earlier ones only (and to the archive's articles: none here).
    assert relations.related == {
        first.pk: [],
        second.pk: [first.pk],
        third.pk: [first.pk, second.pk],
    }
    stories_group(article_ids=[first.pk, second.pk, third.pk])
    story = Story.objects.get()
    assert story.title == second.title  # the first to find a related article opened it
    assert set(story.memberships.values_list("article", flat=True)) == {
        first.pk,
        second.pk,
        third.pk,
    }
