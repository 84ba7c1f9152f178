"""Moving an article's entity mentions to its new body after a changed import.

Detection runs again after the import commits, but it leaves mentions an editor
confirmed, rejected or added alone, and with a background worker it runs later: so every
mention is first re-anchored by its words, like annotations (`newstext.anchoring`).
"""

import logging

from articles.models import Article
from articles.unchanged import UnchangedText
from entities.models import Mention
from newstext.anchoring import locate, quote_context

logger = logging.getLogger(__name__)
# Rows per UPDATE when re-anchored mentions are written.
UPDATE_BATCH = 500


def mentions_reanchor(*, article: Article, old_body: str) -> int:
    """Re-anchor the mentions of `article`, whose body was `old_body`; returns how many
    were removed because their words are gone (or now coincide with another mention).

    Runs inside the import's transaction.
    """
    if article.body == old_body:
        return 0
    # Editor-decided mentions first: where two land on the same words, theirs is kept.
    mentions = list(Mention.objects.filter(article=article).order_by("-decision", "pk"))
    kept: dict[tuple[int, int, int], Mention] = {}
    gone: list[int] = []
    unchanged = UnchangedText(old_body, article.body)
    before = {mention.pk: (mention.start, mention.end, mention.surface) for mention in mentions}
    for mention in mentions:
        # A mention in lines the revision left alone stays on its words; only those in
        # changed lines are looked up (a name may occur hundreds of times).
        found = unchanged.moved(mention.start, mention.end)
        if found is None:
            exact = old_body[mention.start : mention.end]
            prefix, suffix = quote_context(old_body, mention.start, mention.end)
            found = locate(article.body, exact, prefix, suffix, mention.start)
        if found is None or (mention.entity_id, *found) in kept:
            gone.append(mention.pk)
            continue
        mention.start, mention.end = found
        mention.surface = article.body[found[0] : found[1]][:200]
        kept[mention.entity_id, *found] = mention
    Mention.objects.filter(pk__in=gone).delete()
    # Two steps, as a mention may move onto the place another one is leaving (unique):
    # first beyond both texts, then to the new places.
    # Only those that changed are written, in batches: one UPDATE of thousands of CASE
    # branches costs the database time quadratic in their number.
    moved = [m for m in kept.values() if (m.start, m.end, m.surface) != before[m.pk]]
    shift = len(old_body) + len(article.body)
    for mention in moved:
        mention.start, mention.end = mention.start + shift, mention.end + shift
    Mention.objects.bulk_update(moved, fields=["start", "end"], batch_size=UPDATE_BATCH)
    for mention in moved:
        mention.start, mention.end = mention.start - shift, mention.end - shift
    Mention.objects.bulk_update(moved, fields=["start", "end", "surface"], batch_size=UPDATE_BATCH)
    if gone:
        logger.info("article %s: %d mentions removed, their words are gone", article.pk, len(gone))
    return len(gone)
