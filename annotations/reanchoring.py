"""Moving an article's annotations to its new body after a changed import."""

from annotations.models import Annotation
from articles.models import Article
from newsdesk.history import REASON_REANCHORED, history_record
from newstext.anchoring import locate, quote_context

ANCHOR_FIELDS = ["start", "end", "prefix", "suffix", "is_orphaned"]


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
    for annotation in annotations:
        found = locate(
            article.body, annotation.exact, annotation.prefix, annotation.suffix, annotation.start
        )
        if found is None:
            annotation.is_orphaned = True
            continue
        annotation.start, annotation.end = found
        annotation.prefix, annotation.suffix = quote_context(article.body, *found)
        annotation.is_orphaned = False
    Annotation.objects.bulk_update(annotations, fields=ANCHOR_FIELDS)
    moved = [a for a in annotations if [getattr(a, n) for n in ANCHOR_FIELDS] != before[a.pk]]
    history_record(moved, user=None, reason=REASON_REANCHORED)
