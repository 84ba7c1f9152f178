"""Issue 14 item 15: claim suggestions on a 1 MB article took 8 s; the scan is capped."""

from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Article
from claims.selectors import article_suggestions
from ingest.pipeline import files_import


@pytest.fixture
def article(db: None, seeds_dir: Path) -> Article:
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    return Article.objects.get()


def test_suggestions_scan_only_the_first_characters_and_say_so(client, article, editor, settings):
    assert any(o.suggestion.end > 2000 for o in article_suggestions(article))
    settings.NEWSDESK_SUGGESTION_SCAN_CHARS = 2000
    offered = article_suggestions(article)
    assert offered
    assert all(o.suggestion.end <= 2000 for o in offered)
    client.force_login(editor)
    url = reverse("claims:suggestions", args=[article.pk])
    response = client.get(url, headers={"HX-Request": "true", "Accept-Language": "en"})
    assert "Suggestions cover the first 2,000 characters of this article" in (
        response.content.decode()
    )


def test_a_short_article_has_no_limit_note(client, article, editor):
    client.force_login(editor)
    url = reverse("claims:suggestions", args=[article.pk])
    response = client.get(url, headers={"HX-Request": "true", "Accept-Language": "en"})
    assert "Suggestions cover the first" not in response.content.decode()
