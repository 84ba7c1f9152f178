"""Moving an article's annotations to its new body after a changed import."""

from annotations.anchoring import locate, quote_context
from annotations.models import Annotation
from articles.models import Article


def annotations_reanchor(*, article: Article, old_body: str) -> None:
    """Re-anchor every annotation of `article` (whose body just changed) by its quote.

    Runs inside the import's transaction. Annotations whose quote is gone are marked
    orphaned, never deleted; their old quote stays for an editor to re-attach.
    """
    if article.body == old_body:
        return
    annotations = list(Annotation.objects.filter(article=article))
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
    Annotation.objects.bulk_update(
        annotations, fields=["start", "end", "prefix", "suffix", "is_orphaned"]
    )
