"""Writing the near-duplicate index: LSH band keys per article and the pairs found.

`near_duplicates_index` (re)indexes articles: their band keys and pairs replace the old
ones, one indexed query on the keys finds the candidates, and the exact shingle overlap
with each candidate decides (thresholds in settings). The work per article does not grow
with the archive: only the candidates' texts are read, and at most
NEAR_DUPLICATE_MAX_CANDIDATES of them per article, those sharing the most band keys.

A text republished a thousand times costs a new copy no more than one republished ten
times: of each band key only the KEY_HOLDERS newest holders are read (an index range
stopped there), only the stored pairs of those holders, and of the candidates already
known as near-duplicates of each other (a cluster, joined by stored pairs) only
NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES are scored, those sharing the most keys. The
pairs with them join the new copy to the cluster; stories group by such chains
(docs/architecture/near-duplicates.md)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.bulk import rows_insert
from articles.models import Article
from newstext.shingles import band_keys, is_near_duplicate, minhash, overlap, shingles
from stories.holders import newest_holders
from stories.models import ArticleBand, NearDuplicate

REBUILD_CHUNK = 200
# Of each band key only this many holders are read, the newest: more would be copies of
# one story (a cluster, of which only representatives are scored) or a key common to
# unrelated texts, neither of which needs more than a few of them.
KEY_HOLDERS = 10
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
    # What the candidate search read: (key, holder) entries of the band-key index and
    # stored pairs (to find clusters). Both are bounded per article, however many copies
    # of a story the archive holds.
    entries_read: int = 0
    pairs_read: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} articles indexed, {self.candidates} candidates, "
            f"{self.pairs} near-duplicate pairs"
        )


def near_duplicates_index(*, articles: Sequence[Article]) -> IndexReport:
    """Index these articles (id and body loaded) and store their near-duplicate pairs.

    A batch is indexed as its articles would be one at a time in id order: each is
    compared with the archive and with the batch's articles before it, and the pairs each
    finds join clusters for those after it, so that a story arriving in many copies in
    one import costs each copy its cluster's representatives too. The batch's texts are
    at hand; the archive's candidates' texts are read in one query for the whole batch.
    """
    report = IndexReport(articles=len(articles))
    if not articles:
        return report
    bands, rows = settings.NEAR_DUPLICATE_LSH_BANDS, settings.NEAR_DUPLICATE_LSH_ROWS
    sets = {article.pk: shingles(article.body) for article in articles}
    keys = {pk: band_keys(minhash(s), bands=bands, rows=rows) for pk, s in sets.items()}
    with transaction.atomic():
        batch = set(keys)
        holders = _keys_replace(keys, report)
        clusters = _clusters(holders, batch=batch, report=report)
        ranked = {
            pk: _ranked(pk, article_keys, holders, batch) for pk, article_keys in keys.items()
        }
        # The archive's candidates as if no article of the batch had found a pair yet: the
        # pairs found can only merge clusters, so that an article takes fewer of them.
        wanted = {
            other
            for pk in keys
            for other in _representatives([o for o in ranked[pk] if o not in batch], clusters)
        }
        texts = Article.objects.filter(pk__in=wanted).order_by().values_list("pk", "body")
        for pk, body in texts:
            sets[pk] = shingles(body)
        found: list[tuple[object, ...]] = []
        now = timezone.now()
        for pk in sorted(keys):
            candidates = _representatives([o for o in ranked[pk] if o in sets], clusters)
            report.candidates += len(candidates)
            partners = []
            for other in candidates:
                first, second = min(pk, other), max(pk, other)
                scores = overlap(sets[first], sets[second])
                if is_near_duplicate(
                    scores,
                    containment=settings.NEAR_DUPLICATE_CONTAINMENT,
                    jaccard=settings.NEAR_DUPLICATE_JACCARD,
                ):
                    found.append((first, second, scores.jaccard, scores.a_in_b, scores.b_in_a, now))
                    partners.append(other)
            for other in partners:
                clusters.join(pk, other)
        rows_insert(NearDuplicate, PAIR_COLUMNS, found)
        report.pairs = len(found)
    return report


def _keys_replace(keys: dict[int, list[int]], report: IndexReport) -> dict[int, set[int]]:
    """Replace these articles' band keys and pairs; which articles hold each of the keys.

    The old keys and pairs are deleted first and the holders read before the new keys are
    written, so they are the archive's; the batch's own articles are added to them (pairs
    inside the batch).
    """
    ids = list(keys)
    ArticleBand.objects.filter(article_id__in=ids).delete()
    NearDuplicate.objects.filter(Q(first_id__in=ids) | Q(second_id__in=ids)).delete()
    newest = newest_holders(
        model=ArticleBand,
        key="key",
        keys=sorted({key for article_keys in keys.values() for key in article_keys}),
        limit=KEY_HOLDERS,
    )
    holders = {key: set(articles) for key, articles in newest.items()}
    report.entries_read += sum(len(held) for held in holders.values())
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


class _Clusters:
    """Articles joined by near-duplicate pairs, directly or through others (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, pk: int) -> int:
        """The smallest id of the article's cluster (its own id when it is in no pair)."""
        parent = self.parent
        while parent.setdefault(pk, pk) != pk:
            pk = parent[pk]
        return pk

    def join(self, one: int, other: int) -> None:
        a, b = self.root(one), self.root(other)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _clusters(holders: dict[int, set[int]], *, batch: set[int], report: IndexReport) -> _Clusters:
    """The clusters of the archive's holders: joined by their stored pairs, directly or
    through a common near-duplicate."""
    archive = sorted({pk for held in holders.values() for pk in held} - batch)
    clusters = _Clusters()
    for first in range(0, len(archive), CLUSTER_QUERY_CHUNK):
        chunk = archive[first : first + CLUSTER_QUERY_CHUNK]
        stored = NearDuplicate.objects.filter(Q(first_id__in=chunk) | Q(second_id__in=chunk))
        for one, other in stored.values_list("first_id", "second_id"):
            report.pairs_read += 1
            clusters.join(one, other)
    return clusters


def _ranked(
    pk: int, article_keys: list[int], holders: dict[int, set[int]], batch: set[int]
) -> list[int]:
    """The archive's articles and the batch's earlier ones that share band keys with this
    one, most shared keys first; ties by id, so that the choice does not depend on order."""
    shared = Counter(
        other for key in article_keys for other in holders[key] if other not in batch or other < pk
    )
    return sorted(shared, key=lambda other: (-shared[other], other))


def _representatives(ranked: list[int], clusters: _Clusters) -> list[int]:
    """The first of these, at most NEAR_DUPLICATE_MAX_CANDIDATES, and at most
    NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES of one cluster."""
    limit = settings.NEAR_DUPLICATE_MAX_CANDIDATES
    per_cluster = settings.NEAR_DUPLICATE_CLUSTER_REPRESENTATIVES
    taken: Counter[int] = Counter()
    chosen: list[int] = []
    for other in ranked:
        cluster = clusters.root(other)
        if taken[cluster] < per_cluster:
            taken[cluster] += 1
            chosen.append(other)
            if len(chosen) == limit:
                break
    return chosen


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
    total.entries_read += part.entries_read
    total.pairs_read += part.pairs_read
