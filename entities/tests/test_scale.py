"""Entity pages and the candidate queue on big data: a page reads the text around its
lines, never whole articles, and never every occurrence of a name."""

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from entities.models import CandidateOccurrence, Entity, EntityCandidate, Mention
from entities.selectors import KWIC_CHARS, candidate_examples, entity_mentions_page, kwic

pytestmark = pytest.mark.django_db

NAME = "Kestrelhafen"
# An invented report, long enough that most of its names stand far from either end.
SENTENCE = f"Die Fähre nach {NAME} fuhr um acht Uhr ab, sagte die Sprecherin Jördis Beispiel. "


BODY = '"articles_article"."body"'


def whole_bodies_read(context: CaptureQueriesContext) -> list[str]:
    """The queries that select an article's body itself, not a piece of it."""
    return [
        query["sql"]
        for query in context.captured_queries
        if BODY in re.sub(r"SUBSTR(?:ING)?\(" + re.escape(BODY), "", query["sql"], flags=re.I)
    ]


def long_article(sentences: int = 300) -> Article:
    body = f"{NAME} – " + SENTENCE * sentences + f"Zuletzt: {NAME}"
    return Article.objects.create(title="Fähren", origin="faehren.txt", body=body, content_hash="f")


def starts_of(body: str) -> list[int]:
    found, at = [], body.find(NAME)
    while at != -1:
        found.append(at)
        at = body.find(NAME, at + 1)
    return found


def test_mention_lines_show_the_text_around_each_name_as_the_whole_article_does() -> None:
    article = long_article()
    entity = Entity.objects.create(name=NAME, kind=Entity.Kind.PLACE)
    starts = starts_of(article.body)
    # The first name (no text before it), two in the middle, the last (none after it).
    for start in (starts[0], starts[1], starts[150], starts[-1]):
        Mention.objects.create(
            article=article, entity=entity, start=start, end=start + len(NAME), surface=NAME
        )
    with CaptureQueriesContext(connection) as queries:
        lines = list(entity_mentions_page(entity, None).object_list)
    assert whole_bodies_read(queries) == []
    assert [(line.left, line.keyword, line.right) for line in lines] == [
        kwic(article.body, line.start, line.end) for line in lines
    ]
    assert lines[0].left == ""
    assert lines[-1].right == ""
    assert 0 < len(lines[1].left) <= KWIC_CHARS
    assert 0 < len(lines[1].right) <= KWIC_CHARS


def test_queue_shows_two_examples_of_a_name_seen_hundreds_of_times(
    editor: User, django_assert_max_num_queries: Any
) -> None:
    article = long_article()
    candidates = [
        EntityCandidate.objects.create(name=f"{NAME} {n}", kind=Entity.Kind.PLACE) for n in range(3)
    ]
    CandidateOccurrence.objects.bulk_create(
        CandidateOccurrence(
            candidate=candidate, article=article, start=start, end=start + len(NAME), surface=NAME
        )
        for candidate in candidates
        for start in starts_of(article.body)
    )
    client = Client()
    client.force_login(editor)
    with django_assert_max_num_queries(12) as queries:
        html = client.get(reverse("entities:candidates")).content.decode()
    assert whole_bodies_read(queries) == []
    assert html.count("<mark>") == 2 * len(candidates)
    for candidate in candidates:
        candidate_examples([candidate])
        starts = [line.start for line in candidate.examples]  # type: ignore[attr-defined]
        assert starts == starts_of(article.body)[:2]  # the first ones in the text
