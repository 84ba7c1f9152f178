"""The progress page: per story, label and person, with server-drawn bars."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from review.models import ReviewDecision
from review.services import annotation_review
from stories.models import Story
from stories.services import story_article_add, story_article_remove
from workflow.selectors import BAR_WIDTH, progress_by_label, progress_by_person, progress_by_story
from workflow.tests.support import annotate

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


def test_counts_per_label_and_person(editor, other_editor, reviewer, article, labels):
    first = annotate(article, editor, "Putin", label=labels["claim"])
    annotate(article, editor, "Aserbaidschan", label=labels["claim"])
    third = annotate(article, other_editor, "Russland", label=labels["quote"])
    annotation_review(
        annotation=first, reviewer=reviewer, kind=ReviewDecision.Kind.ACCEPT, version=1
    )
    annotation_review(
        annotation=third, reviewer=reviewer, kind=ReviewDecision.Kind.REJECT, version=1
    )

    with translation.override("en"):  # the labels' English names
        by_label = {row.name: (row.counts, row.total) for row in progress_by_label()}
    assert by_label == {
        "Claim": ({"pending": 1, "accepted": 1, "rejected": 0}, 2),
        "Quote": ({"pending": 0, "accepted": 0, "rejected": 1}, 1),
    }
    by_person = {row.name: row.counts for row in progress_by_person()}
    assert by_person == {
        "erika": {"made": 2, "reviewed": 0},
        "otto": {"made": 1, "reviewed": 0},
        "rita": {"made": 0, "reviewed": 2},
    }
    # The largest total fills the bar; the others scale to it.
    [erika] = [row for row in progress_by_person() if row.name == "erika"]
    assert [(s.kind, s.x, s.width) for s in erika.bar] == [
        ("made", 0, BAR_WIDTH),
        ("reviewed", BAR_WIDTH, 0),
    ]


def test_counts_per_story_by_annotation_status(editor, articles, labels):
    story = Story.objects.create(title="AZAL-Absturz")  # no service: the pipeline groups
    for article in articles[:4]:
        story_article_add(story=story, article=article, user=editor)
    story_article_remove(story=story, article=articles[3], user=editor)
    annotate(articles[0], editor, "Putin", label=labels["claim"])  # → in progress
    Article.objects.filter(pk=articles[1].pk).update(
        annotation_status=Article.AnnotationStatus.DONE
    )
    rows = {row.name: row.counts for row in progress_by_story()}
    assert rows["AZAL-Absturz"] == {"not_started": 1, "in_progress": 1, "done": 1}


def test_the_page_draws_bars_as_svg_and_its_queries_do_not_grow(
    client, editor, reviewer, articles, labels
):
    client.force_login(reviewer)
    annotate(articles[0], editor, "Putin", label=labels["claim"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("workflow:progress"), headers=EN)
    for article in articles:
        story = Story.objects.create(title=f"Geschichte {article.pk}")
        story_article_add(story=story, article=article, user=editor)
        for word in ("Russland", "Aserbaidschan"):
            if word in article.body:
                annotate(article, editor, word, label=labels["quote"])
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("workflow:progress"), headers=EN)
    assert len(many) == len(few)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<rect class="segment segment-made" x="0" y="0" width="\d+"', html)
    assert "style=" not in html
    for section in ("progress-stories", "progress-labels", "progress-people"):
        assert f'id="{section}"' in html


def test_only_reviewers_leads_and_admins_see_progress(client, editor, reviewer):
    client.force_login(editor)
    assert client.get(reverse("workflow:progress")).status_code == 403
    page = client.get(reverse("workflow:my-work"), headers=EN).content.decode()
    assert reverse("workflow:progress") not in page
    client.force_login(reviewer)
    page = client.get(reverse("workflow:my-work"), headers=EN).content.decode()
    assert f'href="{reverse("workflow:progress")}"' in page
