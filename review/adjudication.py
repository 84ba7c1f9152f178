"""What the adjudication screen reads: an article's annotations by editor, aligned by place.

The spans of the editors shown are aligned into units (`newstext.agreement.align_units`:
overlapping spans, at most one per editor). In a unit, spans with the same label match;
different labels, or an editor who marked nothing there, are differences. The reviewer
resolves each unit (`review.services`), and the accepted annotations are the reviewed set.

Bounded: at most ADJUDICATION_MAX_ANNOTATIONS live annotations of an article are read; an
article with more is adjudicated on the review page, one annotation at a time.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from annotations.models import Annotation
from articles.models import Article
from newstext.agreement import Span, align_units

ADJUDICATION_MAX_ANNOTATIONS = 500

PENDING = Annotation.Status.PENDING
REJECTED = Annotation.Status.REJECTED


class AdjudicationInputError(ValueError):
    """An input the screen cannot act on (an unknown editor or annotation); a 400."""


@dataclass(frozen=True)
class AdjudicationUnit:
    """One place of the text: each shown editor's annotation there, or None."""

    cells: list[Annotation | None]
    agreed: bool

    @property
    def key(self) -> int:
        """The anchor of the unit: its smallest annotation id."""
        return min(annotation.pk for annotation in self.annotations)

    @property
    def annotations(self) -> list[Annotation]:
        return [annotation for annotation in self.cells if annotation is not None]

    @property
    def pending(self) -> bool:
        return any(annotation.status == PENDING for annotation in self.annotations)

    @property
    def merge_group(self) -> list[Annotation]:
        """The matching annotations a merge resolves: the first label given by two or more
        editors whose annotations are not rejected and one at least is pending; the one
        kept comes first (an accepted one, else the first pending). Empty if there is none."""
        by_label: dict[int, list[Annotation]] = {}
        for annotation in self.annotations:
            if annotation.status != REJECTED:
                by_label.setdefault(annotation.label_id, []).append(annotation)
        for group in by_label.values():
            if len(group) >= 2 and any(a.status == PENDING for a in group):
                return sorted(group, key=lambda a: (a.status == PENDING, a.start, a.pk))
        return []

    @property
    def merge_keeps(self) -> Annotation | None:
        group = self.merge_group
        return group[0] if group else None


@dataclass(frozen=True)
class Adjudication:
    """An article's annotations for the adjudication screen."""

    article: Article
    editors: list[str]  # every editor who annotated the article
    shown: list[str]  # the editors whose columns are shown
    units: list[AdjudicationUnit]
    accepted: list[Annotation]  # the reviewed set: every accepted annotation of the article
    total: int  # the article's live annotations
    too_many: bool = False
    differences_only: bool = False

    @property
    def unit_count(self) -> int:
        return len(self.units)

    def find(self, annotation_id: int) -> tuple[AdjudicationUnit, Annotation]:
        """The unit holding the annotation, and the annotation; AdjudicationInputError if
        it is not shown here."""
        for unit in self.units:
            for annotation in unit.annotations:
                if annotation.pk == annotation_id:
                    return unit, annotation
        raise AdjudicationInputError(
            _(
                "Annotation %(id)s is not one of the annotations of this article shown here "
                "(unknown, deleted, of another article or of an editor not shown)."
            )
            % {"id": annotation_id}
        )

    def editor_places(self, username: str) -> list[tuple[Annotation, list[Annotation]]]:
        """Each place `username` marked: their annotation, and every annotation there."""
        if username not in self.shown:
            raise AdjudicationInputError(
                _("“%(name)s” is not one of the editors shown for this article.")
                % {"name": username}
            )
        column = self.shown.index(username)
        places = [(unit.cells[column], unit.annotations) for unit in self.units]
        return [(own, everyone) for own, everyone in places if own is not None]


def article_adjudication(
    article: Article, *, editors: list[str] | None = None, differences_only: bool = False
) -> Adjudication:
    """The article's live, placed annotations aligned by place, in columns per editor (all
    of them, or `editors`); only the units where the editors differ with `differences_only`."""
    rows = list(
        Annotation.objects.filter(article=article, deleted_at__isnull=True, is_orphaned=False)
        .select_related("label", "author")
        .order_by("start", "end", "pk")[: ADJUDICATION_MAX_ANNOTATIONS + 1]
    )
    everyone = sorted({annotation.author.username for annotation in rows})
    unknown = sorted(set(editors or []) - set(everyone))
    if unknown:
        raise AdjudicationInputError(
            _("Not an editor of this article: %(names)s.") % {"names": ", ".join(unknown)}
        )
    if len(rows) > ADJUDICATION_MAX_ANNOTATIONS:
        return Adjudication(article, everyone, [], [], [], len(rows), too_many=True)
    shown = [name for name in everyone if name in editors] if editors else everyone
    spans: dict[str, list[Span]] = {name: [] for name in shown}
    by_pk = {annotation.pk: annotation for annotation in rows}
    for annotation in rows:
        if annotation.author.username in spans:
            spans[annotation.author.username].append(
                Span(annotation.start, annotation.end, annotation.label.name, key=annotation.pk)
            )
    units = [
        AdjudicationUnit(
            cells=[by_pk[span.key] if span else None for span in unit.spans.values()],  # type: ignore[index]
            agreed=unit.agreed,
        )
        for unit in align_units(spans)
    ]
    if differences_only:
        units = [unit for unit in units if not unit.agreed]
    accepted = [a for a in rows if a.status == Annotation.Status.ACCEPTED]
    return Adjudication(
        article,
        everyone,
        shown,
        units,
        accepted,
        len(rows),
        differences_only=differences_only,
    )
