"""Reading claims: search, a claim's appearances and history, suggestions, story rows."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from rapidfuzz import fuzz

from annotations.models import Annotation
from articles.models import Article, Source
from claims.models import Claim, ClaimAppearance, DismissedSuggestion
from entities.models import Entity, Mention
from entities.selectors import stored_mentions
from newstext.parsing import DatePrecision
from newstext.suggestions import Suggestion, suggest_claims
from stories.models import Story, StoryMembership

SIMILAR_LIMIT = 5
SIMILAR_MIN_SCORE = 55
_WORD = re.compile(r"\w{5,}")


def claim_search(query: str = "", status: str = "") -> QuerySet[Claim]:
    """Claims matching every word of `query` (wording, quotes, attribution, entities), newest first.

    A word also finds the claims whose appearances mention an entity it names (by name or
    alias: "Alijew" finds the claims in which Ilham Aliyev is mentioned).
    """
    claims = Claim.objects.select_related("attributed_source", "attributed_entity").annotate(
        appearance_count=Count("appearances", distinct=True)
    )
    if status:
        claims = claims.filter(status=status)
    for word in query.split():
        entities = Entity.objects.filter(
            Q(name__icontains=word) | Q(aliases__name__icontains=word)
        ).values("pk")
        claims = claims.filter(
            Q(wording__icontains=word)
            | Q(attributed_source__name__icontains=word)
            | Q(attributed_entity__in=entities)
            | Q(pk__in=appearances_mentioning(entities).values("claim_id"))
            | Q(
                pk__in=ClaimAppearance.objects.filter(annotation__exact__icontains=word).values(
                    "claim_id"
                )
            )
        )
    return claims.order_by("-created_at", "-pk")


def appearances_mentioning(entities: QuerySet[Entity, Any]) -> QuerySet[ClaimAppearance]:
    """Appearances whose quoted range contains a mention of one of the entities.

    The conditions on the mention are in one `filter()`, so they hold for the same mention;
    mentions an editor rejected do not count.
    """
    return ClaimAppearance.objects.filter(
        annotation__article__mentions__entity__in=entities,
        annotation__article__mentions__start__gte=F("annotation__start"),
        annotation__article__mentions__end__lte=F("annotation__end"),
        annotation__article__mentions__decision__in=[
            Mention.Decision.NONE,
            Mention.Decision.CONFIRMED,
        ],
    )


def similar_claims(text: str, *, exclude: Iterable[int] = ()) -> list[Claim]:
    """Existing claims worded like `text`: offered before an editor makes a new one."""
    words = sorted(set(_WORD.findall(text.lower())), key=len, reverse=True)[:8]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(wording__icontains=word)
    candidates = list(
        Claim.objects.filter(query)
        .exclude(pk__in=list(exclude))
        .select_related("attributed_source", "attributed_entity")[:100]
    )
    scored = [(fuzz.token_set_ratio(text, claim.wording), claim) for claim in candidates]
    ranked = sorted((pair for pair in scored if pair[0] >= SIMILAR_MIN_SCORE), key=lambda p: -p[0])
    return [claim for _, claim in ranked[:SIMILAR_LIMIT]]


def claim_of_annotation(annotation: Annotation) -> Claim | None:
    appearance = ClaimAppearance.objects.select_related("claim").filter(annotation=annotation)
    found = appearance.first()
    return found.claim if found else None


def claim_appearances(claim: Claim) -> list[ClaimAppearance]:
    """Where the claim appeared: oldest article first, undated ones last."""
    return list(
        claim.appearances.filter(annotation__deleted_at__isnull=True)
        .select_related("annotation__article__publisher", "annotation__author")
        .order_by(
            F("annotation__article__published_on").asc(nulls_last=True),
            "annotation__article__origin",
            "pk",
        )
    )


def first_seen(appearances: list[ClaimAppearance]) -> Article | None:
    """The earliest dated article the claim appeared in (appearances come oldest first)."""
    dated = [a.annotation.article for a in appearances if _dated(a.annotation.article)]
    return dated[0] if dated else None


def _dated(article: Article) -> bool:
    return article.published_on is not None and article.date_precision != DatePrecision.UNKNOWN


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded version of a claim and what changed from the one before."""

    when: datetime
    who: str
    status: str
    status_label: str
    wording: str
    attribution: str
    changed: list[str]  # "status", "wording", "attribution"; empty for the first version


def claim_history(claim: Claim) -> list[HistoryEntry]:
    """Every recorded version of the claim, oldest first."""
    return claim_histories([claim.pk]).get(claim.pk, [])


def claim_histories(claim_ids: Iterable[int]) -> dict[int, list[HistoryEntry]]:
    """Every recorded version of each claim, oldest first, in one query."""
    labels = dict(Claim.Status.choices)
    records = (
        Claim.history.filter(id__in=list(claim_ids))
        .select_related("history_user", "attributed_source", "attributed_entity")
        .order_by("id", "history_date", "history_id")
    )
    histories: dict[int, list[HistoryEntry]] = {}
    for record in records:
        entries = histories.setdefault(record.id, [])
        attribution = str(record.attributed_source or record.attributed_entity or "")
        previous = entries[-1] if entries else None
        changed = []
        if previous is not None:
            changed = [
                name
                for name, before, after in (
                    ("status", previous.status, record.status),
                    ("wording", previous.wording, record.wording),
                    ("attribution", previous.attribution, attribution),
                )
                if before != after
            ]
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user.get_username() if record.history_user else "",
                status=record.status,
                status_label=str(labels.get(record.status, record.status)),
                wording=record.wording,
                attribution=attribution,
                changed=changed,
            )
        )
    return histories


def status_on(history: list[HistoryEntry], day: date | None) -> HistoryEntry | None:
    """The claim's recorded version at the end of `day`, if the history reaches back that far."""
    if day is None:
        return None
    end_of_day = timezone.make_aware(datetime.combine(day, time.max))
    known = [entry for entry in history if entry.when <= end_of_day]
    return known[-1] if known else None


@dataclass(frozen=True)
class StoryAppearance:
    appearance: ClaimAppearance
    article: Article
    outlet: Source | None
    quote: str
    version: HistoryEntry | None  # the claim as recorded on the article's date, if known


@dataclass(frozen=True)
class StoryClaimRow:
    claim: Claim
    appearances: list[StoryAppearance]
    history: list[HistoryEntry]


def story_claim_rows(story: Story) -> list[StoryClaimRow]:
    """Each claim appearing in the story's articles, with its appearances oldest first.

    Shown on the story's page by the tag `claim_tags.story_claims`.
    """
    article_ids = StoryMembership.objects.filter(story=story, removed=False).values("article_id")
    appearances = (
        ClaimAppearance.objects.filter(
            annotation__article__in=article_ids, annotation__deleted_at__isnull=True
        )
        .select_related(
            "claim__attributed_source",
            "claim__attributed_entity",
            "annotation__article__publisher",
        )
        .defer("annotation__article__body", "annotation__article__blocks")
        .order_by(
            F("annotation__article__published_on").asc(nulls_last=True),
            "annotation__article__origin",
            "pk",
        )
    )
    by_claim: dict[int, list[ClaimAppearance]] = {}
    for appearance in appearances:
        by_claim.setdefault(appearance.claim_id, []).append(appearance)
    histories = claim_histories(by_claim)
    rows = []
    for found in by_claim.values():
        claim = found[0].claim
        history = histories.get(claim.pk, [])
        rows.append(
            StoryClaimRow(
                claim=claim,
                appearances=[
                    StoryAppearance(
                        appearance=a,
                        article=a.annotation.article,
                        outlet=a.annotation.article.publisher,
                        quote=a.annotation.exact,
                        version=status_on(
                            history,
                            a.annotation.article.published_on
                            if _dated(a.annotation.article)
                            else None,
                        ),
                    )
                    for a in found
                ],
                history=history,
            )
        )
    return rows


@dataclass(frozen=True)
class OfferedSuggestion:
    """A claim suggestion as the workspace offers it, with the attribution it would get."""

    suggestion: Suggestion
    person: Entity | None
    source: Source | None


def suggestion_scan_limit(article: Article) -> int | None:
    """How many characters of the article the suggestions cover, if not all of it."""
    limit: int = settings.NEWSDESK_SUGGESTION_SCAN_CHARS
    return limit if len(article.body) > limit else None


def article_suggestions(article: Article) -> list[OfferedSuggestion]:
    """The article's claim suggestions, without dismissed ones and sentences already claimed.

    Only the blocks within the first NEWSDESK_SUGGESTION_SCAN_CHARS characters are read
    (docs/ops/limits.md): the scan costs about 8 µs a character.
    """
    limit = suggestion_scan_limit(article)
    blocks = [(block["start"], block["end"]) for block in article.blocks]
    mentions = stored_mentions(article)
    if limit is not None:
        blocks = [(start, end) for start, end in blocks if end <= limit]
        mentions = [mention for mention in mentions if mention.end <= limit]
    found = suggest_claims(article.body, blocks, mentions)
    dismissed = set(
        DismissedSuggestion.objects.filter(article=article).values_list("sentence", flat=True)
    )
    claimed = set(
        ClaimAppearance.objects.filter(
            annotation__article=article, annotation__deleted_at__isnull=True
        ).values_list("annotation__start", "annotation__end")
    )
    offered = [s for s in found if s.sentence not in dismissed and (s.start, s.end) not in claimed]
    people = _by_lower_name(
        Entity.objects.filter(
            kind=Entity.Kind.PERSON,
            name__in=[s.speaker.name for s in offered if s.speaker and s.speaker.kind == "PER"],
        )
    )
    sources = _by_lower_name(
        Source.objects.filter(
            name__in=[s.speaker.name for s in offered if s.speaker and s.speaker.kind == "ORG"]
        )
    )
    return [
        OfferedSuggestion(
            suggestion=s,
            person=people.get(s.speaker.name.lower()) if s.speaker else None,
            source=sources.get(s.speaker.name.lower()) if s.speaker else None,
        )
        for s in offered
    ]


def _by_lower_name[T: (Entity, Source)](objects: QuerySet[T]) -> dict[str, T]:
    return {obj.name.lower(): obj for obj in objects}


def find_suggestion(article: Article, start: int, end: int) -> Suggestion | None:
    """The suggestion offered for article.body[start:end], if it still is."""
    for offered in article_suggestions(article):
        if (offered.suggestion.start, offered.suggestion.end) == (start, end):
            return offered.suggestion
    return None
