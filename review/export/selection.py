"""Which annotations an export (or a review page) covers, and reading them in bounded memory.

The filter is one form for the command line, the export download and the review page, so
the three always mean the same set. Rows are read with a server-side cursor
(`QuerySet.iterator`) in text order per article; each chunk fetches its sources and its
articles' texts in one query each, so memory holds one chunk and one article at a time.
"""

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from django import forms
from django.contrib.auth.models import User
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from annotations.models import Annotation, Label
from articles.forms import PublishedBetweenForm
from articles.models import Article, Source
from newsdesk.forms import FilterBarForm
from newstext.names import name_key
from stories.models import Story

CHUNK_SIZE = 2000
# Articles carry their whole text: fetched fewer at a time, so a fetch stays a few hundred KB.
ARTICLE_CHUNK_SIZE = 100


@dataclass(frozen=True)
class Selection:
    """The filters of an export or review set; None means "any"."""

    article_id: int | None = None
    label: str | None = None
    status: str | None = None
    author: str | None = None
    source: str | None = None  # a source the annotation is attributed to
    date_from: date | None = None  # the article's published date, inclusive
    date_to: date | None = None
    story_id: int | None = None  # articles currently in this story

    def as_params(self) -> dict[str, str]:
        """The filters as GET parameters (for links that keep the current filter), named as
        `SelectionForm`'s fields: `story_id` is `story`."""
        values = {each.name.removesuffix("_id"): getattr(self, each.name) for each in fields(self)}
        return {key: str(value) for key, value in values.items() if value is not None}


def _stored_name(
    field: str, stored: Callable[[str], str | None], unknown: StrOrPromise
) -> Callable[[forms.Form], str]:
    """A form's `clean_<field>`: the name typed into `field` as `stored` finds it in the
    database ("" stays ""); the `unknown` error if it finds none."""

    def clean(form: forms.Form) -> str:
        name: str = form.cleaned_data[field].strip()
        if not name:
            return name
        found = stored(name)
        if found is None:
            raise forms.ValidationError(unknown, params={"name": name})
        return found

    return clean


def _label_name(typed: str) -> str | None:
    labels = Label.objects.filter(Q(name__iexact=typed) | Q(name_en__iexact=typed))
    return labels.values_list("name", flat=True).first()


def _user_name(typed: str) -> str | None:
    users = User.objects.filter(username__iexact=typed).order_by("pk")
    return users.values_list("username", flat=True).first()


def _source_name(typed: str) -> str | None:
    return Source.objects.filter(key=name_key(typed)).values_list("name", flat=True).first()


class SelectionForm(FilterBarForm, PublishedBetweenForm):
    """The filters as typed on the command line or in a URL's query string (on the review
    page, a filter bar); the dates as the article list's date pickers send them (ISO dates
    on the command line too)."""

    field_order = [
        "article",
        "label",
        "status",
        "author",
        "source",
        "date_from",
        "date_to",
        "story",
    ]

    article = forms.IntegerField(
        label=_("article number"),
        required=False,
        min_value=1,
    )
    label = forms.CharField(label=_("label"), required=False, max_length=60)
    status = forms.ChoiceField(
        label=_("review status"),
        required=False,
        choices=[("", _("any")), *Annotation.Status.choices],
    )
    author = forms.CharField(label=_("annotator"), required=False, max_length=150)
    source = forms.CharField(label=_("attributed to"), required=False, max_length=200)
    story = forms.ModelChoiceField(
        label=_("story"),
        queryset=Story.objects.order_by("title", "pk"),
        required=False,
        error_messages={"invalid_choice": _("Unknown story (not one of the story ids).")},
    )

    # Names typed in any case (labels in German or English, sources in any spacing) are
    # checked and kept as stored.
    clean_label = _stored_name("label", _label_name, _("Unknown label “%(name)s”."))
    clean_author = _stored_name("author", _user_name, _("Unknown user “%(name)s”."))
    clean_source = _stored_name("source", _source_name, _("Unknown source “%(name)s”."))

    def selection(self) -> Selection:
        data = self.cleaned_data
        return Selection(
            article_id=data.get("article"),
            label=data.get("label") or None,
            status=data.get("status") or None,
            author=data.get("author") or None,
            source=data.get("source") or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            story_id=data["story"].pk if data.get("story") else None,
        )


def selected_annotations(selection: Selection) -> QuerySet[Annotation]:
    """Live, placed annotations in the selection (deleted and orphaned ones are left out)."""
    queryset = Annotation.objects.filter(deleted_at__isnull=True, is_orphaned=False)
    if selection.article_id is not None:
        queryset = queryset.filter(article_id=selection.article_id)
    if selection.label:
        queryset = queryset.filter(label__name=selection.label)
    if selection.status:
        queryset = queryset.filter(status=selection.status)
    if selection.author:
        queryset = queryset.filter(author__username=selection.author)
    if selection.source:
        queryset = queryset.filter(sources__key=name_key(selection.source))
    if selection.date_from:
        queryset = queryset.filter(article__published_on__gte=selection.date_from)
    if selection.date_to:
        queryset = queryset.filter(article__published_on__lte=selection.date_to)
    if selection.story_id is not None:
        queryset = queryset.filter(
            article__story_memberships__story_id=selection.story_id,
            article__story_memberships__removed=False,
        )
    return queryset


@dataclass(frozen=True, slots=True)
class LabelEntry:
    name: str
    name_en: str
    description: str
    colour: str
    key: str
    is_active: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "name_en": self.name_en,
            "description": self.description,
            "colour": self.colour,
            "key": self.key,
            "active": self.is_active,
        }


def label_set() -> list[LabelEntry]:
    """The whole label set, in its configured order: every export file carries it."""
    return [
        LabelEntry(**row)
        for row in Label.objects.values(
            "name", "name_en", "description", "colour", "key", "is_active"
        )
    ]


@dataclass(frozen=True, slots=True)
class ExportArticle:
    pk: int
    origin: str
    title: str
    body: str
    language: str
    content_hash: str
    published_on: date | None


@dataclass(frozen=True, slots=True)
class ExportAnnotation:
    pk: int
    start: int  # code points into the article's body, end exclusive
    end: int
    exact: str
    prefix: str
    suffix: str
    label: str
    note: str
    status: str
    author: str
    created_at: datetime
    updated_at: datetime
    sources: list[str] = field(default_factory=list)
    reviewer: str = ""  # who made the latest review decision, with its comment
    review_comment: str = ""


@dataclass(frozen=True, slots=True)
class ArticleAnnotations:
    """One article and its selected annotations, in text order."""

    article: ExportArticle
    annotations: list[ExportAnnotation]


# Read as they are into `ExportAnnotation`'s fields of the same names.
ANNOTATION_FIELDS = (
    "pk",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "status",
    "created_at",
    "updated_at",
    "review_comment",
)
ARTICLE_FIELDS = ("pk", "origin", "title", "body", "language", "content_hash", "published_on")


def article_groups(
    selection: Selection, *, chunk_size: int = CHUNK_SIZE, texts: bool = True
) -> Iterator[ArticleAnnotations]:
    """The selection, one article at a time, reading `chunk_size` annotations per fetch.

    With `texts=False` the articles' bodies are not read (they are left empty).
    """
    fields = ARTICLE_FIELDS if texts else tuple(f for f in ARTICLE_FIELDS if f != "body")
    rows = (
        selected_annotations(selection)
        .order_by("article_id", "start", "end", "pk")
        .values(
            "article_id",
            *ANNOTATION_FIELDS,
            label_name=F("label__name"),
            author_name=F("author__username"),
            reviewer_name=F("reviewed_by__username"),
        )
        .iterator(chunk_size=chunk_size)
    )
    current: ExportArticle | None = None
    annotations: list[ExportAnnotation] = []
    for batch in itertools.batched(rows, chunk_size):
        sources = _sources_of({row["pk"] for row in batch}, {row["article_id"] for row in batch})
        needed = {row["article_id"] for row in batch} - ({current.pk} if current else set())
        articles = {
            values["pk"]: ExportArticle(**{"body": "", **values})
            for values in Article.objects.filter(pk__in=needed).values(*fields)
        }
        for row in batch:
            if current is None or row["article_id"] != current.pk:
                if current is not None:
                    yield ArticleAnnotations(current, annotations)
                current, annotations = articles[row["article_id"]], []
            annotations.append(
                ExportAnnotation(
                    **{name: row[name] for name in ANNOTATION_FIELDS},
                    label=row["label_name"],
                    author=row["author_name"],
                    reviewer=row["reviewer_name"] or "",
                    sources=sources.get(row["pk"], []),
                )
            )
    if current is not None:
        yield ArticleAnnotations(current, annotations)


def _sources_of(annotation_ids: set[int], article_ids: set[int]) -> dict[int, list[str]]:
    """Source names of the annotations, by annotation id.

    Filtered by the (few) articles of the chunk rather than by its (many) annotation ids:
    a query with thousands of parameters costs more to build and plan than the extra rows.
    """
    through = Annotation.sources.through
    names: dict[int, list[str]] = defaultdict(list)
    for annotation_id, name in (
        through.objects.filter(annotation__article_id__in=article_ids)
        .order_by("source__name")
        .values_list("annotation_id", "source__name")
    ):
        if annotation_id in annotation_ids:
            names[annotation_id].append(name)
    return names


def selected_articles(
    selection: Selection, *, chunk_size: int = ARTICLE_CHUNK_SIZE
) -> Iterator[ExportArticle]:
    """The articles the selection's annotations are on, by id, read with a cursor."""
    article_ids = selected_annotations(selection).values("article_id")
    rows = (
        Article.objects.filter(pk__in=article_ids)
        .order_by("pk")
        .values(*ARTICLE_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    for row in rows:
        yield ExportArticle(**row)
