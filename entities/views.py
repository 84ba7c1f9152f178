"""Entity pages: one entity with its mentions in context, and the candidate queue."""

import re
from typing import Any

from django import forms
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from entities.history import entity_history
from entities.models import Entity, EntityCandidate, Mention
from entities.selectors import (
    CANDIDATES_PER_PAGE,
    access_candidate,
    access_entity,
    access_mention,
    candidate_examples,
    cooccurring_entities,
    entity_list_page,
    entity_mentions_page,
    kwic_line,
    mentions_over_time,
    open_candidates,
)
from entities.services import (
    CandidateDecided,
    candidate_accept_alias,
    candidate_accept_new,
    candidate_reject,
    entity_external_id_set,
    mention_decide,
)
from newsdesk.forms import FilterBarForm
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_curate_entities, can_read_entities, require

MAX_ENTITY_SUGGESTIONS = 1000
MAX_QUERY_CHARS = 200


class EntitySearchForm(FilterBarForm):
    """The entity list's search (id `entity-q`, which triggers the list's htmx); a longer
    query is cut, not refused."""

    q = forms.CharField(
        label=_("Name or alias"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_CHARS}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "entity-%s")
        super().__init__(*args, **kwargs)

    def query(self) -> str:
        if not self.is_valid():
            return ""
        value: str = self.cleaned_data["q"]
        return value[:MAX_QUERY_CHARS]


class ExternalIdForm(forms.Form):
    external_id = forms.CharField(
        label=_("External id"),
        required=False,
        max_length=100,
        help_text=_("For example a Wikidata QID such as Q7747."),
    )

    def clean_external_id(self) -> str:
        value: str = self.cleaned_data["external_id"].strip()
        if value and not re.fullmatch(r"[A-Za-z][\w:.-]*", value):
            raise forms.ValidationError(_("Use letters, digits and : . - only, e.g. Q7747."))
        return value


class CandidateDecisionForm(forms.Form):
    """One row of the candidate queue; the buttons send the decision, so only the entity
    field is rendered (ids per candidate: the queue has many rows)."""

    decision = forms.ChoiceField(
        choices=[("new", _("new entity")), ("alias", _("alias")), ("reject", _("reject"))]
    )
    entity = forms.CharField(
        label=_("Alias of"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "entity-names", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, candidate: EntityCandidate, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"candidate-{candidate.pk}-%s")
        if candidate.proposed_entity is not None:
            kwargs.setdefault("initial", {"entity": candidate.proposed_entity.name})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, object]:
        data: dict[str, object] = super().clean() or {}
        if data.get("decision") == "alias":
            name = str(data.get("entity") or "").strip()
            entity = (
                Entity.objects.annotate(key=Lower("name"))
                .filter(key=name.lower())
                .order_by("pk")
                .first()
                or Entity.objects.filter(name=name).first()
            )
            if entity is None:
                message = _("No entity is called “%(name)s”.") % {"name": name}
                self.add_error("entity", message)
            else:
                data["target"] = entity
        return data


@require_GET
def entity_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every entity, searchable by name or alias, most mentioned first."""
    require(can_read_entities(request.user))
    form = EntitySearchForm(request.GET)
    context = {
        "page": entity_list_page(form.query(), request.GET.get("page")),
        "form": form,
        "can_decide": can_curate_entities(request.user),
    }
    template = "entities/entity_list.html"
    if request.htmx.target == "entity-results":
        template += "#entity-results"
    return render(request, template, context)


@require_GET
def entity_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Canonical name, type, aliases, external id, mentions in context, co-occurrences."""
    entity = access_entity(request.user, pk)
    page = entity_mentions_page(entity, request.GET.get("page"))
    context = {
        "entity": entity,
        "page": page,
        "can_edit": can_curate_entities(request.user),
        "external_id_form": ExternalIdForm(initial={"external_id": entity.external_id}),
    }
    if request.htmx.target == "entity-mentions":
        return render(request, "entities/entity_detail.html#entity-mentions", context)
    timeline = mentions_over_time(entity)
    context["cooccurring"] = cooccurring_entities(entity)
    context["timeline"] = timeline
    context["timeline_max"] = max((row["mentions"] for row in timeline), default=1)
    context["history"] = entity_history(entity)
    return render(request, "entities/entity_detail.html", context)


@require_POST
def entity_external_id_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Set the external id: htmx gets the facts fragment back, a plain post the page."""
    entity = access_entity(request.user, pk, change=True)
    form = ExternalIdForm(request.POST)
    context = {"entity": entity, "can_edit": True, "external_id_form": form}
    if not form.is_valid():
        return render(request, "entities/entity_detail.html#entity-facts", context)
    entity_external_id_set(
        entity=entity, external_id=form.cleaned_data["external_id"], user=request.user
    )
    if not request.htmx:
        return redirect("entities:detail", pk=entity.pk)
    context["saved"] = True
    return render(request, "entities/entity_detail.html#entity-facts", context)


@require_POST
def mention_decide_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject one mention; automatic detection leaves it alone from then on."""
    mention = access_mention(request.user, pk)
    decision = request.POST.get("decision", "")
    if decision not in (Mention.Decision.CONFIRMED, Mention.Decision.REJECTED):
        return HttpResponse(_("Choose a decision."), status=400)
    mention_decide(mention=mention, decision=decision, user=request.user)
    if not request.htmx:
        return redirect("entities:detail", pk=mention.entity_id)
    context = {"line": kwic_line(mention), "can_edit": True}
    return render(request, "entities/entity_detail.html#kwic-line", context)


@require_GET
def candidate_queue_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Names detection found but nobody knows yet, most often seen first."""
    access_candidate_queue(request)
    candidates = list(open_candidates()[:CANDIDATES_PER_PAGE])
    candidate_examples(candidates)
    context = {
        "rows": [(c, CandidateDecisionForm(candidate=c)) for c in candidates],
        "open_total": EntityCandidate.objects.filter(status=EntityCandidate.Status.OPEN).count(),
        "entity_names": Entity.objects.order_by("name").values_list("name", flat=True)[
            :MAX_ENTITY_SUGGESTIONS
        ],
    }
    return render(request, "entities/candidate_queue.html", context)


@require_POST
def candidate_decide_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept as a new entity, accept as an alias of an entity, or reject; htmx gets the
    decided row back (or the row with the error, status 200 so that htmx swaps it)."""
    candidate = access_candidate(request.user, pk)
    form = CandidateDecisionForm(request.POST, candidate=candidate)
    context: dict[str, object] = {"candidate": candidate}
    if candidate.status != EntityCandidate.Status.OPEN:
        form.add_error(None, _("This name was already decided."))
    elif form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            if decision == "new":
                context["entity"] = candidate_accept_new(candidate=candidate, user=request.user)
            elif decision == "alias":
                context["entity"] = candidate_accept_alias(
                    candidate=candidate, entity=form.cleaned_data["target"], user=request.user
                )
            else:
                candidate_reject(candidate=candidate, user=request.user)
        except CandidateDecided as decided:
            # Someone else decided it a moment earlier: their decision stands.
            candidate.refresh_from_db()
            candidate_examples([candidate])
            context["error"] = str(decided)
            return render(
                request, "entities/candidate_queue.html#candidate-row", context, status=409
            )
        if not request.htmx:
            return redirect("entities:candidates")
        return render(request, "entities/candidate_queue.html#candidate-row", context)
    candidate_examples([candidate])
    context["decision_form"] = form  # its errors beside the field
    context["error"] = " ".join(map(str, form.non_field_errors()))
    if "decision" in form.errors:
        context["error"] = _("Choose a decision.")
    status = 200 if request.htmx else 400
    return render(request, "entities/candidate_queue.html#candidate-row", context, status=status)


def access_candidate_queue(request: AuthenticatedHttpRequest) -> None:
    """Only those who decide candidates see the queue."""
    require(can_curate_entities(request.user))
