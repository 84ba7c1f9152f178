"""The ClaimReview export (schema.org JSON-LD) of the claims in an annotated set."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim, ClaimAppearance
from claims.services import claim_attach, claim_create
from entities.models import Entity
from review.export import export_chunks
from review.export.selection import Selection

BASE = "https://newsdesk.example/"
DATA = Path(__file__).parent / "data"
REQUIRED = json.loads((DATA / "claimreview_required.json").read_text(encoding="utf-8"))
QUOTE_000 = "Putin bestritt jedoch einen Treffer des Flugzeugs mit russischen Flugabwehrraketen."
QUOTE_001 = "Der russische Präsident räumte das erste Mal direkt ein"


@pytest.fixture
def claim_set(editor, articles, make_annotation, settings):
    settings.NEWSDESK_ORGANISATION_NAME = "Beispiel-Faktencheck"
    putin = Entity.objects.get_or_create(name="Wladimir Putin", kind="PER")[0]
    putin.external_id = "Q7747"
    putin.save()
    first = make_annotation(articles["000"], editor, QUOTE_000)
    second = make_annotation(articles["001"], editor, QUOTE_001)
    claim = claim_create(
        wording="Putin bestreitet einen direkten Treffer.",
        attribution=(None, putin),
        user=editor,
        annotation=first,
    )
    claim_attach(claim=claim, annotation=second, user=editor)
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DISPUTED)
    claim_create(wording="Ohne Auftritt.", attribution=(None, None), user=editor)
    return claim


def exported(selection: Selection | None = None) -> dict[str, object]:
    chunks = export_chunks("claimreview", selection or Selection(), base_url=BASE, chunk_size=1)
    return json.loads(b"".join(chunks))


def missing(node: dict[str, object], kind: str) -> list[str]:
    rules = REQUIRED[kind]
    return [name for name in rules["required"] + rules["recommended"] if name not in node]


def test_every_claim_of_the_set_is_a_claim_review_with_googles_fields(claim_set):
    document = exported()
    assert document["@context"] == "https://schema.org"
    (review,) = document["@graph"]  # the claim without appearances is not in the set
    assert review["@type"] == "ClaimReview"
    assert missing(review, "ClaimReview") == []
    assert missing(review["reviewRating"], "Rating") == []
    assert missing(review["itemReviewed"], "Claim") == []
    assert review["url"] == f"{BASE}claims/{claim_set.pk}/"
    assert review["claimReviewed"] == claim_set.wording
    assert review["author"] == {
        "@type": "Organization",
        "name": "Beispiel-Faktencheck",
        "url": BASE,
    }
    assert review["reviewRating"]["alternateName"] == "umstritten"
    assert review["reviewRating"]["ratingValue"] == 2
    item = review["itemReviewed"]
    assert item["author"] == {
        "@type": "Person",
        "name": "Wladimir Putin",
        "sameAs": "https://www.wikidata.org/wiki/Q7747",
    }


def test_appearances_are_the_articles_with_their_quotes(claim_set, articles):
    item = exported()["@graph"][0]["itemReviewed"]
    appearances = item["appearance"]
    # 001 is dated 2025-10-10; 000 has no date and comes last.
    assert [a["text"] for a in appearances] == [QUOTE_001, QUOTE_000]
    assert {a["url"] for a in appearances} == {
        f"{BASE}articles/{articles['000'].pk}/",
        f"{BASE}articles/{articles['001'].pk}/",
    }
    assert all(a["@type"] == "CreativeWork" and a["headline"] for a in appearances)
    assert appearances[1]["publisher"] == {"@type": "Organization", "name": "dpa"}
    assert "datePublished" not in appearances[1]
    assert item["datePublished"] == "2025-10-10"
    assert item["firstAppearance"]["datePublished"] == "2025-10-10"


def test_the_filter_selects_the_claims_through_their_annotations(claim_set, articles):
    only_001 = exported(Selection(article_id=articles["001"].pk))
    assert len(only_001["@graph"]) == 1
    ClaimAppearance.objects.all().delete()
    assert exported()["@graph"] == []


def test_command_line_writes_the_claim_reviews(claim_set, tmp_path):
    target = tmp_path / "claims.jsonld"
    call_command("export_annotations", "--format", "claimreview", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["@graph"][0]["url"].endswith(
        f"/claims/{claim_set.pk}/"
    )


def test_reviewers_download_it_from_the_review_page(client, reviewer, claim_set):
    client.force_login(reviewer)
    response = client.get(reverse("review:export", args=["claimreview"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(b"".join(response.streaming_content))
    assert document["@graph"][0]["claimReviewed"] == claim_set.wording


def test_same_shape_as_the_reference_example(claim_set):
    example = json.loads((DATA / "claimreview_example.jsonld").read_text(encoding="utf-8"))
    (review,) = exported()["@graph"]
    assert set(example) - {"@context"} <= set(review)
    assert set(example["itemReviewed"]) <= set(review["itemReviewed"])
    assert set(example["reviewRating"]) <= set(review["reviewRating"])
    example_appearance = example["itemReviewed"]["appearance"]
    ours = set().union(*(set(a) for a in review["itemReviewed"]["appearance"]))
    assert set(example_appearance) - {"@type"} <= ours
