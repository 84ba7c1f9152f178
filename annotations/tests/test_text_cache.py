"""The highlighted text is kept between page views, and never shown stale."""

import pytest
from django.core.cache import caches

from annotations import selectors
from annotations.models import Annotation
from entities.models import Entity, Mention

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


@pytest.fixture
def renders(monkeypatch):
    """Counts how often the whole highlighted text is rendered (the real function runs)."""
    caches["article-text"].clear()
    calls = []
    real = selectors.article_text_html

    def counted(*args, **kwargs):
        calls.append(args[0].pk)
        return real(*args, **kwargs)

    monkeypatch.setattr(selectors, "article_text_html", counted)
    return calls


def _text(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    return html.split('id="article-text"')[1].split("</div>")[0]


def test_reopening_an_unchanged_article_does_not_render_its_text_again(
    client, editor, article, make_annotation, renders
):
    make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    first = _text(client, article)
    assert _text(client, article) == first
    assert renders == [article.pk]


def test_every_change_to_what_the_text_shows_shows_at_once(
    client, editor, article, labels, make_annotation, renders
):
    client.force_login(editor)
    assert "<mark" not in _text(client, article)
    annotation = make_annotation(article, editor, QUOTE)  # not through the views
    assert f'data-ids="{annotation.pk}">{QUOTE}</mark>' in _text(client, article)
    Annotation.objects.filter(pk=annotation.pk).update(label=labels["quote"])
    assert f'class="hl label-{labels["quote"].pk} depth-1"' in _text(client, article)
    start = article.body.index("Kasachstan")
    entity = Entity.objects.create(name="Kasachstan", kind=Entity.Kind.PLACE)
    Mention.objects.create(
        article=article, entity=entity, start=start, end=start + 10, surface="Kasachstan"
    )
    assert "ent ent-LOC" in _text(client, article)
    Annotation.objects.filter(pk=annotation.pk).update(is_orphaned=True)
    assert "<mark" not in _text(client, article)
    assert len(renders) == 5


def test_each_editor_sees_their_own_highlights(
    client, editor, other_editor, article, make_annotation, renders
):
    mine = make_annotation(article, editor, QUOTE)
    client.force_login(other_editor)
    assert f'data-ids="{mine.pk}"' not in _text(client, article)
    client.force_login(editor)
    assert f'data-ids="{mine.pk}"' in _text(client, article)


def test_a_very_long_highlighted_text_is_not_kept(
    client, editor, article, make_annotation, renders, monkeypatch
):
    monkeypatch.setattr(selectors, "TEXT_CACHE_MAX_CHARS", 1000)  # the seed's is longer
    make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    assert _text(client, article) == _text(client, article)
    assert renders == [article.pk, article.pk]
