"""Full-text search over articles: German stemming on PostgreSQL, substrings on SQLite.

PostgreSQL: `articles_article.search_vector` is a stored tsvector (title weight A, body
weight B, German snowball stemming) under a GIN index (migrations 0003 and 0006). A
trigger computes it on every insert and every change of title or body, except where a
transaction deferred it (`search_vectors_defer`): the import does, and fills its batch's
vectors with one set-based UPDATE in a background task, so that the import does not wait
for them. Search finds newly imported articles once that task has run.
The user's text goes through `websearch_to_tsquery('german', …)`, so "Flugzeuge" finds
"Flugzeug", `"russische Flugabwehr"` is a phrase and `-Kreml` excludes a word. Ranking
(`ts_rank`) reads every candidate's vector, so it is bounded: the newest
`SEARCH_RESULTS_CAP + 1` matches (by publication date, read in the order of the index
`article_newest_first`) are the candidates, and only they are ranked and counted.

Elsewhere (SQLite): every word or quoted phrase must occur in the title or body as a
substring (`-word` must not); no stemming, and SQLite ignores case only for ASCII
letters, so a few spellings of each term are tried. Title matches come first.
"""

import datetime
import json
import math
import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING, Any, overload

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import NotSupportedError, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Case, Expression, Q, QuerySet, Value, When
from django.tasks import task

from articles.models import Article

if TYPE_CHECKING:
    from django.db.models.sql.compiler import SQLCompiler, _AsSqlType

SEARCH_CONFIG = "german"
SEARCH_VECTOR_COLUMN = "search_vector"
# Search shows (and counts) at most this many results; more say "more than 1,000".
SEARCH_RESULTS_CAP = 1000
# ts_rank normalisation 1: divide by 1 + log(document length), so that a long article
# does not win only by being long.
RANK_NORMALISATION = 1
# A word in a few per cent of a large archive's articles is found fastest date window by
# date window, newest first: the GIN index and the date index together name the matches
# of a window, and only they are read. Without windows PostgreSQL reads every article in
# date order until enough match, or reads every match: tens of thousands of rows at 10^6
# articles (docs/architecture/search.md). Windows are used from WINDOWS_FROM articles on,
# for a search the planner expects to match at least WINDOWS_MATCHES_MIN articles and at
# most WINDOWS_SHARE_MAX of them: the GIN index's list of a word is read whole, at a cost
# in proportion to its articles, while the newest articles hold enough matches of a
# common word. The first window is sized to hold WINDOW_HEADROOM times the matches
# wanted, by the planner's estimate, but at most WINDOW_ROWS_MAX articles (the estimate of
# a word outside the planner's statistics is a guess); each further window grows in
# proportion to the matches the last one lacked, at least doubling.
WINDOWS_FROM = 50 * SEARCH_RESULTS_CAP
WINDOWS_MATCHES_MIN = 3 * SEARCH_RESULTS_CAP
WINDOWS_SHARE_MAX = 0.05
WINDOW_HEADROOM = 1.5
WINDOW_ROWS_MAX = 40 * SEARCH_RESULTS_CAP
WINDOW_GROWTH_MIN = 2
_DATES_AND_SIZE = """
SELECT max(published_on), min(published_on),
    (SELECT reltuples FROM pg_class WHERE oid = 'articles_article'::regclass)
FROM articles_article
"""

NEWEST_FIRST = Article._meta.ordering or ()

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class SearchTerm:
    """A word or quoted phrase of the search text; `excluded` when it had a leading `-`."""

    text: str
    excluded: bool = False


def search_terms(text: str) -> list[SearchTerm]:
    """The words and "quoted phrases" of a search text, as websearch syntax reads them."""
    terms = []
    for match in _TERM.finditer(text):
        if match.group(2) is not None:
            minus, words = match.group(1), " ".join(match.group(2).split())
        else:
            minus, words = match.group(3), match.group(4).strip('"')
        if _WORD.search(words):  # "-" or a lone quote is no term
            terms.append(SearchTerm(words, excluded=bool(minus)))
    return terms


class StoredSearchVector(Expression):
    """The `search_vector` column of the articles table (PostgreSQL only, see module doc)."""

    def __init__(self, alias: str | None = None) -> None:
        super().__init__(output_field=SearchVectorField())
        self.alias = alias

    def resolve_expression(
        self,
        query: Any | None = None,
        allow_joins: bool = True,
        reuse: set[str] | None = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> "StoredSearchVector":
        if query is None or query.model is not Article:
            raise ValueError("StoredSearchVector works only in queries on Article")
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map: Any) -> "StoredSearchVector":
        # A subquery gets its tables renamed (U0, …): follow the rename like a column.
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self) -> list[Any]:
        return [self]

    def as_sql(self, compiler: "SQLCompiler", connection: BaseDatabaseWrapper) -> "_AsSqlType":
        if connection.vendor != "postgresql" or self.alias is None:
            raise NotSupportedError("the stored search vector exists only on PostgreSQL")
        table = compiler.quote_name(self.alias)
        return f"{table}.{connection.ops.quote_name(SEARCH_VECTOR_COLUMN)}", ()


def stemmed_search_available(using: str = "default") -> bool:
    """Whether the database has the stored search vector (PostgreSQL)."""
    return connections[using].vendor == "postgresql"


# Transaction-local: the trigger of migration 0006 leaves the vector alone while "on".
_DEFERRAL_SET = "SELECT set_config('newsdesk.search_vector_deferred', %s, true)"
# The trigger's vector (migration 0006), for the articles whose ids are the parameter.
_VECTORS_UPDATE = """
UPDATE articles_article SET search_vector =
    setweight(to_tsvector('german'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('german'::regconfig, left(body, 250000)), 'B')
WHERE id = ANY(%s)
"""


def search_vectors_defer() -> None:
    """Leave the search vectors of the current transaction's writes to a background task.

    The trigger skips them until the transaction ends; queue the task for the written
    articles with `search_vectors_update_queue` before it commits. PostgreSQL only;
    elsewhere nothing happens.
    """
    if stemmed_search_available():
        with connection.cursor() as cursor:
            cursor.execute(_DEFERRAL_SET, ["on"])


def search_vectors_update_queue(*, article_ids: list[int]) -> None:
    """Queue the update of these articles' search vectors in the current transaction, and
    end the deferral `search_vectors_defer` began.

    The task exists exactly when the articles do. A worker runs it once the transaction
    has committed; the immediate backend runs it at once, inside the transaction, so that
    search finds the articles as soon as they are committed.
    """
    if not article_ids or not stemmed_search_available():
        return
    with connection.cursor() as cursor:
        cursor.execute(_DEFERRAL_SET, ["off"])
    search_vectors_update_task.enqueue(article_ids)


@task
def search_vectors_update_task(article_ids: list[int]) -> str:
    """Compute the search vectors of these articles (one UPDATE; PostgreSQL only)."""
    if not stemmed_search_available():
        return "no search vector on this database"
    with connection.cursor() as cursor:
        cursor.execute(_VECTORS_UPDATE, [article_ids])
        return f"{cursor.rowcount} search vectors updated"


class RankedArticles(Sequence[Article]):
    """Search results in rank order: ranked in one query, each page's rows fetched by id.

    What a Paginator needs (a length and slices), without a query for the count and
    without fetching the rows of the pages not shown.
    """

    def __init__(self, ids: list[int], articles: QuerySet[Article]) -> None:
        self.ids = ids
        self.articles = articles

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Article]:
        return iter(self[:])  # one query, not one per article

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        if isinstance(index, int):
            return self[index : index + 1 or None][0]
        wanted = self.ids[index]
        found = self.articles.in_bulk(wanted)
        # An article deleted since the search is left out.
        return [found[pk] for pk in wanted if pk in found]


def articles_search(articles: QuerySet[Article], text: str) -> QuerySet[Article] | RankedArticles:
    """The articles of `articles` that match the search text, best first.

    On PostgreSQL at most SEARCH_RESULTS_CAP + 1 articles, ranked (see the module doc);
    elsewhere every match, ordered by title matches, then newest first.
    """
    if stemmed_search_available(articles.db):
        return _search_postgresql(articles, text)
    return _search_substrings(articles, text)


def _search_postgresql(articles: QuerySet[Article], text: str) -> RankedArticles:
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    matches = (
        articles.alias(search_vector=StoredSearchVector())
        .filter(search_vector=query)
        # One query finds the newest matches and ranks them while it has their vectors
        # at hand; fetching the rows again only to rank them would cost as much.
        .annotate(rank=SearchRank(StoredSearchVector(), query, normalization=RANK_NORMALISATION))
        .order_by(*NEWEST_FIRST)
        .values_list("pk", "rank")
    )
    candidates = _newest_matches(matches)
    # A stable sort: among equal ranks the newest stays first.
    candidates.sort(key=lambda candidate: -candidate[1])
    return RankedArticles([pk for pk, _rank in candidates], articles)


def _newest_matches(matches: QuerySet[Article, tuple[int, float]]) -> list[tuple[int, float]]:
    """The newest SEARCH_RESULTS_CAP + 1 rows of `matches` (newest first).

    Where windows pay (`_first_window`), the newest dates are searched first: a window
    that holds too few matches is widened in proportion to the matches it held, until one
    holds enough or it would hold every date; then all of `matches` are searched.
    """
    window = _first_window(matches)
    if window is not None:
        newest, all_days, days = window
        while days < all_days:
            start = newest - datetime.timedelta(days=days - 1)
            found = list(matches.filter(published_on__gte=start)[: SEARCH_RESULTS_CAP + 1])
            if len(found) > SEARCH_RESULTS_CAP:
                return found
            growth = WINDOW_HEADROOM * (SEARCH_RESULTS_CAP + 1) / max(len(found), 1)
            days = math.ceil(days * max(WINDOW_GROWTH_MIN, growth))
    return list(matches[: SEARCH_RESULTS_CAP + 1])


def _first_window(
    matches: QuerySet[Article, tuple[int, float]],
) -> tuple[datetime.date, int, int] | None:
    """The newest publication date, the days from the oldest to it, and the days of the
    first window: if articles and matches were spread evenly over those days, it would
    hold the matches wanted (with headroom), but at most WINDOW_ROWS_MAX articles.

    None where one query is as fast: an archive of fewer than WINDOWS_FROM articles (or
    one PostgreSQL has not analysed yet), or a search the planner expects to match fewer
    than WINDOWS_MATCHES_MIN articles (all are read) or more than WINDOWS_SHARE_MAX of
    them (the newest articles hold enough).
    """
    with connections[matches.db].cursor() as cursor:
        cursor.execute(_DATES_AND_SIZE)
        newest, oldest, articles = cursor.fetchone() or (None, None, -1)
    if newest is None or oldest is None or articles < WINDOWS_FROM:
        return None
    expected = json.loads(matches.explain(format="json"))[0]["Plan"]["Plan Rows"]
    if not WINDOWS_MATCHES_MIN <= expected <= WINDOWS_SHARE_MAX * articles:
        return None
    all_days = (newest - oldest).days + 1
    rows = min(WINDOW_HEADROOM * (SEARCH_RESULTS_CAP + 1) * articles / expected, WINDOW_ROWS_MAX)
    return newest, all_days, max(1, math.ceil(all_days * rows / articles))


def _search_substrings(articles: QuerySet[Article], text: str) -> QuerySet[Article]:
    title_hits: list[Case] = []
    for term in search_terms(text):
        spellings = {term.text, term.text.lower(), term.text.upper(), term.text.capitalize()}
        in_title = Q()
        in_body = Q()
        for spelling in spellings:
            in_title |= Q(title__icontains=spelling)
            in_body |= Q(body__icontains=spelling)
        if term.excluded:
            articles = articles.exclude(in_title | in_body)
        else:
            articles = articles.filter(in_title | in_body)
            title_hits.append(Case(When(in_title, then=Value(1)), default=Value(0)))
    if not title_hits:
        return articles
    return articles.alias(title_hits=reduce(operator.add, title_hits)).order_by(
        "-title_hits", *NEWEST_FIRST
    )
