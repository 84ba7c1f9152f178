"""Issue 14, items 11 and 14 for claims: a stale edit leaves no new source behind; parallel
"make claim" and parallel accepts of one suggestion end in one winner and clear 409s."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label
from annotations.tests.support import annotate
from articles.models import Article, Source
from claims.models import Claim, ClaimAppearance
from claims.services import claim_create
from newsdesk.tests.races import HTMX, editors_make, post_at_once

QUOTE = "Putin bestritt jedoch einen Treffer des Flugzeugs mit russischen Flugabwehrraketen."


@pytest.fixture
def label(labels: dict[str, Label]) -> Label:
    return labels["claim"]


def annotated(article: Article, author: User, label: Label) -> Annotation:
    return annotate(article, author, QUOTE, label=label)


# Item 14 -------------------------------------------------------------------------------

NEW_SOURCE = "Agentur Neu"


def assert_refused_without_new_source(client: Client, url: str, form: dict[str, object]) -> None:
    """The form, attributed to a source not known yet, is refused (409) and the source is
    not made."""
    response = client.post(url, form | {"attribution": NEW_SOURCE}, headers=HTMX)
    assert response.status_code == 409
    assert not Source.objects.filter(name=NEW_SOURCE).exists()


def test_a_stale_claim_edit_leaves_no_new_source_behind(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    claim = claim_create(wording="Kein Treffer.", attribution=(None, None), user=editor)
    client.force_login(editor)
    form = {"wording": "Kein direkter Treffer.", "status": "disputed", "version": claim.version + 5}
    assert_refused_without_new_source(client, reverse("claims:update", args=[claim.pk]), form)


def test_a_refused_make_claim_leaves_no_new_source_behind(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    annotation = annotated(article, editor, label)
    claim_create(wording="A", attribution=(None, None), user=editor, annotation=annotation)
    client.force_login(editor)
    assert_refused_without_new_source(
        client, reverse("claims:make", args=[annotation.pk]), {"wording": "B"}
    )


# Item 11 -------------------------------------------------------------------------------


def test_making_the_same_claim_twice_is_idempotent(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    annotation = annotated(article, editor, label)
    client.force_login(editor)
    url = reverse("claims:make", args=[annotation.pk])
    for _ in range(2):
        response = client.post(url, {"wording": "Kein Treffer."}, headers=HTMX)
        assert response.status_code == 200
    assert Claim.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_make_claim_on_one_annotation_has_one_winner(
    roles: None, article: Article, label: Label
) -> None:
    (author,) = editors_make(1)
    annotation = annotated(article, author, label)
    url = reverse("claims:make", args=[annotation.pk])
    statuses = post_at_once([author] * 8, url, lambda i: {"wording": f"Fassung {i}"})
    assert statuses.count(200) == 1, statuses
    assert set(statuses) <= {200, 409}, statuses
    assert Claim.objects.count() == 1
    assert ClaimAppearance.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_accepts_of_one_suggestion_make_one_annotation_and_one_claim(
    roles: None, article: Article, label: Label
) -> None:
    users = editors_make(4)
    start = article.body.index(QUOTE)
    url = reverse("claims:suggestion-accept", args=[article.pk])
    statuses = post_at_once(users, url, {"start": start, "end": start + len(QUOTE)})
    assert 200 in statuses, statuses
    assert set(statuses) <= {200, 409}, statuses
    assert Annotation.objects.count() == 1
    assert Claim.objects.count() == 1


def test_accepting_a_suggestion_again_is_idempotent(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    start = article.body.index(QUOTE)
    url = reverse("claims:suggestion-accept", args=[article.pk])
    client.force_login(editor)
    data = {"start": start, "end": start + len(QUOTE)}
    assert client.post(url, data, headers=HTMX).status_code == 200
    assert client.post(url, data, headers=HTMX).status_code in (200, 400, 409)
    assert Annotation.objects.count() == 1
    assert Claim.objects.count() == 1
