"""Issue 14, item 17: the article list's label filter counts the annotations the reader may
see, as the workspace shows them: an editor's own, everybody's for reviewers and admins."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from ingest.pipeline import files_import
from newstext.offsets import CodePointRange

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


@pytest.fixture
def labelled(seeds_dir, other_editor: User) -> tuple[Article, Label]:
    """Article 000 with one annotation of the other editor ("otto"), labelled Zahl."""
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    article = Article.objects.get()
    label = Label.objects.create(name="Zahl", name_en="Number", key="3")
    start = article.body.index(QUOTE)
    annotation_create(
        article=article,
        author=other_editor,
        span=CodePointRange(start, start + len(QUOTE)),
        content=AnnotationContent(label=label, note="", source_names=[]),
    )
    return article, label


def listed(client: Client, user: User, label: Label) -> bool:
    client.force_login(user)
    html = client.get(reverse("articles:list"), {"label": label.pk}).content.decode()
    return "Absturz" in html.split('id="article-results"', 1)[1]


def test_an_editor_filters_by_their_own_annotations_only(
    client: Client, editor: User, labelled: tuple[Article, Label]
) -> None:
    _article, label = labelled
    assert not listed(client, editor, label)


def test_the_author_and_reviewers_find_the_article(
    client: Client, other_editor: User, reviewer: User, labelled: tuple[Article, Label]
) -> None:
    _article, label = labelled
    assert listed(client, other_editor, label)
    assert listed(client, reviewer, label)
