"""Writing the near-duplicate index: LSH band keys per article and the pairs found.

`near_duplicates_index` (re)indexes articles: their band keys and pairs replace the old
ones, one indexed query on the keys finds the candidates, and the exact shingle overlap
with each candidate decides (thresholds in settings). The work per article does not grow
with the archive: only the candidates' texts are read, and at most
NEAR_DUPLICATE_MAX_CANDIDATES of them per article, those sharing the most band keys.

A text republished a thousand times costs a new copy no more than one republished ten
times: of each band key only the NEAR_DUPLICATE_MAX_CANDIDATES newest holders are read,
and of the candidates already known as near-duplicates of each other (a cluster, joined
by stored pairs) only NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES are scored, those sharing
the most keys. The pairs with them join the new copy to the cluster; stories group by
such chains (docs/architecture/near-duplicates.md).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from articles.bulk import rows_insert
from articles.models import Article
from newstext.shingles import band_keys, is_near_duplicate, minhash, overlap, shingles
from stories.models import ArticleBand, NearDuplicate

REBUILD_CHUNK = 200
CLUSTER_QUERY_CHUNK = 500
PAIR_COLUMNS = [
    "first_id",
    "second_id",
    "jaccard",
    "first_in_second",
    "second_in_first",
    "found_at",
]


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
    with transaction.atomic():
        holders = _keys_replace(keys)
        pairs = _candidate_pairs(keys, holders, _clusters(holders, batch=set(keys)))
        others = {pk for pair in pairs for pk in pair if pk not in sets}
        texts = Article.objects.filter(pk__in=others).order_by().values_list("pk", "body")
        for pk, body in texts:
            sets[pk] = shingles(body)
        report.candidates = len(pairs)
        found: list[tuple[object, ...]] = []
        now = timezone.now()
        for first, second in sorted(pairs):
            scores = overlap(sets[first], sets[second])
            if is_near_duplicate(
                scores,
                containment=settings.NEAR_DUPLICATE_CONTAINMENT,
                jaccard=settings.NEAR_DUPLICATE_JACCARD,
            ):
                found.append((first, second, scores.jaccard, scores.a_in_b, scores.b_in_a, now))
        rows_insert(NearDuplicate, PAIR_COLUMNS, found)
        report.pairs = len(found)
    return report


def _keys_replace(keys: dict[int, list[int]]) -> dict[int, set[int]]:
    """Replace these articles' band keys and pairs; which articles hold each of the keys.

    The holders are read before the new keys are written, so they are the archive's; the
    batch's own articles are added to them (pairs inside the batch).
    """
    all_keys = {key for article_keys in keys.values() for key in article_keys}
    holders: dict[int, set[int]] = {}
    # The newest holders of each key: a key that thousands of copies share yields no more.
    stored = (
        ArticleBand.objects.filter(key__in=all_keys)
        .exclude(article_id__in=list(keys))
        .annotate(rank=Window(RowNumber(), partition_by=F("key"), order_by=F("article_id").desc()))
        .filter(rank__lte=settings.NEAR_DUPLICATE_MAX_CANDIDATES)
    )
    for article_id, key in stored.values_list("article_id", "key"):
        holders.setdefault(key, set()).add(article_id)
    ArticleBand.objects.filter(article_id__in=list(keys)).delete()
    NearDuplicate.objects.filter(Q(first_id__in=list(keys)) | Q(second_id__in=list(keys))).delete()
    rows_insert(
        ArticleBand,
        ["article_id", "band", "key"],
        [
            (pk, band, key)
            for pk, article_keys in keys.items()
            for band, key in enumerate(article_keys)
        ],
    )
    for pk, article_keys in keys.items():
        for key in article_keys:
            holders.setdefault(key, set()).add(pk)
    return holders


def _clusters(holders: dict[int, set[int]], *, batch: set[int]) -> dict[int, int]:
    """Archive articles among the holders that stored pairs join, directly or through a
    common near-duplicate: article -> its cluster. Articles in no pair are left out."""
    archive = sorted({pk for held in holders.values() for pk in held} - batch)
    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        while parent.setdefault(pk, pk) != pk:
            pk = parent[pk]
        return pk

    for first in range(0, len(archive), CLUSTER_QUERY_CHUNK):
        chunk = archive[first : first + CLUSTER_QUERY_CHUNK]
        stored = NearDuplicate.objects.filter(Q(first_id__in=chunk) | Q(second_id__in=chunk))
        for one, other in stored.values_list("first_id", "second_id"):
            a, b = root(one), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {pk: root(pk) for pk in archive if pk in parent}


def _candidate_pairs(
    keys: dict[int, list[int]], holders: dict[int, set[int]], clusters: dict[int, int]
) -> set[tuple[int, int]]:
    """For each article, the others sharing the most band keys with it, at most
    NEAR_DUPLICATE_MAX_CANDIDATES and at most NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES of
    one cluster, as (smaller id, larger id) pairs."""
    limit = settings.NEAR_DUPLICATE_MAX_CANDIDATES
    per_cluster = settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    pairs: set[tuple[int, int]] = set()
    for pk, article_keys in keys.items():
        shared = Counter(other for key in article_keys for other in holders[key] if other != pk)
        # Most shared keys first; ties by id, so that the choice does not depend on order.
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        taken: Counter[int] = Counter()
        best: list[int] = []
        for other, _ in ranked:
            cluster = clusters.get(other)
            if cluster is not None:
                if taken[cluster] >= per_cluster:
                    continue
                taken[cluster] += 1
            best.append(other)
            if len(best) == limit:
                break
        pairs.update((min(pk, other), max(pk, other)) for other in best)
    return pairs


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
