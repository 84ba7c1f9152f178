"""A story of thousands of articles: its page and the related articles stay a page long."""

import datetime
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from annotations.tests.support import annotate
from articles.models import Article
from claims.tests.support import claim_of
from stories.models import Story
from stories.selectors import RELATED_STORY_ARTICLES, STORY_ARTICLES_PER_PAGE
from stories.services import story_article_add

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
# More articles than one page holds: the last page has the rest.
COUNT = STORY_ARTICLES_PER_PAGE + 7


def big_story(editor: User, count: int = COUNT) -> tuple[Story, list[Article]]:
    """A story of `count` invented reports, dated one day apart (newest created first),
    and two undated ones."""
    story = Story.objects.create(title="Fähren am Kestrelhafen")  # grouping has no "create"
    articles = []
    for n in range(count):
        article = Article.objects.create(
            title=f"Fähre Nummer {n}",
            origin=f"faehre-{n:04d}.txt",
            body=f"Kestrelhafen (ndx) – Die Fähre Nummer {n} fuhr pünktlich ab.",
            content_hash=f"f{n}",
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=count - n),
            date_precision="day",
        )
        articles.append(article)
    for n in range(2):
        articles.append(
            Article.objects.create(
                title=f"Ohne Datum {n}",
                origin=f"ohne-{n}.txt",
                body="Ohne Datum.",
                content_hash=f"u{n}",
            )
        )
    for article in articles:
        story_article_add(story=story, article=article, user=editor)
    return story, articles


@pytest.fixture
def reader(editor: User) -> Client:
    """The editor, logged in, reading in English."""
    client = Client(headers=EN)
    client.force_login(editor)
    return client


def origins(html: str) -> list[str]:
    return re.findall(r'<span class="hint">((?:faehre|ohne)-[\w-]+\.txt)</span>', html)


def test_story_page_lists_its_articles_a_page_at_a_time_in_timeline_order(
    editor: User, reader: Client, django_assert_max_num_queries: Any
) -> None:
    story, articles = big_story(editor)
    with django_assert_max_num_queries(12):
        first = reader.get(story.get_absolute_url()).content.decode()
    last = reader.get(story.get_absolute_url(), {"page": 2}).content.decode()
    # Oldest first (the last made is the oldest), the undated ones at the very end.
    expected = [a.origin for a in reversed(articles[:COUNT])] + ["ohne-0.txt", "ohne-1.txt"]
    assert origins(first) == expected[:STORY_ARTICLES_PER_PAGE]
    assert origins(last) == expected[STORY_ARTICLES_PER_PAGE:]
    assert f"Articles 1–{STORY_ARTICLES_PER_PAGE} of {COUNT + 2}" in first
    assert "page 1 of 2" in first
    assert first.count('<circle class="day"') == STORY_ARTICLES_PER_PAGE
    assert "<h3>Undated</h3>" in last
    german = Client(headers={"accept-language": "de"})
    german.force_login(editor)
    html = german.get(story.get_absolute_url()).content.decode()
    assert f"Artikel 1–{STORY_ARTICLES_PER_PAGE} von {COUNT + 2}" in html


def test_story_claims_take_the_same_queries_however_many_claims(
    editor: User, reader: Client, django_assert_max_num_queries: Any, claim_label: Label
) -> None:
    story, articles = big_story(editor, count=15)
    for article in articles[:15]:
        annotation = annotate(article, editor, "Die Fähre", label=claim_label)
        claim_of(f"Die Fähre fuhr ab ({article.origin}).", editor, annotation=annotation)
    with django_assert_max_num_queries(12):
        html = reader.get(story.get_absolute_url()).content.decode()
    assert html.count('class="story-claim"') == 15


def test_related_articles_name_the_first_of_a_big_story_and_how_many_more(
    editor: User, reader: Client, django_assert_max_num_queries: Any
) -> None:
    story, articles = big_story(editor)
    with django_assert_max_num_queries(12):
        html = reader.get(
            reverse("stories:related", args=[articles[0].pk]), headers={"HX-Request": "true"}
        ).content.decode()
    assert html.count('class="compare-link"') == RELATED_STORY_ARTICLES
    more = COUNT + 2 - 1 - RELATED_STORY_ARTICLES
    assert f"and {more} more articles on the story's page" in html
    assert story.get_absolute_url() in html
