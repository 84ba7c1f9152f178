"""Moving an article's annotations to its new body after a changed import."""

from annotations.models import Annotation
from articles.models import Article
from articles.unchanged import UnchangedText
from newsdesk.history import REASON_REANCHORED, history_record
from newstext.anchoring import locate, quote_context

ANCHOR_FIELDS = ["start", "end", "prefix", "suffix", "is_orphaned"]
# Rows per UPDATE when re-anchored annotations are written.
UPDATE_BATCH = 500


def annotations_reanchor(*, article: Article, old_body: str) -> None:
    """Re-anchor every annotation of `article` (whose body just changed) by its quote.

    Runs inside the import's transaction. Annotations whose quote is gone are marked
    orphaned, never deleted; their old quote stays for an editor to re-attach. Each one
    that moved gets a history entry by nobody (the system) with the reason.
    """
    if article.body == old_body:
        return
    annotations = list(Annotation.objects.filter(article=article))
    before = {a.pk: [getattr(a, name) for name in ANCHOR_FIELDS] for a in annotations}
    unchanged = UnchangedText(old_body, article.body)
    for annotation in annotations:
        # One in lines the revision left alone stays on its quote; the others (and the
        # orphaned ones, whose offsets are stale) are looked up by their words.
        found = None
        if not annotation.is_orphaned and old_body[annotation.start : annotation.end] == (
            annotation.exact
        ):
            found = unchanged.moved(annotation.start, annotation.end)
        if found is None:
            found = locate(
                article.body,
                annotation.exact,
                annotation.prefix,
                annotation.suffix,
                annotation.start,
            )
        if found is None:
            annotation.is_orphaned = True
            continue
        annotation.start, annotation.end = found
        annotation.prefix, annotation.suffix = quote_context(article.body, *found)
        annotation.is_orphaned = False
    moved = [a for a in annotations if [getattr(a, n) for n in ANCHOR_FIELDS] != before[a.pk]]
    # Only those that changed, in batches: one UPDATE of thousands of CASE branches costs
    # the database time quadratic in their number.
    Annotation.objects.bulk_update(moved, fields=ANCHOR_FIELDS, batch_size=UPDATE_BATCH)
    history_record(moved, user=None, reason=REASON_REANCHORED)
