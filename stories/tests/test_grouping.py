from stories.grouping import related_by_entities, stories_group
from stories.models import Story, StoryMembership
from stories.services import story_article_remove


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
    assert seeded["001"].pk in related_by_entities(seeded["003"])
    settings.STORY_MAX_DAYS_APART = 365
    related = related_by_entities(seeded["003"])
    assert seeded["001"].pk not in related
    assert seeded["000"].pk in related  # undated: entities alone decide


def test_an_article_an_editor_removed_is_not_grouped_again(seeded, editor):
    story = Story.objects.get()
    story_article_remove(story=story, article=seeded["004"], user=editor)
    stories_group(article_ids=[a.pk for a in seeded.values()])
    membership = StoryMembership.objects.get(article=seeded["004"])
    assert membership.removed
    assert membership.changed_by == editor
