"""Writing the near-duplicate index: LSH band keys per article and the pairs found.

`near_duplicates_index` (re)indexes articles: their band keys and pairs replace the old
ones, one indexed query on the keys finds the candidates, and the exact shingle overlap
with each candidate decides (thresholds in settings). The work per article does not grow
with the archive: only the candidates' texts are read. On PostgreSQL one statement
replaces the keys and pairs and reads the candidates' keys and texts, so a lookup is four
statements (savepoint, that one, the pairs written, release), whether the article was
indexed before or not. On SQLite, where statements cost no round trip, a lookup for a new
article is six statements (eight for one indexed before), however many bands or
candidates it has.
"""

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from newstext.shingles import band_keys, is_near_duplicate, minhash, overlap, shingles
from stories.models import ArticleBand, NearDuplicate

REBUILD_CHUNK = 200
# Parameters per INSERT of many rows, under SQLite's limit.
INSERT_PARAMETERS = 900
_BANDS_INSERT = 'INSERT INTO stories_articleband (article_id, band, "key") VALUES '
_PAIRS_INSERT = (
    "INSERT INTO stories_nearduplicate "
    "(first_id, second_id, jaccard, first_in_second, second_in_first, found_at) VALUES "
)
# One statement, each list of values one array parameter. The statement's snapshot is
# taken before its writes, so `holders` does not see the new keys. Data-modifying WITH
# queries run in no set order: the INSERT counts the deleted keys first, so the old
# (article, band) rows are gone before the new ones meet the unique index.
_KEYS_REPLACE_POSTGRESQL = """WITH old_keys AS (
    DELETE FROM stories_articleband WHERE article_id = ANY(%(articles)s::bigint[])
    RETURNING article_id
), old_pairs AS (
    DELETE FROM stories_nearduplicate
    WHERE first_id = ANY(%(articles)s::bigint[]) OR second_id = ANY(%(articles)s::bigint[])
), new_keys AS (
    INSERT INTO stories_articleband (article_id, band, "key")
    SELECT * FROM unnest(%(row_articles)s::bigint[], %(bands)s::integer[], %(keys)s::bigint[])
    WHERE (SELECT count(*) FROM old_keys) >= 0
), holders AS (
    SELECT article_id, "key" FROM stories_articleband
    WHERE "key" = ANY(%(keys)s::bigint[]) AND article_id <> ALL(%(articles)s::bigint[])
)
SELECT article_id, "key", NULL FROM holders
UNION ALL
SELECT id, NULL, body FROM articles_article WHERE id IN (SELECT article_id FROM holders)
"""


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


@dataclass
class _Archive:
    """What the archive holds for a batch: other articles' keys among the batch's, and
    those articles' texts."""

    holders: list[tuple[int, int]]  # (article id, key)
    texts: list[tuple[int, str]]  # (article id, body)


def near_duplicates_index(*, articles: Sequence[Article]) -> IndexReport:
    """Index these articles (id and body loaded) and store their near-duplicate pairs."""
    report = IndexReport(articles=len(articles))
    if not articles:
        return report
    bands, rows = settings.NEAR_DUPLICATE_LSH_BANDS, settings.NEAR_DUPLICATE_LSH_ROWS
    sets = {article.pk: shingles(article.body) for article in articles}
    keys = {pk: band_keys(minhash(s), bands=bands, rows=rows) for pk, s in sets.items()}
    # Which articles hold each key: first these ones (pairs inside the batch), then the
    # archive's.
    holders: dict[int, set[int]] = {}
    for pk, article_keys in keys.items():
        for key in article_keys:
            holders.setdefault(key, set()).add(pk)
    with transaction.atomic():
        archive = _keys_replace(keys)
        for article_id, key in archive.holders:
            holders[key].add(article_id)
        for pk, body in archive.texts:
            sets[pk] = shingles(body)
        pairs = {
            (min(pk, other), max(pk, other))
            for pk, article_keys in keys.items()
            for key in article_keys
            for other in holders[key]
            if other != pk
        }
        report.candidates = len(pairs)
        found = []
        for first, second in sorted(pairs):
            scores = overlap(sets[first], sets[second])
            if is_near_duplicate(
                scores,
                containment=settings.NEAR_DUPLICATE_CONTAINMENT,
                jaccard=settings.NEAR_DUPLICATE_JACCARD,
            ):
                found.append((first, second, scores.jaccard, scores.a_in_b, scores.b_in_a))
        _pairs_insert(found)
        report.pairs = len(found)
    return report


def _keys_replace(keys: dict[int, list[int]]) -> _Archive:
    """Replace these articles' band keys (and delete their pairs); what the archive holds.

    The archive's keys are read before the new ones are written. On PostgreSQL each list
    is one array parameter: Django writes the values of an `IN` list into the statement,
    which PostgreSQL then parses and plans afresh (0.3 ms).
    """
    if connection.vendor == "postgresql":
        return _keys_replace_postgresql(keys)
    return _keys_replace_sqlite(keys)


def _keys_replace_postgresql(keys: dict[int, list[int]]) -> _Archive:
    """All in one statement: besides its work, each statement cost a lookup 0.1 to 0.3 ms
    (waking the server, planning, Django), several times the work of most of these."""
    row_articles, bands, row_keys = zip(*_band_rows(keys), strict=True)
    params = {
        "articles": list(keys),
        "row_articles": list(row_articles),
        "bands": list(bands),
        "keys": list(row_keys),
    }
    archive = _Archive(holders=[], texts=[])
    with connection.cursor() as cursor:
        cursor.execute(_KEYS_REPLACE_POSTGRESQL, params)
        for article_id, key, body in cursor.fetchall():
            if body is None:
                archive.holders.append((article_id, key))
            else:
                archive.texts.append((article_id, body))
    return archive


def _keys_replace_sqlite(keys: dict[int, list[int]]) -> _Archive:
    """One query reads the archive's holders and these articles' keys from an earlier
    indexing: only those articles have keys and pairs to replace (a pair is written with
    its articles' keys), so a new article needs no DELETE."""
    all_keys = [key for article_keys in keys.values() for key in article_keys]
    stored = ArticleBand.objects.filter(Q(key__in=all_keys) | Q(article_id__in=list(keys)))
    archive = _Archive(holders=[], texts=[])
    indexed_before = set()
    for article_id, key in stored.values_list("article_id", "key"):
        if article_id in keys:
            indexed_before.add(article_id)
        else:
            archive.holders.append((article_id, key))
    if indexed_before:
        ArticleBand.objects.filter(article_id__in=indexed_before).delete()
        NearDuplicate.objects.filter(
            Q(first_id__in=indexed_before) | Q(second_id__in=indexed_before)
        ).delete()
    _bands_insert(keys)
    others = {article_id for article_id, _ in archive.holders}
    texts = Article.objects.filter(pk__in=others).order_by().values_list("pk", "body")
    archive.texts = list(texts)
    return archive


def _band_rows(keys: dict[int, list[int]]) -> list[tuple[int, int, int]]:
    """(article id, band, key) of each band key."""
    return [
        (pk, band, key)
        for pk, article_keys in keys.items()
        for band, key in enumerate(article_keys)
    ]


def _bands_insert(keys: dict[int, list[int]]) -> None:
    """Write the articles' band keys (on SQLite: PostgreSQL's are in its one statement).

    Plain SQL: `bulk_create` builds and prepares a model instance per key, which took a
    fifth of a lookup (1 ms for 42 keys, against 0.3 ms for this statement).
    """
    _rows_insert(_BANDS_INSERT, _band_rows(keys))


def _pairs_insert(found: list[tuple[int, int, float, float, float]]) -> None:
    """Write the pairs found: (first, second, Jaccard, first in second, second in first).

    Plain SQL, as for the keys: `bulk_create` took 0.21 ms for one pair, this 0.07 ms.
    """
    found_at = connection.ops.adapt_datetimefield_value(timezone.now())
    _rows_insert(_PAIRS_INSERT, [(*pair, found_at) for pair in found])


def _rows_insert(insert: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """INSERT these rows (all of one width), a few hundred parameters per statement."""
    if not rows:
        return
    width = len(rows[0])
    placeholders = "(" + ", ".join(["%s"] * width) + ")"
    with connection.cursor() as cursor:
        for batch in itertools.batched(rows, INSERT_PARAMETERS // width):
            cursor.execute(
                insert + ", ".join([placeholders] * len(batch)),
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
