"""Issue 14, items 9 and 11 for sources: names that differ in case, a source with its alias,
over-long names, too many names, and parallel creates with one new source: never a 500."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label
from articles.models import Article, Source, SourceAlias
from newsdesk.tests.races import HTMX, editors_make, post_at_once

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


@pytest.fixture
def label(labels: dict[str, Label]) -> Label:
    return labels["claim"]


def create_data(article: Article, label: Label, sources: str) -> dict[str, object]:
    start = article.body.index(QUOTE)  # the seed is in the BMP: UTF-16 offsets = indices
    return {
        "start": start,
        "end": start + len(QUOTE),
        "exact": QUOTE,
        "label": label.pk,
        "sources": sources,
    }


def post_create(client: Client, article: Article, label: Label, sources: str):
    url = reverse("annotations:create", args=[article.pk])
    return client.post(url, create_data(article, label, sources), headers=HTMX)


@pytest.mark.parametrize("sources", ["dpa, DPA", "dpa, Deutsche Presse-Agentur", "Neu, NEU"])
def test_one_source_named_twice_in_a_request_is_linked_once(
    client: Client, editor: User, article: Article, label: Label, sources: str
) -> None:
    dpa = Source.objects.get_or_create(name="dpa")[0]
    SourceAlias.objects.create(source=dpa, name="Deutsche Presse-Agentur")
    client.force_login(editor)
    assert post_create(client, article, label, sources).status_code == 200
    assert Annotation.objects.get().sources.count() == 1


def test_a_name_longer_than_a_source_name_can_be_is_refused_not_cut(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    client.force_login(editor)
    response = post_create(client, article, label, "x" * 201)
    assert response.status_code == 400
    assert "200" in response.content.decode()
    assert not Source.objects.filter(name__startswith="xxx").exists()
    assert not Annotation.objects.exists()


def test_one_request_adds_at_most_twenty_sources(
    client: Client, editor: User, article: Article, label: Label
) -> None:
    client.force_login(editor)
    response = post_create(client, article, label, ", ".join(f"Quelle {i}" for i in range(21)))
    assert response.status_code == 400
    assert "20" in response.content.decode()
    assert not Source.objects.filter(name__startswith="Quelle").exists()


@pytest.mark.django_db(transaction=True)
def test_parallel_creates_with_the_same_new_source_make_one_source(
    roles: None, article: Article, label: Label
) -> None:
    users = editors_make(8)
    url = reverse("annotations:create", args=[article.pk])
    statuses = post_at_once(users, url, create_data(article, label, "Agentur Neu"))
    assert statuses == [200] * len(users), statuses
    assert Source.objects.filter(name="Agentur Neu").count() == 1
    assert Annotation.objects.filter(sources__name="Agentur Neu").count() == len(users)
