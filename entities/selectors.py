"""Reads for the entity pages and the candidate queue, and who may do what there."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.db.models.functions import Greatest, RowNumber, Substr, TruncMonth
from django.utils.translation import gettext, gettext_noop

from articles.models import Article
from entities.models import CandidateOccurrence, Entity, EntityAlias, EntityCandidate, Mention
from newsdesk.permissions import can_curate_entities, can_read_entities, fetch_if_allowed
from newstext.entities import FoundMention, Kind, Method
from newstext.entities.gazetteer import EntityRecord

KWIC_CHARS = 60
MENTIONS_PER_PAGE = 50
CANDIDATES_PER_PAGE = 30
COOCCURRING = 10


@dataclass(frozen=True)
class KwicLine:
    """A keyword-in-context line: the name with the text either side."""

    article_id: int
    article_title: str
    published_on: date | None
    start: int
    end: int
    left: str
    keyword: str
    right: str
    method: str
    mention_id: int | None = None
    decision: str = ""


# The characters of an article a KWIC line needs: up to KWIC_CHARS before the name, the
# name, KWIC_CHARS after it and one more (to tell whether the text goes on). The database
# cuts them out, so that a page of lines never reads whole bodies (one may be megabytes,
# and hold thousands of the lines).
_WINDOW_START = Greatest(F("start") - KWIC_CHARS, Value(0))
KWIC_WINDOW = Substr(
    "article__body",
    _WINDOW_START + 1,
    ExpressionWrapper(F("end") + KWIC_CHARS + 1 - _WINDOW_START, output_field=IntegerField()),
)
KWIC_OFFSET = ExpressionWrapper(_WINDOW_START, output_field=IntegerField())


def _kwic_line(found: Mention | CandidateOccurrence, text: str, offset: int = 0) -> KwicLine:
    """The line around a mention, or a candidate's occurrence, in `text`: the article's
    body, or the part of it from `offset` on (its KWIC_WINDOW at KWIC_OFFSET)."""
    left, keyword, right = kwic(text, found.start, found.end, offset=offset)
    mention = found if isinstance(found, Mention) else None
    return KwicLine(
        article_id=found.article.pk,
        article_title=found.article.title,
        published_on=found.article.published_on,
        start=found.start,
        end=found.end,
        left=left,
        keyword=keyword,
        right=right,
        method=mention.method if mention else "discovery",
        mention_id=mention.pk if mention else None,
        decision=mention.decision if mention else "",
    )


def _with_kwic_window[F: (Mention, CandidateOccurrence)](
    found: QuerySet[F], *fields: str
) -> QuerySet[F]:
    """Mentions or occurrences with `fields` and what their KWIC lines read: the range,
    the article's title and date, and the text around the range (KWIC_WINDOW)."""
    return (
        found.select_related("article")
        .only(*fields, "start", "end", "article__id", "article__title", "article__published_on")
        .annotate(kwic_window=KWIC_WINDOW, kwic_offset=KWIC_OFFSET)
    )


def _windowed_kwic_line(found: Mention | CandidateOccurrence) -> KwicLine:
    """The line of a mention or occurrence annotated with KWIC_WINDOW and KWIC_OFFSET."""
    return _kwic_line(found, found.kwic_window, found.kwic_offset)  # type: ignore[union-attr]


def access_entity(user: User | AnonymousUser, pk: int, *, change: bool = False) -> Entity:
    """The entity, if `user` may read it (and change it, with `change`)."""
    allowed = can_read_entities(user) and (not change or can_curate_entities(user))
    return fetch_if_allowed(allowed, Entity.objects.prefetch_related("aliases"), pk=pk)


def access_candidate(user: User | AnonymousUser, pk: int) -> EntityCandidate:
    """An open or decided candidate, if `user` may decide candidates."""
    return fetch_if_allowed(
        can_curate_entities(user), EntityCandidate.objects.select_related("proposed_entity"), pk=pk
    )


def kwic(body: str, start: int, end: int, *, offset: int = 0) -> tuple[str, str, str]:
    """The text left of `start`, from `start` to `end` and right of `end` (offsets in the
    whole body), cut at words; `body` may be a window of it beginning at `offset`."""
    first, last = start - offset, end - offset
    left = body[max(0, first - KWIC_CHARS) : first]
    right = body[last : last + KWIC_CHARS]
    left = (" " + left.split(" ", 1)[1]) if start > KWIC_CHARS and " " in left else left
    goes_on = offset + len(body) > end + KWIC_CHARS
    right = (right.rsplit(" ", 1)[0] + " ") if goes_on and " " in right else right
    return left.replace("\n", " "), body[first:last], right.replace("\n", " ")


def entity_mentions_page(entity: Entity, number: str | None) -> Page[KwicLine]:
    """The entity's mentions (not rejected ones) as KWIC lines, newest articles first."""
    linked = Mention.objects.filter(entity=entity).exclude(decision=Mention.Decision.REJECTED)
    mentions = _with_kwic_window(linked, "id", "method", "decision").order_by(
        "-article__published_on", "article_id", "start"
    )
    page = Paginator(mentions, MENTIONS_PER_PAGE).get_page(number)
    lines = [_windowed_kwic_line(mention) for mention in page.object_list]
    page.object_list = lines  # type: ignore[assignment]
    return page  # type: ignore[return-value]


def cooccurring_entities(entity: Entity) -> list[Any]:
    """The entities mentioned in most of the articles that mention this one."""
    articles = (
        Mention.objects.filter(entity=entity)
        .exclude(decision=Mention.Decision.REJECTED)
        .values("article_id")
    )
    return list(
        Mention.objects.filter(article_id__in=articles)
        .exclude(entity=entity)
        .exclude(decision=Mention.Decision.REJECTED)
        .values("entity_id", "entity__name", "entity__kind")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by("-articles", "entity__name")[:COOCCURRING]
    )


def mentions_over_time(entity: Entity) -> list[Any]:
    """Mentions per month of publication (undated articles last)."""
    return list(
        Mention.objects.filter(entity=entity)
        .exclude(decision=Mention.Decision.REJECTED)
        .annotate(month=TruncMonth("article__published_on"))
        .values("month")
        .annotate(mentions=Count("id"), articles=Count("article_id", distinct=True))
        .order_by(F("month").asc(nulls_last=True))
    )


def open_candidates() -> QuerySet[EntityCandidate]:
    return (
        EntityCandidate.objects.filter(status=EntityCandidate.Status.OPEN)
        .select_related("proposed_entity")
        .annotate(seen=Count("occurrences"))
        .order_by("-seen", "name")
    )


# What a candidate an editor selected in the text gives as its evidence.
EDITOR_EVIDENCE = "selected by an editor"

# The phrases the recogniser (newstext.entities, in English) writes into a candidate's
# evidence, longest first; names in “…” and figures pass through unchanged.
EVIDENCE_PHRASES: list[tuple[str, str]] = sorted(
    [
        ("proposed elsewhere in the text", gettext_noop("proposed elsewhere in the text")),
        (EDITOR_EVIDENCE, gettext_noop("selected by an editor")),
        ("proper noun (part-of-speech)", gettext_noop("proper noun (part-of-speech)")),
        ("subject or object of a verb", gettext_noop("subject or object of a verb")),
        ("a title or foreign phrase", gettext_noop("a title or foreign phrase")),
        ("ending of a place name", gettext_noop("ending of a place name")),
        ("adjective and head noun", gettext_noop("adjective and head noun")),
        ("same Kölner Phonetik code", gettext_noop("same Kölner Phonetik code")),
        ("same first letter", gettext_noop("same first letter")),
        ("same first name", gettext_noop("same first name")),
        ("known place name", gettext_noop("known place name")),
        ("sequence model", gettext_noop("sequence model")),
        ("before the verb", gettext_noop("before the verb")),
        ("title or role", gettext_noop("title or role")),
        ("club prefix", gettext_noop("club prefix")),
        ("given name", gettext_noop("given name")),
        ("place word", gettext_noop("place word")),
        ("head word", gettext_noop("head word")),
        ("before it", gettext_noop("before it")),
        ("after", gettext_noop("after")),
    ],
    key=lambda pair: -len(pair[0]),
)
_EVIDENCE_PHRASE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(english) for english, _ in EVIDENCE_PHRASES) + r")(?!\w)"
)
_QUOTED = re.compile(r"(“[^”]*”)")


def evidence_text(evidence: str) -> str:
    """A candidate's evidence in the interface's language (quoted names left as they are)."""
    translated = {english: gettext(message) for english, message in EVIDENCE_PHRASES}
    pieces = _QUOTED.split(evidence)
    return "".join(
        piece
        if piece.startswith("“")
        else _EVIDENCE_PHRASE.sub(lambda match: translated[match[0]], piece)
        for piece in pieces
    )


def candidate_examples(candidates: list[EntityCandidate], per_candidate: int = 2) -> None:
    """Attach up to `per_candidate` KWIC lines to each candidate as `examples`, and its
    evidence in the interface's language as `evidence_text`.

    Only the first `per_candidate` occurrences of each are read (a candidate seen in
    thousands of articles costs no more than one seen once), with the text around them."""
    examples: dict[int, list[KwicLine]] = {c.pk: [] for c in candidates}
    # The first ones of each candidate, then their text: the window is cut from the
    # few chosen rows only, never from every occurrence the ranking goes through.
    first = (
        CandidateOccurrence.objects.filter(candidate__in=candidates)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("candidate_id"),
                order_by=[F("article_id").asc(), F("start").asc()],
            )
        )
        .filter(rank__lte=per_candidate)
        .values_list("pk", flat=True)
    )
    occurrences = _with_kwic_window(
        CandidateOccurrence.objects.filter(pk__in=list(first)), "candidate_id"
    ).order_by("candidate_id", "article_id", "start")
    for occurrence in occurrences:
        examples[occurrence.candidate_id].append(_windowed_kwic_line(occurrence))
    for candidate in candidates:
        candidate.examples = examples[candidate.pk]  # type: ignore[attr-defined]
        candidate.evidence_text = evidence_text(candidate.evidence)  # type: ignore[attr-defined]


SEARCH_WORDS = 6


def entity_list_page(query: str, number: str | None, per_page: int = 50) -> Page[Any]:
    """A page of `entities_found(query)`."""
    return Paginator(entities_found(query), per_page).get_page(number)


def entities_found(query: str) -> QuerySet[Entity]:
    """Entities matching every word of `query` (case-insensitive) in their name, an alias or
    the text of a mention linked to them (a spelling the recogniser linked, such as
    "Alijew" for Ilham Aliyev), with their mention counts, most first."""
    entities = Entity.objects.all()
    for word in query.split()[:SEARCH_WORDS]:
        entities = entities.filter(
            Q(name__icontains=word)
            | Exists(EntityAlias.objects.filter(entity=OuterRef("pk"), name__icontains=word))
            | Exists(
                Mention.objects.filter(entity=OuterRef("pk"), surface__icontains=word).exclude(
                    decision=Mention.Decision.REJECTED
                )
            )
        )
    return entities.annotate(
        mention_total=Count("mentions", filter=~Q(mentions__decision=Mention.Decision.REJECTED))
    ).order_by("-mention_total", "name")


def access_article_for_linking(user: User | AnonymousUser, article_id: int) -> Article:
    """The article in which `user` links names to entities: those who curate entities."""
    return fetch_if_allowed(
        can_curate_entities(user), Article.objects.only("id", "title", "body"), pk=article_id
    )


def access_mention(user: User | AnonymousUser, pk: int) -> Mention:
    """A mention an editor or admin may confirm or reject."""
    return fetch_if_allowed(
        can_curate_entities(user), Mention.objects.select_related("article", "entity"), pk=pk
    )


def kwic_line(mention: Mention) -> KwicLine:
    return _kwic_line(mention, mention.article.body)


def stored_mentions(article: Article) -> list[FoundMention]:
    """The article's stored mentions (not rejected) and open candidates, in text order.

    What detection found when the article came in, so that readers of mentions (claim
    suggestions) need not run detection again.
    """
    methods = {method.value for method in Method}
    found = [
        FoundMention(
            start=mention.start,
            end=mention.end,
            surface=mention.surface,
            kind=Kind(mention.entity.kind),
            method=Method(mention.method) if mention.method in methods else Method.ALIAS,
            confidence=mention.confidence,
            entity=EntityRecord(
                key=mention.entity.pk, name=mention.entity.name, kind=Kind(mention.entity.kind)
            ),
        )
        for mention in Mention.objects.filter(article=article)
        .exclude(decision=Mention.Decision.REJECTED)
        .select_related("entity")
    ]
    found += [
        FoundMention(
            start=occurrence.start,
            end=occurrence.end,
            surface=occurrence.surface,
            kind=Kind(occurrence.candidate.kind),
            method=Method.DISCOVERY,
            confidence=0.5,
            candidate=occurrence.candidate.name,
            evidence=occurrence.candidate.evidence,
        )
        for occurrence in CandidateOccurrence.objects.filter(
            article=article, candidate__status=EntityCandidate.Status.OPEN
        ).select_related("candidate")
    ]
    return sorted(found, key=lambda mention: (mention.start, mention.end))
