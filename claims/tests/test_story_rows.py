"""Claim rows of a story: each claim's appearances by date, and its status at the time."""

from datetime import datetime, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from claims.models import Claim
from claims.selectors import story_claim_rows
from claims.services import claim_attach, claim_create, claim_update
from ingest.pipeline import files_import
from stories.models import Story
from stories.services import story_article_add

QUOTES = {
    "003": "Wladimir Putin forderte Aliyev auf",  # 2023-09 (month)
    "001": "Der russische Präsident räumte das erste Mal direkt ein",  # 2025-10-10 (day)
    "000": "Putin bestritt jedoch einen Treffer",  # no date
}


@pytest.fixture
def story(db, seeds_dir, editor, make_annotation):
    files = [
        seeds_dir / f"{p}"
        for p in (
            "000_2881edf72164acbb.txt",
            "001_9820c8e68323574d.txt",
            "003_b0def7ef3eed8443.txt",
        )
    ]
    list(files_import(files, max_bytes=10**7))
    story = Story.objects.create(title="AZAL")
    articles = {a.origin[:3]: a for a in Article.objects.all()}
    for article in articles.values():
        story_article_add(story=story, article=article, user=editor)
    annotations = {p: make_annotation(articles[p], editor, q) for p, q in QUOTES.items()}
    claim = claim_create(
        wording="Russland räumt Fehler ein",
        attribution=(None, None),
        user=editor,
        annotation=annotations["000"],
    )
    for prefix in ("001", "003"):
        claim_attach(claim=claim, annotation=annotations[prefix], user=editor)
    return story, claim


def test_appearances_ordered_by_date_with_mixed_precision_undated_last(story):
    the_story, claim = story
    (row,) = story_claim_rows(the_story)
    assert row.claim == claim
    assert [a.quote for a in row.appearances] == [QUOTES["003"], QUOTES["001"], QUOTES["000"]]
    html = render_to_string("claims/_story_claims.html", {"rows": [row]})
    assert html.index(QUOTES["003"]) < html.index(QUOTES["001"]) < html.index(QUOTES["000"])
    assert "September 2023" in html or "2023" in html


def test_status_at_the_time_of_each_appearance_when_history_reaches_back(story, editor):
    the_story, claim = story
    claim_update(
        claim=claim,
        user=editor,
        version=1,
        wording="Russland räumt Fehler der Flugabwehr ein",
        status=Claim.Status.CONFIRMED,
        attribution=(None, None),
    )
    created, changed = claim.history.order_by("history_date", "history_id")
    # As if the claim had been tracked since 2023 and confirmed in October 2025.
    created.history_date = timezone.make_aware(datetime(2023, 1, 1))
    created.save()
    changed.history_date = timezone.make_aware(datetime(2025, 10, 1)) + timedelta(hours=1)
    changed.save()
    (row,) = story_claim_rows(the_story)
    by_quote = {a.quote: a for a in row.appearances}
    assert by_quote[QUOTES["003"]].version.status == "unverified"
    assert by_quote[QUOTES["001"]].version.status == "confirmed"
    assert by_quote[QUOTES["000"]].version is None  # undated: no "then"
    html = render_to_string("claims/_story_claims.html", {"rows": [row]})
    assert "Russland räumt Fehler der Flugabwehr ein" in html  # how the wording changed


def test_a_story_without_claims_says_so_on_its_page(client, editor):
    empty = Story.objects.create(title="leer")
    assert story_claim_rows(empty) == []
    client.force_login(editor)
    html = client.get(empty.get_absolute_url(), headers={"Accept-Language": "en"}).content.decode()
    claims = html[html.index('id="story-claims"') :]
    assert "No claims tracked in this story yet." in claims
    assert "<table" not in claims


def test_story_page_shows_the_claim_table(client, editor, story):
    the_story, claim = story
    client.force_login(editor)
    html = client.get(
        reverse("stories:detail", args=[the_story.pk]), headers={"Accept-Language": "en"}
    ).content.decode()
    table = html[html.index('id="story-claims"') :]
    assert f'id="story-claim-{claim.pk}"' in table
    assert table.index(QUOTES["003"]) < table.index(QUOTES["001"]) < table.index(QUOTES["000"])
