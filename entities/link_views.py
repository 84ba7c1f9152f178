"""Linking a name selected in the workspace to an entity, or making it a candidate.

The workspace (annotations app) opens the panel with the selection's offsets and quote;
the panel searches entities, links, or proposes, and answers with itself. A link also
fires the client event `mention-linked` with the range, on which the workspace redraws
the blocks of text around it: this app does not render the annotated text.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from articles.models import Article
from entities.linking import (
    MAX_NAME_CHARS,
    LinkRefused,
    candidate_propose,
    mention_link,
)
from entities.models import Entity
from entities.selectors import access_article_for_linking, entities_found
from newsdesk.http import AuthenticatedHttpRequest
from newstext.offsets import CodePointRange, SelectionError, verify_selection

TEMPLATE = "entities/link.html"
SEARCH_RESULTS = 20
MAX_QUERY_CHARS = 200


class SelectionForm(forms.Form):
    """The selected words: UTF-16 offsets into the body and the quote, checked against it."""

    start = forms.IntegerField(label=gettext_lazy("Start"), min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(label=gettext_lazy("End"), min_value=0, widget=forms.HiddenInput)
    exact = forms.CharField(
        label=gettext_lazy("Selected words"),
        strip=False,
        max_length=MAX_NAME_CHARS,
        widget=forms.HiddenInput,
    )

    def __init__(self, data: Any, *, article: Article) -> None:
        super().__init__(data)
        self.article = article

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if self.errors:
            return data
        try:
            data["span"] = verify_selection(
                self.article.body, data["start"], data["end"], data["exact"]
            )
        except SelectionError as error:
            raise forms.ValidationError(
                _("Selection: %(reason)s.") % {"reason": _(error.template) % error.params}
            ) from None
        return data

    @property
    def span(self) -> CodePointRange:
        span: CodePointRange = self.cleaned_data["span"]
        return span

    def messages(self) -> list[str]:
        """Every error, each naming its field; one plain request for an empty selection."""
        if not any(self.data.get(name) for name in ("start", "end", "exact")):
            return [_("Select a name in the article first.")]
        found = [str(error) for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name != NON_FIELD_ERRORS:
                found += [f"{self.fields[name].label}: {error}" for error in errors]
        return found


class LinkForm(SelectionForm):
    entity = forms.IntegerField(label=gettext_lazy("Entity"), min_value=1)
    add_alias = forms.BooleanField(required=False)

    def clean_entity(self) -> Entity:
        pk = self.cleaned_data["entity"]
        entity = Entity.objects.filter(pk=pk).first()
        if entity is None:
            raise forms.ValidationError(_("no entity has the id %(id)s.") % {"id": pk})
        return entity


class ProposalForm(SelectionForm):
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=Entity.Kind.choices)


class PanelFieldsForm(forms.Form):
    """The panel's own fields, as shown: the search (id entity-link-q, which triggers the
    results' htmx), whether the words become an alias (sent with a link) and the type of
    a candidate (id entity-propose-kind, sent with a proposal). The selection goes with
    each form as hidden fields."""

    q = forms.CharField(
        label=gettext_lazy("Search entities by name or alias"),
        required=False,
        widget=forms.SearchInput(
            attrs={"maxlength": MAX_QUERY_CHARS, "autocomplete": "off", "autofocus": True}
        ),
    )
    add_alias = forms.BooleanField(required=False, initial=True)
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"),
        choices=Entity.Kind.choices,
        widget=forms.Select(attrs={"id": "entity-propose-kind"}),
    )

    def __init__(self, *, query: str, words: str) -> None:
        super().__init__(initial={"q": query, "add_alias": True}, auto_id="entity-link-%s")
        self.fields["add_alias"].label = _(
            "Add “%(name)s” as an alias if the entity does not have this name yet"
        ) % {"name": words}


def _panel(
    request: AuthenticatedHttpRequest,
    article: Article,
    form: SelectionForm,
    *,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    """The panel: the search, its results and the candidate form, or what went wrong."""
    selected = "span" in form.cleaned_data
    selection: dict[str, Any] = {}
    if selected:
        selection = {name: form.cleaned_data[name] for name in ("start", "end", "exact")}
    query = request.GET.get("q", selection.get("exact", "")).strip()[:MAX_QUERY_CHARS]
    context = {
        "article": article,
        "selection": selection,
        "errors": form.messages() if form.errors else [],
        "q": query,
        "results": list(entities_found(query)[:SEARCH_RESULTS]) if selected and query else [],
        "fields": PanelFieldsForm(query=query, words=selection.get("exact", "")),
        **extra,
    }
    template = TEMPLATE
    if request.htmx.target == "entity-link-results":
        template += "#link-results"
    elif request.htmx:
        template += "#link-panel"
    return render(request, template, context, status=status)


@require_GET
def entity_link_panel_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The panel for the selection (or only its search results, for the search field)."""
    article = access_article_for_linking(request.user, article_id)
    form = SelectionForm(request.GET, article=article)
    return _panel(request, article, form, status=200 if form.is_valid() else 400)


def _posted[F: SelectionForm](
    request: AuthenticatedHttpRequest, article_id: int, form_class: type[F]
) -> tuple[Article, F, HttpResponse | None]:
    """The article, the posted form, and the panel with the reasons (400) if it is invalid."""
    article = access_article_for_linking(request.user, article_id)
    form = form_class(request.POST, article=article)
    refused = None if form.is_valid() else _panel(request, article, form, status=400)
    return article, form, refused


def _refused(
    request: AuthenticatedHttpRequest, article: Article, form: SelectionForm, refusal: LinkRefused
) -> HttpResponse:
    """The panel with the service's refusal as the form's error (400)."""
    form.add_error(None, str(refusal))
    return _panel(request, article, form, status=400)


def _done(
    request: AuthenticatedHttpRequest,
    article: Article,
    form: SelectionForm,
    done: str,
    to: Article | str,
    **shown: Any,
) -> HttpResponse:
    """Say what was `done`: in the panel (htmx), or as a message on the page `to`."""
    if not request.htmx:
        messages.success(request, done)
        return redirect(to)
    return _panel(request, article, form, done=done, **shown)


@require_POST
def entity_link_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Link the selection to an entity: a confirmed mention, underlined in the workspace."""
    article, form, refused = _posted(request, article_id, LinkForm)
    if refused is not None:
        return refused
    entity: Entity = form.cleaned_data["entity"]
    try:
        result = mention_link(
            article=article,
            span=form.span,
            entity=entity,
            user=request.user,
            add_alias=form.cleaned_data["add_alias"],
        )
    except LinkRefused as refusal:
        return _refused(request, article, form, refusal)
    if result.created:
        done = _("“%(name)s” is now linked to %(entity)s.")
    else:
        done = _("“%(name)s” was linked to %(entity)s already.")
    done %= {"name": result.mention.surface, "entity": entity.name}
    if result.alias_added:
        done += " " + _("It is an alias of the entity from now on.")
    anchor = f"{article.get_absolute_url()}#mention-{result.mention.pk}"
    response = _done(request, article, form, done, anchor, linked=entity)
    span = {"start": result.mention.start, "end": result.mention.end}
    return trigger_client_event(response, "mention-linked", span)


@require_POST
def entity_propose_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Make the selection a candidate: it waits in the candidate queue for a decision."""
    article, form, refused = _posted(request, article_id, ProposalForm)
    if refused is not None:
        return refused
    try:
        result = candidate_propose(
            article=article, span=form.span, kind=form.cleaned_data["kind"], user=request.user
        )
    except LinkRefused as refusal:
        return _refused(request, article, form, refusal)
    done = (
        _("“%(name)s” waits in the candidate queue now.")
        if result.created
        else _("“%(name)s” waited in the candidate queue already; this place is added to it.")
    ) % {"name": result.candidate.name}
    return _done(request, article, form, done, article, proposed=result.candidate)
