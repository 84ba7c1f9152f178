"""What the review pages read: a page of annotations of the selection, and the agreement of
the annotators on it (bounded, so that a page does not read a whole archive)."""

from collections import defaultdict

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from annotations.models import Annotation
from annotations.selectors import with_source_names
from newstext.agreement import Agreement, Span, agreement
from review.export.selection import Selection, selected_annotations
from review.models import ReviewDecision

ROWS_PER_PAGE = 50
# Agreement is computed on the page from at most this many annotations of the selection.
AGREEMENT_MAX_ANNOTATIONS = 20_000


def review_page(selection: Selection, page_number: str | int | None) -> Page[Annotation]:
    """One page of the selection's annotations, by article and in text order."""
    queryset = _as_review_rows(selected_annotations(selection))
    return Paginator(queryset.order_by("article_id", "start", "end", "pk"), ROWS_PER_PAGE).get_page(
        page_number
    )


def review_row(annotation_id: int) -> Annotation:
    """One annotation with what its review row shows."""
    return _as_review_rows(Annotation.objects.all()).get(pk=annotation_id)


def _as_review_rows(annotations: QuerySet[Annotation]) -> QuerySet[Annotation]:
    """Annotations with what a review row shows: label, author, article (without its
    text), reviewer, `source_names` and the review decisions, newest first."""
    decisions = ReviewDecision.objects.select_related("reviewer", "label_after").order_by(
        "-decided_at", "-pk"
    )
    rows = annotations.select_related("label", "author", "article", "reviewed_by").defer(
        "article__body", "article__blocks"
    )
    return with_source_names(rows).prefetch_related(
        Prefetch("review_decisions", queryset=decisions)
    )


def selection_agreement(selection: Selection) -> Agreement | None:
    """Agreement of the annotators on the selection's articles; None if it is too large."""
    rows = list(
        selected_annotations(selection)
        .order_by("article_id", "start", "end", "pk")
        .values_list("article_id", "author__username", "start", "end", "label__name", "pk")[
            : AGREEMENT_MAX_ANNOTATIONS + 1
        ]
    )
    if len(rows) > AGREEMENT_MAX_ANNOTATIONS:
        return None
    documents: dict[int, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for article_id, author, start, end, label, pk in rows:
        documents[article_id][author].append(Span(start, end, label, key=pk))
    return agreement(documents.values())
