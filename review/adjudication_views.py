"""The adjudication screen of an article: its editors' versions side by side, and the
reviewer's actions on them (htmx, or plain forms that redirect back).

Each action answers an htmx request with the screen's region (`#adjudication`) and a line
for screen readers; a plain form post is redirected to the screen at the place it
changed. Bad input is a 400 naming it, a decision already made or changed meanwhile a 409.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from annotations.models import Label
from annotations.services import StaleAnnotation
from articles.models import Article
from newsdesk.forms import FilterBarForm
from newsdesk.http import AuthenticatedHttpRequest, form_errors_text
from review.access import access_article_for_adjudication
from review.adjudication import (
    ADJUDICATION_MAX_ANNOTATIONS,
    Adjudication,
    AdjudicationInputError,
    article_adjudication,
)
from review.export import FORMATS
from review.models import ReviewDecision
from review.services import AlreadyDecided, ReviewError, unit_accept, unit_merge, version_accept

ADJUDICATE = "review/adjudicate.html"
MAX_EDITORS_IN_FILTER = 50


class EditorNamesField(forms.Field):
    """User names given as repeated parameters (`?editor=a&editor=b`), bounded in number
    and length; whether they annotated the article is the screen's check. Its checkboxes
    offer the article's editors (`FilterForm.offer_editors`)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value: Any) -> list[str]:
        return [str(name).strip() for name in value or [] if str(name).strip()]

    def validate(self, value: list[str]) -> None:
        if len(value) > MAX_EDITORS_IN_FILTER or any(len(name) > 150 for name in value):
            raise forms.ValidationError(
                _("At most %(count)d editors at a time.") % {"count": MAX_EDITORS_IN_FILTER}
            )


class FilterForm(FilterBarForm):
    """Which editors' columns, and all places or only those where the editors differ."""

    editor = EditorNamesField(label=gettext_lazy("Editors shown"), required=False)
    show = forms.ChoiceField(
        label=gettext_lazy("Places"),
        required=False,
        choices=[
            ("", gettext_lazy("all places")),
            ("differences", gettext_lazy("only where the editors differ")),
        ],
    )

    def offer_editors(self, names: list[str]) -> None:
        """The editors the checkboxes offer: those who annotated the article."""
        widget = self.fields["editor"].widget
        assert isinstance(widget, forms.CheckboxSelectMultiple)
        widget.choices = [(name, name) for name in names]


class AcceptForm(forms.Form):
    annotation = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=1)
    label = forms.ModelChoiceField(
        queryset=Label.objects.all(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Unknown label.")},
    )
    comment = forms.CharField(required=False, max_length=5000, strip=True)


class MergeForm(forms.Form):
    annotation = forms.IntegerField(min_value=1)


class VersionForm(forms.Form):
    editor = forms.CharField(max_length=150)


# What an action did: its decisions, and the place (unit key) to focus after it.
Outcome = tuple[list[ReviewDecision], int | None]
Action = Callable[[dict[str, Any], Adjudication, AuthenticatedHttpRequest], Outcome]


def _filter_query(filters: FilterForm) -> str:
    """The valid filter as a query string, without empty values."""
    if not filters.is_valid():
        return ""
    values = {key: value for key, value in filters.cleaned_data.items() if value}
    return urlencode(values, doseq=True)


def _screen_url(article: Article, filters: FilterForm) -> str:
    query = _filter_query(filters)
    url = reverse("review:adjudicate", args=[article.pk])
    return f"{url}?{query}" if query else url


def _read(article: Article, filters: FilterForm) -> Adjudication:
    return article_adjudication(
        article,
        editors=filters.cleaned_data["editor"],
        differences_only=filters.cleaned_data["show"] == "differences",
    )


def _render(
    request: AuthenticatedHttpRequest,
    article: Article,
    filters: FilterForm,
    *,
    status: int = 200,
    error: str = "",
    message: str = "",
    focus: int | None = None,
) -> HttpResponse:
    adjudication = None
    if filters.is_valid():
        try:
            adjudication = _read(article, filters)
            filters.offer_editors(list(adjudication.editors))
        except AdjudicationInputError as problem:
            error, status = str(problem), 400
    else:
        error, status = form_errors_text(filters), 400
    context = {
        "article": article,
        "adjudication": adjudication,
        "filters": filters,
        "filter_query": _filter_query(filters),
        "labels": list(Label.objects.filter(is_active=True)),
        "formats": sorted(FORMATS),
        "export_query": urlencode({"article": article.pk, "status": "accepted"}),
        "cap": ADJUDICATION_MAX_ANNOTATIONS,
        "error": error,
        "message": message,
        "focus": focus,
        "oob": request.htmx,
    }
    template = f"{ADJUDICATE}#adjudication" if request.htmx else ADJUDICATE
    return render(request, template, context, status=status)


@require_GET
def adjudicate_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The article's annotations in columns per editor, aligned by place in the text."""
    article = access_article_for_adjudication(request.user, article_id)
    return _render(request, article, FilterForm(request.GET))


def _act(
    request: AuthenticatedHttpRequest, article_id: int, form_class: type[forms.Form], act: Action
) -> HttpResponse:
    """Validate the filter (query string) and the action's form, read the screen as the
    reviewer saw it, act, and answer with the screen (or a redirect to it)."""
    article = access_article_for_adjudication(request.user, article_id)
    filters = FilterForm(request.GET)
    form = form_class(request.POST)
    if not filters.is_valid():
        return _render(request, article, filters)
    if not form.is_valid():
        return _render(request, article, filters, status=400, error=form_errors_text(form))
    try:
        adjudication = _read(article, filters)
        if adjudication.too_many:
            raise AdjudicationInputError(
                _(
                    "This article has more than %(cap)d annotations: decide on them on its "
                    "review page."
                )
                % {"cap": ADJUDICATION_MAX_ANNOTATIONS}
            )
        decisions, focus = act(form.cleaned_data, adjudication, request)
    except AlreadyDecided as problem:
        return _render(request, article, filters, status=409, error=str(problem))
    except (AdjudicationInputError, ReviewError) as problem:
        return _render(request, article, filters, status=400, error=str(problem))
    except StaleAnnotation as stale:
        error = _(
            "Annotation %(id)s was changed in the meantime; nothing was decided. Here is the "
            "current state."
        ) % {"id": stale.current.pk}
        return _render(request, article, filters, status=409, error=error)
    message = ngettext(
        "%(count)d decision recorded.", "%(count)d decisions recorded.", len(decisions)
    ) % {"count": len(decisions)}
    if not request.htmx:
        messages.success(request, message)
        anchor = f"#unit-{focus}" if focus else ""
        return HttpResponseRedirect(_screen_url(article, filters) + anchor, status=303)
    return _render(request, article, filters, message=message, focus=focus)


def _accept(
    data: dict[str, Any], adjudication: Adjudication, request: AuthenticatedHttpRequest
) -> Outcome:
    unit, keep = adjudication.find(data["annotation"])
    decisions = unit_accept(
        keep=keep,
        version=data["version"],
        unit=unit.annotations,
        reviewer=request.user,
        label=data["label"],
        comment=data["comment"],
    )
    return decisions, unit.key


def _merge(
    data: dict[str, Any], adjudication: Adjudication, request: AuthenticatedHttpRequest
) -> Outcome:
    unit, chosen = adjudication.find(data["annotation"])
    decisions = unit_merge(annotation=chosen, group=unit.merge_group, reviewer=request.user)
    return decisions, unit.key


def _version(
    data: dict[str, Any], adjudication: Adjudication, request: AuthenticatedHttpRequest
) -> Outcome:
    places = adjudication.editor_places(data["editor"])
    return version_accept(places=places, reviewer=request.user), None


@require_POST
def adjudicate_accept_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Accept one editor's annotation at a place (optionally relabelled); the other
    editors' pending annotations there are rejected."""
    return _act(request, article_id, AcceptForm, _accept)


@require_POST
def adjudicate_merge_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Merge the matching annotations at a place into one accepted annotation."""
    return _act(request, article_id, MergeForm, _merge)


@require_POST
def adjudicate_version_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Accept one editor's whole version of the article."""
    return _act(request, article_id, VersionForm, _version)
