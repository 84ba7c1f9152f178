"""What the review pages read: a page of annotations of the selection, and the agreement of
the annotators on it (bounded, so that a page does not read a whole archive)."""

from collections import defaultdict
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from annotations.models import Annotation
from annotations.selectors import with_source_names
from newsdesk.history import FieldChange
from newstext.agreement import Agreement, Span, agreement
from review.export.selection import Selection, selected_annotations
from review.models import ReviewDecision

ROWS_PER_PAGE = 50
# Agreement is computed on the page from at most this many annotations of the selection.
AGREEMENT_MAX_ANNOTATIONS = 20_000
# The disagreements show at most this many characters of each span's text.
SPAN_TEXT_CHARS = 120


class SpanRef(NamedTuple):
    """What an agreement span stands for: its annotation and the start of its text."""

    pk: int
    text: str


def review_page(selection: Selection, page_number: str | int | None) -> Page[Annotation]:
    """One page of the selection's annotations, by article and in text order."""
    queryset = _as_review_rows(selected_annotations(selection))
    page = Paginator(queryset.order_by("article_id", "start", "end", "pk"), ROWS_PER_PAGE).get_page(
        page_number
    )
    page.object_list = [_with_changes(annotation) for annotation in page.object_list]
    return page


def review_row(annotation_id: int) -> Annotation:
    """One annotation with what its review row shows."""
    return _with_changes(_as_review_rows(Annotation.objects.all()).get(pk=annotation_id))


def changes_since_review(annotation: Annotation) -> list[FieldChange]:
    """What its author changed since the latest review decision (which sent it back to
    review): label, note, sources and quote, before and after. Needs `source_names`."""
    before = annotation.reviewed_content
    if not before or annotation.status != Annotation.Status.PENDING:
        return []
    now: dict[str, str] = {
        "label": annotation.label.name,
        "note": annotation.note,
        "sources": ", ".join(sorted(annotation.source_names or [])),
        "exact": f"{annotation.exact} ({annotation.start}–{annotation.end})",
    }
    then: dict[str, str] = {
        "label": str(before.get("label", "")),
        "note": str(before.get("note", "")),
        "sources": ", ".join(sorted(str(name) for name in before.get("sources", []))),
        "exact": f"{before.get('exact', '')} ({before.get('start')}–{before.get('end')})",
    }
    names = {
        "label": _("Label"),
        "note": _("Note"),
        "sources": _("Attributed to"),
        "exact": _("Quote"),
    }
    return [
        FieldChange(field=names[key], old=then[key] or "—", new=now[key] or "—")
        for key in names
        if then[key] != now[key]
    ]


def _with_changes(annotation: Annotation) -> Annotation:
    annotation.changes_since_review = changes_since_review(annotation)  # type: ignore[attr-defined]
    return annotation


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
    """Agreement of the annotators on the selection's articles; None if it is too large.
    Each span's key is a `SpanRef` (its annotation, the start of its text)."""
    rows = list(
        selected_annotations(selection)
        .order_by("article_id", "start", "end", "pk")
        .values_list(
            "article_id",
            "author__username",
            "start",
            "end",
            "label__name",
            "pk",
            Substr("exact", 1, SPAN_TEXT_CHARS + 1),
        )[: AGREEMENT_MAX_ANNOTATIONS + 1]
    )
    if len(rows) > AGREEMENT_MAX_ANNOTATIONS:
        return None
    documents: dict[int, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for article_id, author, start, end, label, pk, text in rows:
        documents[article_id][author].append(Span(start, end, label, key=SpanRef(pk, text)))
    return agreement(documents.values())
