"""Who may call which workspace endpoint: anonymous, author, other editor, reviewer, admin."""

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.tests.conftest import selection

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def setup(client, editor, other_editor, reviewer, admin_user, article, make_annotation, labels):
    annotation = make_annotation(article, editor, QUOTE, note="von Erika")
    users = {
        "author": editor,
        "other_editor": other_editor,
        "reviewer": reviewer,
        "admin": admin_user,
    }
    return annotation, users


def request_as(client, users, who):
    if who != "anonymous":
        client.force_login(users[who])


def call(client, endpoint, annotation, labels):
    article = annotation.article
    if endpoint == "create":
        data = {**selection(article, "Putin"), "label": labels["claim"].pk}
        return client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)
    if endpoint == "card":
        return client.get(reverse("annotations:card", args=[annotation.pk]), headers=HTMX)
    if endpoint == "edit":
        return client.get(reverse("annotations:edit", args=[annotation.pk]), headers=HTMX)
    if endpoint == "update":
        data = {"label": labels["quote"].pk, "note": "geändert", "version": annotation.version}
        return client.post(reverse("annotations:update", args=[annotation.pk]), data, headers=HTMX)
    if endpoint in ("delete", "restore"):
        return client.post(reverse(f"annotations:{endpoint}", args=[annotation.pk]), headers=HTMX)
    if endpoint == "suggest":
        return client.get(
            reverse("annotations:source-suggestions"), {"sources": "dp"}, headers=HTMX
        )
    if endpoint == "labels.css":
        return client.get(reverse("annotations:label-styles"))
    if endpoint == "workspace":
        return client.get(article.get_absolute_url())
    raise AssertionError(endpoint)


# expected status per endpoint for: anonymous, author, other editor, reviewer, admin
MATRIX = {
    "workspace": ("login", 200, 200, 200, 200),
    "create": ("login", 200, 200, 403, 200),
    "card": ("login", 200, 403, 200, 200),
    "edit": ("login", 200, 403, 403, 200),
    "update": ("login", 200, 403, 403, 200),
    "delete": ("login", 200, 403, 403, 200),
    "restore": ("login", 200, 403, 403, 200),
    "suggest": ("login", 200, 200, 200, 200),
    "labels.css": ("login", 200, 200, 200, 200),
}
WHO = ("anonymous", "author", "other_editor", "reviewer", "admin")


@pytest.mark.parametrize("endpoint", MATRIX)
@pytest.mark.parametrize("who_index", range(len(WHO)))
def test_permission_matrix(client, setup, labels, endpoint, who_index):
    annotation, users = setup
    who = WHO[who_index]
    request_as(client, users, who)
    before = Annotation.objects.values_list("note", "deleted_at", "version").get(pk=annotation.pk)
    response = call(client, endpoint, annotation, labels)
    expected = MATRIX[endpoint][who_index]
    if expected == "login":
        # htmx requests get HX-Redirect to the login page, plain requests a redirect
        location = response.get("HX-Redirect") or response.get("Location")
        assert location.startswith(reverse("login")), (endpoint, response.status_code)
    else:
        assert response.status_code == expected, (endpoint, who)
    if expected != 200:
        after = Annotation.objects.values_list("note", "deleted_at", "version").get(
            pk=annotation.pk
        )
        assert after == before
        assert Annotation.objects.count() == 1


def test_editors_see_only_their_own_annotations_reviewers_see_all(client, setup):
    annotation, users = setup
    client.force_login(users["other_editor"])
    assert "von Erika" not in client.get(annotation.article.get_absolute_url()).content.decode()
    client.force_login(users["reviewer"])
    page = client.get(annotation.article.get_absolute_url()).content.decode()
    assert "von Erika" in page
    assert 'id="annotation-form"' not in page  # reviewers review, they do not annotate


def test_csrf_is_required_on_htmx_posts(setup, labels):
    from django.test import Client

    annotation, users = setup
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["author"])
    response = client.post(reverse("annotations:delete", args=[annotation.pk]), headers=HTMX)
    assert response.status_code == 403
    annotation.refresh_from_db()
    assert annotation.deleted_at is None
    page = client.get(annotation.article.get_absolute_url()).content.decode()
    token = client.cookies["csrftoken"].value
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    response = client.post(
        reverse("annotations:delete", args=[annotation.pk]), headers={**HTMX, "X-CSRFToken": token}
    )
    assert response.status_code == 200
