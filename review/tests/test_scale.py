"""An article many editors annotated differently: its review page lists the first
disagreements and says how many more the adjudication screen has."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from annotations.tests.support import annotations_across
from articles.models import Article
from review.views import DISAGREEMENTS_SHOWN

pytestmark = pytest.mark.django_db
# Spans 25 characters apart and 10 long: none overlaps another of the same editor.
SPANS = DISAGREEMENTS_SHOWN + 30


def test_review_page_lists_the_first_disagreements_and_counts_the_rest(
    reviewer: User, editor: User, other_editor: User, article: Article, labels: dict[str, Label]
) -> None:
    assert len(article.body) > 25 * SPANS + 70
    # The same spans, each labelled differently by the two editors: every one disagrees.
    annotations_across(article, editor, labels["claim"], SPANS, step=25, length=10)
    annotations_across(article, other_editor, labels["quote"], SPANS, step=25, length=10)
    for language, more in (
        ("en", "and 30 more disagreements on the adjudication screen"),
        ("de", "und 30 weitere Abweichungen im Abgleich"),
    ):
        client = Client(headers={"accept-language": language})
        client.force_login(reviewer)
        html = client.get(reverse("review:article", args=[article.pk])).content.decode()
        table = html.split('class="disagreements"')[1].split("</table>")[0]
        assert table.count("<tr>") == 1 + DISAGREEMENTS_SHOWN  # the head and the rows
        assert more in html
        assert f"{reverse('review:adjudicate', args=[article.pk])}?show=differences" in html
