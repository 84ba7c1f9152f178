"""Linking a selected name to an entity, or proposing it as a candidate (the services)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from articles.models import Article
from entities.linking import LinkRefused, candidate_propose, mention_link
from entities.models import CandidateOccurrence, Entity, EntityCandidate, Mention
from entities.selectors import EDITOR_EVIDENCE, open_candidates
from entities.services import candidate_reject, mentions_detect
from entities.tests.support import article_imported, entity_added
from newstext.offsets import CodePointRange

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """Refusals are in the reader's language: these tests read the English ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def scholz_article(tmp_path: Path) -> Article:
    return article_imported(tmp_path)


def span_of(article: Article, words: str, occurrence: int = 0) -> CodePointRange:
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(words, start + 1)
    return CodePointRange(start, start + len(words))


def test_a_link_stores_a_confirmed_mention_of_the_exact_words(
    scholz_article: Article, editor: User
) -> None:
    scholz = entity_added("Olaf Scholz")
    span = span_of(scholz_article, "Olaf Scholz")
    assert not Mention.objects.filter(article=scholz_article, entity=scholz).exists()

    result = mention_link(article=scholz_article, span=span, entity=scholz, user=editor)

    mention = result.mention
    assert result.created
    assert (mention.start, mention.end, mention.surface) == (span.start, span.end, "Olaf Scholz")
    assert mention.method == Mention.Method.EDITOR
    assert mention.decision == Mention.Decision.CONFIRMED
    assert mention.confirmed_by == editor
    assert not result.alias_added  # the selected words are the entity's own name


def test_linking_the_same_words_again_changes_nothing(
    scholz_article: Article, editor: User, other_editor: User
) -> None:
    scholz = entity_added("Olaf Scholz")
    span = span_of(scholz_article, "Olaf Scholz")
    first = mention_link(article=scholz_article, span=span, entity=scholz, user=editor)
    again = mention_link(article=scholz_article, span=span, entity=scholz, user=other_editor)
    assert not again.created
    assert again.mention.pk == first.mention.pk
    assert Mention.objects.filter(article=scholz_article, start=span.start).count() == 1
    assert scholz.aliases.count() == 0


def test_detection_keeps_the_linked_mention(scholz_article: Article, editor: User) -> None:
    scholz = entity_added("Olaf Scholz")
    span = span_of(scholz_article, "Olaf Scholz")
    mention_link(article=scholz_article, span=span, entity=scholz, user=editor)
    mentions_detect(articles=[scholz_article])
    assert Mention.objects.filter(article=scholz_article, entity=scholz, start=span.start).exists()


def test_a_link_settles_the_open_candidate_of_that_name(
    scholz_article: Article, editor: User
) -> None:
    candidate = EntityCandidate.objects.get(name="Olaf Scholz")
    assert candidate.status == EntityCandidate.Status.OPEN
    scholz = entity_added("Olaf Scholz")
    mention_link(
        article=scholz_article,
        span=span_of(scholz_article, "Olaf Scholz"),
        entity=scholz,
        user=editor,
    )
    candidate.refresh_from_db()
    assert candidate.status == EntityCandidate.Status.ACCEPTED
    assert candidate.entity == scholz
    assert candidate.decided_by == editor
    # The name is known from then on: the lone surname is found too.
    surname = span_of(scholz_article, "Scholz", occurrence=1)
    assert Mention.objects.filter(article=scholz_article, entity=scholz, start=surname.start)


def test_new_words_for_an_entity_become_its_alias_and_are_found_elsewhere(
    scholz_article: Article, tmp_path: Path, editor: User
) -> None:
    scholz = entity_added("Olaf Scholz")
    other = article_imported(
        tmp_path, "Bundeskanzler Olaf Scholz reiste ab. Der Kanzler Scholz schwieg.", "b.txt"
    )
    span = span_of(scholz_article, "Bundeskanzler Olaf Scholz")
    result = mention_link(article=scholz_article, span=span, entity=scholz, user=editor)
    assert result.alias_added
    assert list(scholz.aliases.values_list("name", flat=True)) == ["Bundeskanzler Olaf Scholz"]
    assert Mention.objects.filter(article=other, entity=scholz, start=0).exists()


def test_without_add_alias_no_alias_is_added(scholz_article: Article, editor: User) -> None:
    scholz = entity_added("Olaf Scholz")
    span = span_of(scholz_article, "Bundeskanzler Olaf Scholz")
    result = mention_link(
        article=scholz_article, span=span, entity=scholz, user=editor, add_alias=False
    )
    assert not result.alias_added
    assert scholz.aliases.count() == 0


def test_the_link_replaces_what_detection_guessed_for_those_words(
    scholz_article: Article, editor: User
) -> None:
    aliyev = Mention.objects.get(article=scholz_article, surface="Ilham Aliyev")
    other = entity_added("Ilham Aliyev (Doppelgänger)")
    span = CodePointRange(aliyev.start, aliyev.end)
    mention_link(article=scholz_article, span=span, entity=other, user=editor, add_alias=False)
    at_range = Mention.objects.filter(article=scholz_article, start=span.start, end=span.end)
    assert [m.entity_id for m in at_range] == [other.pk]


def test_a_rejected_mention_linked_again_is_confirmed(
    scholz_article: Article, editor: User
) -> None:
    aliyev = Mention.objects.get(article=scholz_article, surface="Ilham Aliyev")
    aliyev.decision = Mention.Decision.REJECTED
    aliyev.save()
    result = mention_link(
        article=scholz_article,
        span=CodePointRange(aliyev.start, aliyev.end),
        entity=aliyev.entity,
        user=editor,
    )
    assert not result.created
    aliyev.refresh_from_db()
    assert aliyev.decision == Mention.Decision.CONFIRMED


def test_a_passage_is_not_a_name(scholz_article: Article, tmp_path: Path, editor: User) -> None:
    scholz = entity_added("Olaf Scholz")
    whole = CodePointRange(0, len(scholz_article.body))
    with pytest.raises(LinkRefused, match="paragraphs"):
        mention_link(article=scholz_article, span=whole, entity=scholz, user=editor)
    words = article_imported(tmp_path, "Wort " * 60, "words.txt")
    with pytest.raises(LinkRefused, match="250 characters; a name has at most 200"):
        mention_link(article=words, span=CodePointRange(0, 250), entity=scholz, user=editor)
    assert not Mention.objects.filter(entity=scholz).exists()


def test_a_proposed_name_waits_in_the_queue_with_its_place(
    scholz_article: Article, editor: User
) -> None:
    span = span_of(scholz_article, "Brückenschlag Ost")
    result = candidate_propose(
        article=scholz_article, span=span, kind=Entity.Kind.ORGANISATION, user=editor
    )
    candidate = result.candidate
    assert result.created
    assert (candidate.name, candidate.kind, candidate.status) == (
        "Brückenschlag Ost",
        "ORG",
        EntityCandidate.Status.OPEN,
    )
    assert candidate.evidence == EDITOR_EVIDENCE
    assert candidate in open_candidates()
    occurrence = CandidateOccurrence.objects.get(candidate=candidate)
    assert (occurrence.article_id, occurrence.start, occurrence.end) == (
        scholz_article.pk,
        span.start,
        span.end,
    )
    # Proposing it again adds nothing; detection keeps finding it.
    again = candidate_propose(
        article=scholz_article, span=span, kind=Entity.Kind.ORGANISATION, user=editor
    )
    assert not again.created
    mentions_detect(articles=[scholz_article])
    assert CandidateOccurrence.objects.filter(candidate=candidate).count() == 1
    assert EntityCandidate.objects.filter(name="Brückenschlag Ost").count() == 1


def test_known_or_decided_names_are_not_proposed(scholz_article: Article, editor: User) -> None:
    aliyev = span_of(scholz_article, "Ilham Aliyev")
    with pytest.raises(LinkRefused, match="Ilham Aliyev already"):
        candidate_propose(article=scholz_article, span=aliyev, kind="PER", user=editor)
    candidate = EntityCandidate.objects.get(name="Olaf Scholz")
    candidate_reject(candidate=candidate, user=editor)
    scholz = span_of(scholz_article, "Olaf Scholz")
    with pytest.raises(LinkRefused, match="decided"):
        candidate_propose(article=scholz_article, span=scholz, kind="PER", user=editor)
    with pytest.raises(LinkRefused, match="type"):
        candidate_propose(
            article=scholz_article, span=span_of(scholz_article, "Dialog"), kind="XX", user=editor
        )
    assert not EntityCandidate.objects.filter(name="Dialog").exists()
