"""schema.org ClaimReview JSON-LD: one ClaimReview per claim appearing in the selection.

`claimReviewed` is the claim's wording; `itemReviewed` a Claim with its attribution as
`author` and the articles it appeared in as `appearance` (CreativeWork with url,
headline, datePublished, publisher; `text` holds the exact quote), the earliest dated one
as `firstAppearance`; `reviewRating.alternateName` is the claim's status. A date known
only to the month is left out (schema.org dates are days). Written as one `@graph`.
"""

import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import F
from django.utils import translation

from articles.models import Article, Source
from claims.models import Claim, ClaimAppearance
from entities.models import Entity
from newstext.parsing import DatePrecision
from review.export.selection import Selection, selected_annotations

MEDIA_TYPE = "application/ld+json; charset=utf-8"
# Status → (ratingValue, English name) on a 1 (false) to 5 (true) scale.
RATINGS = {
    Claim.Status.CONFIRMED: (5, "Confirmed"),
    Claim.Status.UNVERIFIED: (3, "Unverified"),
    Claim.Status.DISPUTED: (2, "Disputed"),
    Claim.Status.DENIED: (1, "Denied"),
    Claim.Status.RETRACTED: (1, "Retracted"),
}

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _day(article: Article) -> str | None:
    if article.published_on is None or article.date_precision != DatePrecision.DAY:
        return None
    return article.published_on.isoformat()


def _organisation(source: Source) -> dict[str, object]:
    kind = "Person" if source.kind == Source.Kind.OFFICIAL else "Organization"
    node: dict[str, object] = {"@type": kind, "name": source.name}
    if source.homepage:
        node["url"] = source.homepage
    return node


def _person(entity: Entity) -> dict[str, object]:
    node: dict[str, object] = {"@type": "Person", "name": entity.name}
    if entity.external_id.startswith("Q"):
        node["sameAs"] = f"https://www.wikidata.org/wiki/{entity.external_id}"
    return node


def appearance_json(appearance: ClaimAppearance, base_url: str) -> dict[str, object]:
    article = appearance.annotation.article
    node: dict[str, object] = {
        "@type": "CreativeWork",
        "url": f"{base_url}articles/{article.pk}/",
        "headline": article.title,
        "text": appearance.annotation.exact,
    }
    if day := _day(article):
        node["datePublished"] = day
    if article.publisher is not None:
        node["publisher"] = _organisation(article.publisher)
    return node


def claim_review_json(
    claim: Claim, appearances: list[ClaimAppearance], base_url: str
) -> dict[str, object]:
    """One claim as a ClaimReview (appearances oldest first)."""
    item: dict[str, object] = {"@type": "Claim"}
    if claim.attributed_entity is not None:
        item["author"] = _person(claim.attributed_entity)
    elif claim.attributed_source is not None:
        item["author"] = _organisation(claim.attributed_source)
    dated = [a for a in appearances if _day(a.annotation.article)]
    if dated:
        item["datePublished"] = _day(dated[0].annotation.article)
        item["firstAppearance"] = appearance_json(dated[0], base_url)
    item["appearance"] = [appearance_json(a, base_url) for a in appearances]
    value, name = RATINGS[Claim.Status(claim.status)]
    author: dict[str, object] = {
        "@type": "Organization",
        "name": settings.NEWSDESK_ORGANISATION_NAME,
    }
    author["url"] = settings.NEWSDESK_ORGANISATION_URL or base_url
    return {
        "@type": "ClaimReview",
        "url": f"{base_url}claims/{claim.pk}/",
        "datePublished": claim.updated_at.date().isoformat(),
        "author": author,
        "claimReviewed": claim.wording,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "name": name,
            "alternateName": claim.get_status_display(),
        },
    }


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[str]:
    """The claims of the selection's annotations as one JSON-LD document, in pieces.

    Status names are in the site's language, whoever asks, so that the command line and
    the download write the same file.
    """
    claim_ids = ClaimAppearance.objects.filter(
        annotation__in=selected_annotations(selection)
    ).values("claim_id")
    claims = (
        Claim.objects.filter(pk__in=claim_ids)
        .select_related("attributed_source", "attributed_entity")
        .order_by("pk")
        .iterator(chunk_size=chunk_size)
    )
    yield '{"@context":"https://schema.org","@graph":['
    first = True
    batch: list[Claim] = []
    for claim in claims:
        batch.append(claim)
        if len(batch) == chunk_size:
            yield ("" if first else ",") + _batch(batch, base_url)
            first, batch = False, []
    if batch:
        yield ("" if first else ",") + _batch(batch, base_url)
    yield "]}\n"


def _batch(claims: list[Claim], base_url: str) -> str:
    appearances: dict[int, list[ClaimAppearance]] = {claim.pk: [] for claim in claims}
    for appearance in (
        ClaimAppearance.objects.filter(claim__in=claims, annotation__deleted_at__isnull=True)
        .select_related("annotation__article__publisher")
        .order_by(
            F("annotation__article__published_on").asc(nulls_last=True),
            "annotation__article__origin",
            "pk",
        )
    ):
        appearances[appearance.claim_id].append(appearance)
    with translation.override(settings.LANGUAGE_CODE):
        return ",".join(
            _encode(claim_review_json(claim, appearances[claim.pk], base_url)) for claim in claims
        )
