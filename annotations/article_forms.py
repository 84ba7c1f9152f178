"""Forms of the article pages: the list filters and the annotation status."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from annotations.article_list import SORT_COLUMNS, ArticleFilters
from annotations.forms import LabelFilterField
from articles.forms import PublishedBetweenForm
from articles.models import Article, Source
from newsdesk.forms import FilterBarForm, search_field
from newsdesk.permissions import sees_all_annotations

StrOrPromise = str | Promise


@dataclass(frozen=True)
class SortHeader:
    """A sortable column header: how it is sorted now and what a click on it asks for."""

    column: str
    label: StrOrPromise
    aria_sort: str  # "ascending", "descending" or "none"
    next_sort: str


class ArticleFilterForm(FilterBarForm, PublishedBetweenForm):
    """The filters of the article list, read from the query string (GET)."""

    field_order = ["q", "publisher", "date_from", "date_to", "label", "status", "sort"]

    q = search_field(
        _("Search"),
        # The quotes and the minus are syntax, not words to translate.
        {
            "placeholder": format_lazy(
                '{} "{}" -{}', _("search words"), _("exact phrase"), _("excluded")
            )
        },
    )
    publisher = forms.ModelChoiceField(
        label=_("Published or cited by"),
        # Only sources that publish or are cited by an article: the others match nothing.
        queryset=Source.objects.filter(
            Q(published_articles__isnull=False) | Q(cited_in__isnull=False)
        )
        .distinct()
        .order_by("name"),
        required=False,
        empty_label=_("any source"),
    )
    label = LabelFilterField(label=_("With annotations labelled"))
    status = forms.ChoiceField(
        label=_("Annotation status"),
        choices=[("", _("any status")), *Article.AnnotationStatus.choices],
        required=False,
    )

    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("", _("default order")),
            *(
                (f"{sign}{column}", f"{sign}{column}")
                for column in SORT_COLUMNS
                for sign in ("", "-")
            ),
        ],
        required=False,
        widget=forms.HiddenInput,
    )

    def filters(self, user: User | AnonymousUser | None = None) -> ArticleFilters:
        """The valid filters; a field with an error (shown to the user) filters nothing.

        The label filter counts the annotations `user` may see: an editor's own.
        """
        self.is_valid()  # cleans once; a field with an error is left out of cleaned_data
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        return ArticleFilters(
            q=data.get("q") or "",
            publisher=data.get("publisher"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            label=data.get("label"),
            label_author_id=(
                user.pk if user is not None and not sees_all_annotations(user) else None
            ),
            status=data.get("status") or "",
            sort=data.get("sort") or "",
        )

    def sort_headers(self) -> dict[str, SortHeader]:
        """Per sortable column: its aria-sort and the sort value its header link sets."""
        self.is_valid()
        current: str = getattr(self, "cleaned_data", {}).get("sort") or ""
        headers = {}
        for column in SORT_COLUMNS:
            label = SORT_COLUMN_LABELS[column]
            if current == column:
                headers[column] = SortHeader(column, label, "ascending", f"-{column}")
            elif current == f"-{column}":
                headers[column] = SortHeader(column, label, "descending", column)
            else:
                headers[column] = SortHeader(column, label, "none", column)
        return headers


SORT_COLUMN_LABELS = {
    "title": _("Title"),
    "date": _("Published"),
    "publisher": _("Publisher"),
    "annotations": _("Annotations"),
    "status": _("Status"),
}


class ArticleStatusForm(forms.Form):
    """The annotation status an editor sets on an article; its ids are the article's."""

    status = forms.ChoiceField(
        label=_("Annotation status"),
        choices=Article.AnnotationStatus,
        error_messages={
            "required": _("Choose one of the listed statuses."),
            "invalid_choice": _("Choose one of the listed statuses."),
        },
    )

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"article-status-{article.pk}-%s")
        kwargs.setdefault("initial", {"status": article.annotation_status})
        super().__init__(*args, **kwargs)
        self.article_id = article.pk
        self.saved_status = article.annotation_status

    def show_saved_status(self) -> None:
        """After a refusal: the select shows the status the article keeps, beside the error."""
        self.errors  # noqa: B018 (cleaned with the data as posted)
        self.data = {**self.data, "status": self.saved_status}
