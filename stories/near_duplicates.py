"""Writing the near-duplicate index: LSH band keys per article and the pairs found.

`near_duplicates_index` (re)indexes articles: their band keys replace the old ones, one
indexed query on the keys finds the candidates, and the exact shingle overlap with
each candidate decides (thresholds in settings). The work per article does not grow
with the archive: only the candidates' texts are read. A lookup for a new article is six
statements (eight for one indexed before), however many bands or candidates it has.
"""

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q

from articles.models import Article
from stories.models import ArticleBand, NearDuplicate
from stories.shingles import band_keys, is_near_duplicate, minhash, overlap, shingles

REBUILD_CHUNK = 200
# Rows per INSERT of band keys on SQLite: 3 parameters each, under its limit.
BAND_INSERT_ROWS = 300
_BANDS_INSERT = 'INSERT INTO stories_articleband (article_id, band, "key") VALUES '
# PostgreSQL takes each list of values as one array parameter.
_BANDS_INSERT_POSTGRESQL = (
    'INSERT INTO stories_articleband (article_id, band, "key") '
    "SELECT * FROM unnest(%s::bigint[], %s::integer[], %s::bigint[])"
)
_BANDS_STORED_POSTGRESQL = (
    'SELECT article_id, "key" FROM stories_articleband '
    'WHERE "key" = ANY(%s::bigint[]) OR article_id = ANY(%s::bigint[])'
)


@dataclass
class IndexReport:
    articles: int = 0
    candidates: int = 0
    pairs: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} articles indexed, {self.candidates} candidates, "
            f"{self.pairs} near-duplicate pairs"
        )


def near_duplicates_index(*, articles: Sequence[Article]) -> IndexReport:
    """Index these articles (id and body loaded) and store their near-duplicate pairs."""
    report = IndexReport(articles=len(articles))
    if not articles:
        return report
    bands, rows = settings.NEAR_DUPLICATE_LSH_BANDS, settings.NEAR_DUPLICATE_LSH_ROWS
    sets = {article.pk: shingles(article.body) for article in articles}
    keys = {pk: band_keys(minhash(s), bands=bands, rows=rows) for pk, s in sets.items()}
    # Which articles hold each key: first these ones (pairs inside the batch), then the
    # archive's. One query reads the archive's holders and these articles' keys from an
    # earlier indexing: only those articles have keys and pairs to replace (a pair is
    # written with its articles' keys), so a new article needs no DELETE.
    holders: dict[int, set[int]] = {}
    for pk, article_keys in keys.items():
        for key in article_keys:
            holders.setdefault(key, set()).add(pk)
    with transaction.atomic():
        indexed_before = set()
        for article_id, key in _bands_stored(keys=list(holders), article_ids=list(sets)):
            if article_id in sets:
                indexed_before.add(article_id)
            else:
                holders[key].add(article_id)
        if indexed_before:
            ArticleBand.objects.filter(article_id__in=indexed_before).delete()
            NearDuplicate.objects.filter(
                Q(first_id__in=indexed_before) | Q(second_id__in=indexed_before)
            ).delete()
        _bands_insert(keys)
        pairs = {
            (min(pk, other), max(pk, other))
            for pk, article_keys in keys.items()
            for key in article_keys
            for other in holders[key]
            if other != pk
        }
        report.candidates = len(pairs)
        missing = {pk for pair in pairs for pk in pair} - sets.keys()
        bodies = Article.objects.filter(pk__in=missing).order_by().values_list("pk", "body")
        for pk, body in bodies:
            sets[pk] = shingles(body)
        found = []
        for first, second in sorted(pairs):
            scores = overlap(sets[first], sets[second])
            if is_near_duplicate(
                scores,
                containment=settings.NEAR_DUPLICATE_CONTAINMENT,
                jaccard=settings.NEAR_DUPLICATE_JACCARD,
            ):
                found.append(
                    NearDuplicate(
                        first_id=first,
                        second_id=second,
                        jaccard=scores.jaccard,
                        first_in_second=scores.a_in_b,
                        second_in_first=scores.b_in_a,
                    )
                )
        NearDuplicate.objects.bulk_create(found)
        report.pairs = len(found)
    return report


def _bands_stored(*, keys: list[int], article_ids: list[int]) -> list[tuple[int, int]]:
    """(article id, key) of the stored band keys among `keys` and of these articles.

    On PostgreSQL each list is one array parameter: Django writes the values of an `IN`
    list into the statement, which PostgreSQL then parses and plans afresh (0.3 ms).
    """
    if connection.vendor != "postgresql":
        stored = ArticleBand.objects.filter(Q(key__in=keys) | Q(article_id__in=article_ids))
        return list(stored.values_list("article_id", "key"))
    with connection.cursor() as cursor:
        cursor.execute(_BANDS_STORED_POSTGRESQL, [keys, article_ids])
        rows: list[tuple[int, int]] = cursor.fetchall()
    return rows


def _bands_insert(keys: dict[int, list[int]]) -> None:
    """Write the articles' band keys.

    Plain SQL: `bulk_create` builds and prepares a model instance per key, which took a
    fifth of a lookup (1 ms for 42 keys, against 0.3 ms for this statement). PostgreSQL
    gets one array per column, SQLite a few hundred rows of parameters per INSERT.
    """
    rows = [
        (pk, band, key)
        for pk, article_keys in keys.items()
        for band, key in enumerate(article_keys)
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = [list(column) for column in zip(*rows, strict=True)]
            cursor.execute(_BANDS_INSERT_POSTGRESQL, columns)
            return
        for batch in itertools.batched(rows, BAND_INSERT_ROWS):
            values = ", ".join(["(%s, %s, %s)"] * len(batch))
            cursor.execute(
                _BANDS_INSERT + values,
                [value for row in batch for value in row],
            )


def near_duplicates_rebuild(*, article_ids: Iterable[int] | None = None) -> IndexReport:
    """Index all articles (or these), a chunk at a time."""
    total = IndexReport()
    queryset = Article.objects.order_by("pk").only("id", "body")
    if article_ids is not None:
        queryset = queryset.filter(pk__in=list(article_ids))
    chunk: list[Article] = []
    for article in queryset.iterator(chunk_size=REBUILD_CHUNK):
        chunk.append(article)
        if len(chunk) == REBUILD_CHUNK:
            _add(total, near_duplicates_index(articles=chunk))
            chunk = []
    _add(total, near_duplicates_index(articles=chunk))
    return total


def _add(total: IndexReport, part: IndexReport) -> None:
    total.articles += part.articles
    total.candidates += part.candidates
    total.pairs += part.pairs
