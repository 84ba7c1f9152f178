"""The permission matrix: every URL of the project, how to call it, and what each role gets.

One row per URL name (and per method where a view takes several). Add a row for every new
URL: `test_permission_matrix.py` fails for a named project URL without one, and drives
the CSRF and CSP tests from the same rows (README, "Security").

Roles, each acting on the objects of `World` (owned by the editor "erika"):
anonymous; no_role (nora, logged in, in no role group: reads nothing); editor_own (erika, on her own objects); editor_other (otto, another editor,
on erika's objects); reviewer (rita); admin (ada, a superuser).

Outcomes: an HTTP status, or LOGIN (a redirect to the login page; for htmx requests an
`HX-Redirect` to it), ADMIN_LOGIN (a redirect to the admin's own login page) or
REDIRECT (any other redirect).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label
from articles.models import Article
from articles.services import article_metadata_version
from entities.models import Entity, EntityCandidate, Mention
from stories.models import Story, StoryMembership

ROLES = ("anonymous", "no_role", "editor_own", "editor_other", "reviewer", "admin")
LOGIN = "login"
ADMIN_LOGIN = "admin-login"
REDIRECT = "redirect"
Outcome = int | str

# A quote of the seed article 000 that the annotation create row selects.
NEW_QUOTE = "Putin"


@dataclass(frozen=True)
class World:
    """The objects the rows' URLs point at, and the user behind each role."""

    users: dict[str, User | None]
    article: Article
    other_article: Article
    annotation: Annotation
    label: Label
    entity: Entity
    mention: Mention
    candidate: EntityCandidate
    story: Story


Params = Callable[[World], dict[str, Any]]


def nothing(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    """One URL called one way: its kwargs and data from the world, the expected outcomes."""

    name: str
    expect: dict[str, Outcome]
    method: str = "GET"
    # Either a function of the world or, where nothing depends on it, the dict itself.
    kwargs: Params | dict[str, Any] = nothing
    data: Params | dict[str, Any] = nothing
    htmx: bool = False
    # Further methods the view accepts (others must answer 405, see test_other_methods).
    also_allows: tuple[str, ...] = ()
    # HTML pages are checked for inline scripts and styles (CSP); downloads are not.
    html: bool = True
    key: str = field(default="")

    def kwargs_for(self, world: World) -> dict[str, Any]:
        return self.kwargs(world) if callable(self.kwargs) else self.kwargs

    def data_for(self, world: World) -> dict[str, Any]:
        return self.data(world) if callable(self.data) else self.data

    @property
    def id(self) -> str:
        return f"{self.name}[{self.method}{'-' + self.key if self.key else ''}]"


def outcomes(
    *,
    anonymous: Outcome = LOGIN,
    editor: Outcome | None = None,
    own: Outcome | None = None,
    other: Outcome | None = None,
    reviewer: Outcome,
    admin: Outcome,
    no_role: Outcome | None = None,
) -> dict[str, Outcome]:
    """Expected outcome per role; `editor` sets both editors where ownership plays no part.

    A user without a role gets 403 wherever a login suffices for the others, unless
    `no_role` says otherwise; pages open to anonymous users and the admin's own checks
    treat them as anonymous and non-staff.
    """
    own_outcome = own if own is not None else editor
    other_outcome = other if other is not None else editor
    if own_outcome is None or other_outcome is None:
        raise ValueError("give editor=, or own= and other=")
    if no_role is None:
        no_role = anonymous if anonymous != LOGIN else 403
        if reviewer == ADMIN_LOGIN:
            no_role = ADMIN_LOGIN
    return {
        "anonymous": anonymous,
        "no_role": no_role,
        "editor_own": own_outcome,
        "editor_other": other_outcome,
        "reviewer": reviewer,
        "admin": admin,
    }


EVERYONE = outcomes(editor=200, reviewer=200, admin=200)
# One's own account: every logged-in user, with a role or without.
ACCOUNT = outcomes(editor=200, reviewer=200, admin=200, no_role=200)
REVIEWERS_ONLY = outcomes(editor=403, reviewer=200, admin=200)
ENTITY_DECIDERS = outcomes(editor=200, reviewer=403, admin=200)
ANNOTATORS = ENTITY_DECIDERS
AUTHOR_OR_ADMIN = outcomes(own=200, other=403, reviewer=403, admin=200)
AUTHOR_OR_READER = outcomes(own=200, other=403, reviewer=200, admin=200)
PUBLIC = outcomes(anonymous=200, editor=200, reviewer=200, admin=200)
# The admin sends non-staff users to its own login; LoginRequiredMiddleware sends
# anonymous users to ours, except from the admin index (which is login_not_required).
ADMIN_INDEX = outcomes(anonymous=ADMIN_LOGIN, editor=ADMIN_LOGIN, reviewer=ADMIN_LOGIN, admin=200)
ADMIN_PAGE = outcomes(editor=ADMIN_LOGIN, reviewer=ADMIN_LOGIN, admin=200)


def ids(**objects: str) -> Params:
    """URL kwargs or form data naming objects of the world by their ids: `ids(pk="mention")`
    gives a world's `{"pk": world.mention.pk}`."""
    return lambda world: {key: getattr(world, name).pk for key, name in objects.items()}


def list_screen(name: str, expect: dict[str, Outcome]) -> list[Row]:
    """A list with a filter bar: the page, and the results its filters fetch (htmx)."""
    return [Row(name, expect), Row(name, expect, htmx=True, key="results")]


article = ids(pk="article")
article_id = ids(article_id="article")
annotation_id = ids(annotation_id="annotation")
entity = ids(pk="entity")
mention_id = ids(pk="mention")
candidate_id = ids(pk="candidate")
story_id = ids(story_id="story")
comparison = ids(left_id="article", right_id="other_article")


def article_metadata(world: World) -> dict[str, Any]:
    """A valid correction of the world's article, against its current version."""
    current = Article.objects.defer("body", "blocks").get(pk=world.article.pk)
    return {"title": "Neuer Titel", "version": article_metadata_version(current)}


def selection(world: World) -> dict[str, Any]:
    start = world.article.body.index(NEW_QUOTE)
    # The seed article is all in the Basic Multilingual Plane: UTF-16 offsets = indices.
    return {
        "start": start,
        "end": start + len(NEW_QUOTE),
        "exact": NEW_QUOTE,
        "label": world.label.pk,
    }


def text_span(world: World) -> dict[str, Any]:
    """The range of the new-annotation quote, whose blocks of text the workspace redraws."""
    start = world.article.body.index(NEW_QUOTE)
    return {"start": start, "end": start + len(NEW_QUOTE)}


def name_link(world: World) -> dict[str, Any]:
    """The new-annotation quote ("Putin"), linked to the world's entity."""
    return {**selection(world), "entity": world.entity.pk}


def name_proposal(world: World) -> dict[str, Any]:
    """The new-annotation quote, proposed as a candidate (no entity of the world has it as
    a name: detection has not run, so the seed gazetteer is not loaded)."""
    return {**selection(world), "kind": "OTHER"}


def annotation_change(world: World) -> dict[str, Any]:
    return {"label": world.label.pk, "note": "geändert", "version": world.annotation.version}


def claim_of(world: World) -> Any:
    """A claim (made by the editor, without appearances) for the claim rows."""
    from claims.models import Claim

    return Claim.objects.get_or_create(
        wording="Die Raketen explodierten nahe dem Flugzeug.",
        defaults={"created_by": world.annotation.author},
    )[0]


def claim_id(world: World) -> dict[str, Any]:
    return {"claim_id": claim_of(world).pk}


def claim_suggestion(world: World) -> dict[str, Any]:
    """The range of a sentence the claim suggestions offer in article 000."""
    sentence = "Putin bestritt jedoch einen Treffer des Flugzeugs mit russischen Flugabwehrraketen."
    start = world.article.body.index(sentence)
    return {"start": start, "end": start + len(sentence)}


def import_job_id(world: World) -> dict[str, Any]:
    """An import job the editor started (a URL, never fetched: its task is not run here)."""
    from ingest.jobs import import_job_create_url
    from ingest.models import ImportJob

    job = ImportJob.objects.filter(url="https://example.org/feed.xml").first()
    if job is None:
        job = import_job_create_url(
            user=world.annotation.author, url="https://example.org/feed.xml"
        )
    return {"job_id": job.pk}


def import_upload(world: World) -> dict[str, Any]:
    """A one-file upload (a fresh file object for every request)."""
    import io

    upload = io.BytesIO(b"Ein kurzer Bericht aus Baku.")
    upload.name = "bericht.txt"
    return {"upload": upload}


IMPORTERS = outcomes(editor=200, reviewer=403, admin=200)
IMPORTERS_REDIRECTED = outcomes(editor=303, reviewer=403, admin=303)


def assignment_id(world: World) -> dict[str, Any]:
    """An assignment of the article to its editor (made again after an admin removed it)."""
    from workflow.models import Assignment
    from workflow.services import assignments_create

    editor = world.annotation.author
    found = Assignment.objects.filter(article=world.article, user=editor).first()
    if found is None:
        [found] = assignments_create(
            articles=[world.article], user=editor, role="editor", assigned_by=editor
        )
    return {"assignment_id": found.pk}


def assignment_of_article(world: World) -> dict[str, Any]:
    return {"user": world.annotation.author_id, "role": "editor"}


def assignment_of_articles(world: World) -> dict[str, Any]:
    return {**assignment_of_article(world), "articles": [world.article.pk]}


ASSIGNERS = outcomes(editor=403, reviewer=403, admin=200)

ROWS: list[Row] = [
    Row(
        "home",
        outcomes(editor=REDIRECT, reviewer=REDIRECT, admin=REDIRECT, no_role=REDIRECT),
        also_allows=("POST",),
    ),
    # Articles
    *list_screen("articles:list", EVERYONE),
    Row("articles:detail", EVERYONE, kwargs=article),
    Row(
        "articles:status",
        EVERYONE,
        method="POST",
        kwargs=article,
        data={"status": "in_progress"},
        htmx=True,
    ),
    Row("articles:metadata", IMPORTERS, kwargs=article, htmx=True, also_allows=("POST",)),
    Row(
        "articles:metadata",
        IMPORTERS,
        method="POST",
        kwargs=article,
        data=lambda w: article_metadata(w),
        htmx=True,
        also_allows=("GET",),
    ),
    # Annotation workspace (htmx)
    Row("annotations:create", ANNOTATORS, "POST", article_id, selection, htmx=True),
    Row("annotations:cards", EVERYONE, kwargs=article_id, htmx=True),
    Row("annotations:card-filters", EVERYONE, kwargs=article_id, htmx=True),
    Row("annotations:text-blocks", EVERYONE, kwargs=article_id, data=text_span, htmx=True),
    Row("annotations:card", AUTHOR_OR_READER, kwargs=annotation_id, htmx=True),
    Row("annotations:history", AUTHOR_OR_READER, kwargs=annotation_id, htmx=True),
    Row("annotations:edit", AUTHOR_OR_ADMIN, kwargs=annotation_id, htmx=True),
    Row("annotations:update", AUTHOR_OR_ADMIN, "POST", annotation_id, annotation_change, True),
    Row("annotations:delete", AUTHOR_OR_ADMIN, "POST", annotation_id, htmx=True),
    Row("annotations:restore", AUTHOR_OR_ADMIN, "POST", annotation_id, htmx=True),
    # The world's annotation is not orphaned: those allowed get a 400 saying so.
    Row(
        "annotations:reattach",
        outcomes(own=400, other=403, reviewer=403, admin=400),
        "POST",
        annotation_id,
        lambda w: {**selection(w), "version": w.annotation.version},
        htmx=True,
    ),
    Row("annotations:source-suggestions", EVERYONE, data={"sources": "dp"}, htmx=True),
    Row("annotations:label-styles", EVERYONE, html=False),
    # Entities
    Row("entities:list", EVERYONE),
    Row("entities:detail", EVERYONE, kwargs=entity),
    Row(
        "entities:external_id",
        ENTITY_DECIDERS,
        "POST",
        entity,
        {"external_id": "Q7747"},
        htmx=True,
    ),
    Row(
        "entities:mention_decide",
        ENTITY_DECIDERS,
        "POST",
        mention_id,
        {"decision": "confirmed"},
        htmx=True,
    ),
    Row("entities:candidates", ENTITY_DECIDERS),
    # Linking a name selected in the workspace, or proposing it as a candidate.
    Row("entities:link_panel", ENTITY_DECIDERS, kwargs=article_id, data=selection, htmx=True),
    Row("entities:link", ENTITY_DECIDERS, "POST", article_id, name_link, htmx=True),
    Row("entities:propose", ENTITY_DECIDERS, "POST", article_id, name_proposal, htmx=True),
    Row(
        "entities:candidate_decide",
        ENTITY_DECIDERS,
        "POST",
        candidate_id,
        {"decision": "reject"},
        htmx=True,
    ),
    # Review and export
    Row("review:list", REVIEWERS_ONLY),
    Row("review:article", REVIEWERS_ONLY, kwargs=article_id),
    Row(
        "review:decide",
        REVIEWERS_ONLY,
        "POST",
        annotation_id,
        lambda w: {"kind": "accept", "version": w.annotation.version},
        htmx=True,
    ),
    # Adjudication: the world's article has one annotation, by the editor; accepting her
    # version accepts it, and there is nothing to merge (400 once permitted).
    Row("review:adjudicate", REVIEWERS_ONLY, kwargs=article_id),
    Row(
        "review:adjudicate-accept",
        REVIEWERS_ONLY,
        "POST",
        article_id,
        lambda w: {"annotation": w.annotation.pk, "version": w.annotation.version},
        htmx=True,
    ),
    Row(
        "review:adjudicate-merge",
        outcomes(editor=403, reviewer=400, admin=400),
        "POST",
        article_id,
        ids(annotation="annotation"),
        htmx=True,
    ),
    Row(
        "review:adjudicate-version",
        REVIEWERS_ONLY,
        "POST",
        article_id,
        lambda w: {"editor": w.annotation.author.username},
        htmx=True,
    ),
    Row("review:export", REVIEWERS_ONLY, kwargs={"format_name": "csv"}, html=False),
    # Stories, related articles and comparison (editors curate, reviewers read)
    Row("stories:list", EVERYONE),
    Row("stories:detail", EVERYONE, kwargs=story_id),
    Row("stories:rename", ANNOTATORS, "POST", story_id, {"title": "Neu"}, htmx=True),
    Row(
        "stories:add-article",
        ANNOTATORS,
        "POST",
        story_id,
        ids(article="other_article"),
        htmx=True,
    ),
    Row(
        "stories:remove-article",
        ANNOTATORS,
        "POST",
        ids(story_id="story", article_id="article"),
        htmx=True,
    ),
    Row("stories:related", EVERYONE, kwargs=article_id, htmx=True),
    Row(
        "stories:article-date",
        ANNOTATORS,
        "POST",
        article_id,
        lambda w: {
            "published_on": "2025-10-10",
            "date_precision": "day",
            "loaded_at": w.article.updated_at.isoformat(),
        },
        htmx=True,
    ),
    Row("stories:compare", EVERYONE, kwargs=comparison),
    Row(
        "stories:copy",
        AUTHOR_OR_ADMIN,
        "POST",
        lambda w: {**comparison(w), "target_id": w.other_article.pk},
        ids(annotation="annotation"),
        htmx=True,
    ),
    # Claims (editors and admins change them, reviewers read them)
    *list_screen("claims:list", EVERYONE),
    Row("claims:detail", EVERYONE, kwargs=claim_id),
    Row(
        "claims:update",
        ANNOTATORS,
        "POST",
        claim_id,
        lambda w: {"wording": "Neu.", "status": "disputed", "version": claim_of(w).version},
        htmx=True,
    ),
    Row("claims:annotation", AUTHOR_OR_READER, kwargs=annotation_id, htmx=True),
    Row("claims:make", AUTHOR_OR_ADMIN, "POST", annotation_id, {"wording": "X"}, True),
    Row(
        "claims:attach",
        AUTHOR_OR_ADMIN,
        "POST",
        annotation_id,
        lambda w: {"claim": claim_of(w).pk},
        htmx=True,
    ),
    Row("claims:search", AUTHOR_OR_ADMIN, kwargs=annotation_id, data={"q": "Rak"}, htmx=True),
    Row("claims:suggestions", EVERYONE, kwargs=article_id, htmx=True),
    Row("claims:suggestion-accept", ANNOTATORS, "POST", article_id, claim_suggestion, True),
    Row("claims:suggestion-dismiss", ANNOTATORS, "POST", article_id, claim_suggestion, True),
    # The import in the browser (editors and admins)
    Row("ingest:start", IMPORTERS),
    Row("ingest:upload", IMPORTERS_REDIRECTED, "POST", data=import_upload),
    Row("ingest:url", IMPORTERS_REDIRECTED, "POST", data={"url": "https://example.org/feed.xml"}),
    Row("ingest:job", IMPORTERS, kwargs=import_job_id),
    Row("ingest:job", IMPORTERS, kwargs=import_job_id, htmx=True, key="progress"),
    # The workflow: my work, assignments (leads and admins assign)
    Row("workflow:my-work", EVERYONE),
    Row("workflow:assign", ASSIGNERS, also_allows=("POST",)),
    Row(
        "workflow:assign",
        outcomes(editor=403, reviewer=403, admin=REDIRECT),
        "POST",
        data=assignment_of_articles,
        also_allows=("GET",),
    ),
    Row(
        "workflow:article-assignments",
        EVERYONE,
        kwargs=article_id,
        htmx=True,
        also_allows=("POST",),
    ),
    Row(
        "workflow:article-assignments",
        ASSIGNERS,
        "POST",
        article_id,
        assignment_of_article,
        True,
        also_allows=("GET",),
    ),
    Row("workflow:assignment-delete", ASSIGNERS, "POST", assignment_id, htmx=True),
    # Replies under an annotation (its author, reviewers, admins), the inbox, progress
    Row("workflow:replies", AUTHOR_OR_READER, kwargs=annotation_id, also_allows=("POST",)),
    Row(
        "workflow:replies",
        AUTHOR_OR_READER,
        kwargs=annotation_id,
        htmx=True,
        also_allows=("POST",),
        key="thread",
    ),
    Row(
        "workflow:replies",
        AUTHOR_OR_READER,
        "POST",
        annotation_id,
        {"text": "Quelle? @rita"},
        True,
        also_allows=("GET",),
    ),
    Row("workflow:inbox", EVERYONE),
    Row(
        "workflow:inbox-read", outcomes(editor=REDIRECT, reviewer=REDIRECT, admin=REDIRECT), "POST"
    ),
    Row("workflow:progress", REVIEWERS_ONLY),
    # Accounts and language
    Row("login", PUBLIC, also_allows=("POST",)),
    # Logging out lands on the login page, logged in or not.
    Row("logout", outcomes(editor=LOGIN, reviewer=LOGIN, admin=LOGIN, no_role=LOGIN), "POST"),
    Row("password_change", ACCOUNT, also_allows=("POST",)),
    Row("password_change_done", ACCOUNT),
    Row(
        "set_language",
        outcomes(anonymous=REDIRECT, editor=REDIRECT, reviewer=REDIRECT, admin=REDIRECT),
        "POST",
        data={"language": "en", "next": "/articles/"},
        also_allows=("GET",),
    ),
    # Django admin: a few representative pages (the admin checks is_staff itself).
    Row("admin:index", ADMIN_INDEX, also_allows=("POST",)),
    Row("admin:articles_article_changelist", ADMIN_PAGE, also_allows=("POST",)),
    Row(
        "admin:annotations_annotation_change",
        ADMIN_PAGE,
        kwargs=ids(object_id="annotation"),
        also_allows=("POST",),
    ),
    Row("admin:auth_user_changelist", ADMIN_PAGE, also_allows=("POST",)),
    Row("admin:ingest_feed_changelist", ADMIN_PAGE, also_allows=("POST",)),
    Row("admin:axes_accessattempt_changelist", ADMIN_PAGE, also_allows=("POST",)),
]


def request_row(
    client: Client, row: Row, world: World, *, method: str | None = None, **headers: str
) -> HttpResponse:
    """Call the row's URL (with `method` instead of the row's own, if given)."""
    url = reverse(row.name, kwargs=row.kwargs_for(world))
    if row.htmx:
        headers = {"HX-Request": "true", **headers}
    method = (method or row.method).lower()
    data = row.data_for(world)
    if method == "get":
        response: HttpResponse = client.get(url, data, headers=headers)
    elif method == "post":
        response = client.post(url, data, headers=headers)
    else:
        response = getattr(client, method)(url, headers=headers)
    return response


def outcome_of(response: HttpResponse) -> Outcome:
    """The response as one of the matrix's outcomes."""
    login = resolve_url(settings.LOGIN_URL)
    target = response.get("HX-Redirect") or (
        response["Location"] if response.status_code in (301, 302) else None
    )
    if target is None:
        return response.status_code
    if target.startswith(login):
        return LOGIN
    if target.startswith(reverse("admin:login")):
        return ADMIN_LOGIN
    return REDIRECT


def snapshot() -> tuple[object, ...]:
    """What the unsafe rows change, to check a refused request changed nothing."""
    return (
        list(Annotation.objects.order_by("pk").values_list("pk", "note", "version", "deleted_at")),
        list(Article.objects.values_list("annotation_status", flat=True)),
        list(Entity.objects.values_list("external_id", flat=True)),
        list(Mention.objects.values_list("decision", flat=True)),
        list(EntityCandidate.objects.values_list("status", flat=True)),
        list(Story.objects.values_list("title", flat=True)),
        list(StoryMembership.objects.values_list("article_id", "removed")),
        list(Article.objects.values_list("published_on", "date_precision")),
    )
