"""Detection services: mentions written idempotently, editor decisions kept, candidates
queued (decisions on them: test_decisions.py)."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from entities.gazetteer import database_matcher
from entities.models import CandidateOccurrence, Entity, EntityAlias, EntityCandidate, Mention
from entities.services import (
    gazetteer_seed_ensure,
    mention_decide,
    mentions_detect,
    mentions_redetect_containing,
)
from entities.tests.support import article, mentions_of
from ingest.pipeline import files_import

pytestmark = pytest.mark.django_db


def test_the_seed_gazetteer_is_loaded_once() -> None:
    assert gazetteer_seed_ensure() > 30
    assert gazetteer_seed_ensure() == 0
    assert EntityAlias.objects.filter(name="aserbaidschanisch", kind="derived").exists()


def test_detection_writes_mentions_and_is_idempotent() -> None:
    item = article("Putins Gespräch mit Aliyev in Baku. Die aserbaidschanische Seite.")
    first = mentions_detect(articles=[item])
    assert mentions_of(item) == [
        ("Putins", "Wladimir Putin", "inflection"),
        ("Aliyev", "Ilham Aliyev", "alias"),
        ("Baku", "Baku", "alias"),
        ("aserbaidschanische", "Aserbaidschan", "derived"),
    ]
    assert first.created == 4
    ids = set(Mention.objects.values_list("pk", flat=True))
    second = mentions_detect(articles=[item])
    assert (second.created, second.removed) == (0, 0)
    assert set(Mention.objects.values_list("pk", flat=True)) == ids


def test_editor_decisions_are_never_overwritten(editor: User) -> None:
    item = article("Putin traf Aliyev.")
    mentions_detect(articles=[item])
    putin = Mention.objects.get(surface="Putin")
    aliyev = Mention.objects.get(surface="Aliyev")
    mention_decide(mention=putin, decision="rejected", user=editor)
    mention_decide(mention=aliyev, decision="confirmed", user=editor)
    Article.objects.filter(pk=item.pk).update(body="Putin traf Aliyev nicht.")
    item.refresh_from_db()
    report = mentions_detect(articles=[item])
    assert report.kept_decided == 2
    assert Mention.objects.get(pk=putin.pk).decision == "rejected"
    assert Mention.objects.get(pk=aliyev.pk).confirmed_by == editor
    assert Mention.objects.count() == 2


def test_changed_text_moves_automatic_mentions() -> None:
    item = article("Putin in Baku.")
    mentions_detect(articles=[item])
    Article.objects.filter(pk=item.pk).update(body="In Baku war Putin nicht.")
    item.refresh_from_db()
    mentions_detect(articles=[item])
    assert [(m.surface, m.start) for m in Mention.objects.order_by("start")] == [
        ("Baku", 3),
        ("Putin", 12),
    ]


def test_candidates_are_queued_with_their_occurrences() -> None:
    first = article("Die Journalistin Nigar Hasanova schreibt.", "a.txt")
    second = article("Das sagte Nigar Hasanova in Baku.", "b.txt")
    mentions_detect(articles=[first, second])
    candidate = EntityCandidate.objects.get(name="Nigar Hasanova")
    assert (candidate.kind, candidate.status) == ("PER", "open")
    assert "Journalistin" in candidate.evidence
    assert candidate.occurrences.count() == 2
    mentions_detect(articles=[first, second])
    assert candidate.occurrences.count() == 2


def test_a_name_in_the_queue_is_proposed_wherever_it_stands() -> None:
    item = article("Dschanjatag liegt im Süden.")
    mentions_detect(articles=[item])
    assert not CandidateOccurrence.objects.exists()  # one word opening a sentence: no evidence
    EntityCandidate.objects.create(name="Dschanjatag", kind="LOC")
    mentions_detect(articles=[item])
    (occurrence,) = CandidateOccurrence.objects.all()
    assert (occurrence.candidate.name, occurrence.start) == ("Dschanjatag", 0)


def test_a_name_edited_in_another_process_is_seen_by_the_next_detection() -> None:
    """A worker keeps its gazetteer between tasks; an entity renamed elsewhere (no
    `gazetteer_changed()` in this process, as by the admin in the web process) is in
    the history, which the worker's check reads, so the next detection finds the name."""
    item = article("Sie flogen von Gäncä nach Baku.")
    mentions_detect(articles=[item])
    mentions_detect(articles=[item])  # the gazetteer is the one cached now
    assert ("Baku", "Baku", "alias") in mentions_of(item)
    baku = Entity.objects.get(name="Baku")
    baku.name = "Gäncä"
    baku.save()
    mentions_detect(articles=[item])
    assert mentions_of(item) == [("Gäncä", "Gäncä", "alias")]


def test_a_queued_candidate_is_matched_without_reading_the_entities_again() -> None:
    """Detection queues candidates in nearly every batch; the next one reads the queue
    again (and the signatures: counts and newest ids), not every entity and alias."""
    mentions_detect(articles=[article("Sie flogen nach Baku.")])
    EntityCandidate.objects.create(name="Dschanjatag", kind="LOC")
    with CaptureQueriesContext(connection) as queries:
        matcher = database_matcher()
    assert matcher is not None
    found = matcher.find("Von Dschanjatag nach Baku.")
    assert [(m.surface, m.entity.name if m.entity else None) for m in found] == [
        ("Dschanjatag", None),
        ("Baku", "Baku"),
    ]
    assert len(queries) == 6  # 5 for the signatures, 1 for the queue


def test_well_known_places_are_proposed_as_candidates() -> None:
    mentions_detect(articles=[article("Er flog nach Berlin und Kanadas Hauptstadt.")])
    names = dict(EntityCandidate.objects.values_list("name", "kind"))
    assert names == {"Berlin": "LOC", "Kanada": "LOC"}
    assert CandidateOccurrence.objects.get(candidate__name="Kanada").surface == "Kanadas"


def test_fuzzy_variant_is_a_mention_and_an_alias_proposal() -> None:
    item = article("Präsident Ilham Alijew traf die Delegation.")
    mentions_detect(articles=[item])
    (mention,) = Mention.objects.all()
    assert (mention.entity.name, mention.method) == ("Ilham Aliyev", "fuzzy")
    assert "Jaro-Winkler" in mention.evidence
    candidate = EntityCandidate.objects.get(name="Alijew")
    assert candidate.proposed_entity == mention.entity


def test_a_new_alias_re_detects_only_the_articles_containing_it() -> None:
    surname_only = article("Präsident Alijew kam.", "a.txt")
    full_name = article("Ilham Alijews Rede.", "b.txt")
    other = article("Putin in Baku.", "c.txt")
    mentions_detect(articles=[surname_only, full_name, other])
    untouched = set(Mention.objects.filter(article=other).values_list("pk", flat=True))
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    EntityAlias.objects.create(entity=aliyev, name="Ilham Alijew")

    report = mentions_redetect_containing(names=["Ilham Alijew"])

    assert report.articles == 2  # the surname alone is matched too: its articles count
    assert mentions_of(surname_only) == [("Alijew", "Ilham Aliyev", "alias")]
    assert mentions_of(full_name) == [("Ilham Alijews", "Ilham Aliyev", "inflection")]
    assert set(Mention.objects.filter(article=other).values_list("pk", flat=True)) == untouched


def test_command_detects_all_or_one_article() -> None:
    item = article("Putin in Baku.")
    article("Aliyev in Moskau.", "b.txt")
    out = StringIO()
    call_command("detect_entities", "--article", str(item.pk), stdout=out)
    assert "1 articles: 2 mentions added" in out.getvalue()
    call_command("detect_entities", stdout=out)
    assert Mention.objects.count() == 4
    with pytest.raises(CommandError, match="no article with id 999"):
        call_command("detect_entities", "--article", "999")


def test_the_seeds_get_their_mentions(seeds_dir: Path) -> None:
    list(files_import([seeds_dir], max_bytes=10**6))
    call_command("detect_entities", stdout=StringIO())
    assert Mention.objects.filter(entity__name="Wladimir Putin").count() > 20
    assert EntityCandidate.objects.filter(name="Azerbaijan Airlines", kind="ORG").exists()


def test_import_detects_each_written_batch_after_commit(
    seeds_dir: Path, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reports = list(files_import([seeds_dir], max_bytes=10**6, batch_size=2))
    detections = [c for c in callbacks if c.__qualname__.startswith("follow_ups_")]
    assert len(detections) == 3  # five files in batches of two; other apps add their own
    assert {r.status for r in reports} == {"imported"}
    assert Mention.objects.values("article").distinct().count() == 5
    counted = Mention.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        list(files_import([seeds_dir], max_bytes=10**6))
    assert callbacks == []  # unchanged files: nothing written, nothing detected
    assert Mention.objects.count() == counted


def test_detecting_the_seeds_twice_changes_nothing(seeds_dir: Path) -> None:
    list(files_import([seeds_dir], max_bytes=10**6))
    call_command("detect_entities", stdout=StringIO())
    mentions = set(Mention.objects.values_list("article", "entity", "start", "end", "method"))
    occurrences = set(
        CandidateOccurrence.objects.values_list("candidate__name", "article", "start")
    )
    out = StringIO()
    call_command("detect_entities", stdout=out)
    assert "0 mentions added, 0 removed" in out.getvalue()
    assert (
        set(Mention.objects.values_list("article", "entity", "start", "end", "method")) == mentions
    )
    assert (
        set(CandidateOccurrence.objects.values_list("candidate__name", "article", "start"))
        == occurrences
    )
    assert Mention.objects.filter(method="fuzzy", surface="Ilham Alijew").exists()
