"""Issue 14 item 25: filters that cannot match, case-sensitive free text, text boxes for
dates, article numbers the lists never show."""

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from annotations.tests.support import annotate, labels_create
from articles.models import Article, Source
from ingest.pipeline import files_import
from review.export.selection import Selection, SelectionForm
from stories.models import Story

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
EN = {"Accept-Language": "en"}


@pytest.fixture
def annotated(db: None, seeds_dir: Path, editor):
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    article = Article.objects.get()
    return annotate(article, editor, QUOTE, label=labels_create()["claim"], sources=["Kreml"])


@pytest.mark.parametrize(
    "params", [{"label": "behauptung"}, {"label": "Claim"}, {"author": "ERIKA"}]
)
def test_review_filters_ignore_case_and_know_the_english_label(client, annotated, reviewer, params):
    client.force_login(reviewer)
    response = client.get(reverse("review:list"), params, headers=EN)
    html = response.content.decode()
    assert "1 annotation" in html, html[html.find("filter-errors") - 200 :][:600]


def test_review_dates_are_date_pickers_and_articles_show_their_number(client, annotated, reviewer):
    client.force_login(reviewer)
    html = client.get(reverse("review:list"), headers=EN).content.decode()
    assert 'type="date" name="date_from"' in html
    assert 'type="date" name="date_to"' in html
    assert f"No. {annotated.article_id}" in html


def test_published_or_cited_by_offers_only_sources_that_are(client, annotated, editor):
    """Kreml is only a source annotations are attributed to: filtering by it gave 0."""
    assert Source.objects.filter(name="Kreml").exists()
    client.force_login(editor)
    html = client.get(reverse("articles:list"), headers=EN).content.decode()
    select = html[html.find('name="publisher"') :]
    select = select[: select.find("</select>")]
    assert ">Kreml<" not in select
    publisher = annotated.article.publisher
    assert publisher is not None
    assert f">{publisher.name}<" in select


def test_a_selection_read_back_from_its_link_is_the_same_selection(annotated):
    """The review page's export links carry the filters as query parameters."""
    story = Story.objects.create(title="Absturz")  # stories are made by grouping; no service
    selection = Selection(
        article_id=annotated.article_id,
        label="Behauptung",
        status="pending",
        author="erika",
        source="Kreml",
        date_from=date(2024, 12, 1),
        date_to=date(2024, 12, 31),
        story_id=story.pk,
    )
    form = SelectionForm(selection.as_params())
    assert form.is_valid(), form.errors
    assert form.selection() == selection
