"""Entity pages and the candidate queue on big data: a page reads the text around its
lines, never whole articles, and never every occurrence of a name."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from annotations import reanchoring as annotations_reanchoring
from annotations.models import Annotation, Label
from annotations.tests.support import annotations_across
from articles.models import Article
from entities import reanchoring as entities_reanchoring
from entities.models import CandidateOccurrence, Entity, EntityCandidate, Mention
from entities.selectors import KWIC_CHARS, candidate_examples, entity_mentions_page, kwic
from ingest.pipeline import files_import

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


def test_a_revision_looks_up_only_the_mentions_in_its_changed_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: User, labels: dict[str, Label]
) -> None:
    """A name mentioned hundreds of times: re-anchoring weighs every occurrence of a name
    it looks up, so it looks up only what a revision changed (110 s -> 4 s for 2,871
    mentions and 2,000 annotations in a 270,000-character article)."""
    lines = [f"Meldung {n}: Die Fähre nach {NAME} fuhr ab." for n in range(200)]
    path = tmp_path / "faehren.txt"
    path.write_text("Fähren\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    list(files_import([path], max_bytes=10**7))
    article = Article.objects.get(origin="faehren.txt")
    entity = Entity.objects.create(name=NAME, kind=Entity.Kind.PLACE)
    Mention.objects.bulk_create(
        Mention(article=article, entity=entity, start=s, end=s + len(NAME), surface=NAME)
        for s in starts_of(article.body)
    )
    annotations_across(article, editor, labels["claim"], 100, step=97, length=20)
    quotes = {a.pk: a.exact for a in Annotation.objects.filter(article=article)}
    looked_up: list[str] = []
    for module in (entities_reanchoring, annotations_reanchoring):
        original = module.locate

        def spy(text: str, exact: str, *args: Any, original: Any = original) -> Any:
            looked_up.append(exact)
            return original(text, exact, *args)

        monkeypatch.setattr(module, "locate", spy)
    revised = path.read_text("utf-8").replace("Fähren\n", "Fähren am Abend\n", 1)
    for n in (7, 150):
        line = lines[n]
        revised = revised.replace(line, line.replace("fuhr ab", "fuhr spät ab"))
    path.write_text(revised, encoding="utf-8")
    list(files_import([path], max_bytes=10**7))
    article.refresh_from_db()
    starts = set(Mention.objects.filter(article=article).values_list("start", flat=True))
    changed = [
        article.body.index(line.replace("fuhr ab", "fuhr spät ab"))
        for line in (lines[7], lines[150])
    ]
    untouched = {s for s in starts_of(article.body) if not any(c < s < c + 60 for c in changed)}
    assert len(untouched) == 198
    assert untouched <= starts  # each on its own words (those in changed lines are weighed)
    for annotation in Annotation.objects.filter(article=article):
        assert article.body[annotation.start : annotation.end] == quotes[annotation.pk]
    # The title and two lines changed: their names (and the few annotations over them)
    # are looked up, not hundreds.
    assert looked_up.count(NAME) <= 2
    assert len(looked_up) <= 8


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_accepting_a_name_queues_the_search_of_its_articles(
    editor: User, settings: Any
) -> None:
    """A name in thousands of articles: accepting it answers at once, and a worker finds
    it in every article that contains it (6,900 articles took 3.9 s in the request)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    articles = [
        Article.objects.create(
            title=f"Fähre {n}",
            origin=f"faehre-{n}.txt",
            body=f"Die Fähre nach {NAME} fuhr um {n} Uhr ab.",
            content_hash=f"f{n}",
        )
        for n in range(3)
    ]
    candidate = EntityCandidate.objects.create(name=NAME, kind=Entity.Kind.PLACE)
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    url = reverse("entities:candidate_decide", args=[candidate.pk])
    response = client.post(url, {"decision": "new"}, headers={"HX-Request": "true"})
    assert "Accepted" in response.content.decode()
    assert not Mention.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="mentions_redetect_task").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    found = Mention.objects.filter(entity__name=NAME)
    assert sorted(found.values_list("article_id", flat=True)) == [a.pk for a in articles]
