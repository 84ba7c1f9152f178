"""Editors correct an article's title, date and publisher in the workspace (with history)."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article, Source
from articles.services import StaleArticle, article_metadata_set, article_metadata_version
from newsdesk.permissions import can_edit_article_metadata

EN = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **EN}


def post(client, article, headers=HTMX, **changes):
    data = {
        "title": article.title,
        "published_on": "",
        "publisher": article.publisher_id or "",
        "version": article_metadata_version(article),
        **changes,
    }
    return client.post(reverse("articles:metadata", args=[article.pk]), data, headers=headers)


def test_editors_and_admins_may_edit_metadata_reviewers_not(editor, reviewer, admin_user):
    assert can_edit_article_metadata(editor)
    assert can_edit_article_metadata(admin_user)
    assert not can_edit_article_metadata(reviewer)


def test_an_editor_corrects_title_date_and_publisher_with_history(client, editor, article):
    tass = Source.objects.create(name="TASS")
    client.force_login(editor)
    response = post(
        client,
        article,
        title="Putin räumt Fehler ein",
        published_on="2025-10-09",
        publisher=tass.pk,
    )
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    article = Article.objects.get(pk=article.pk)
    assert article.title == "Putin räumt Fehler ein"
    assert article.published_on == datetime.date(2025, 10, 9)
    assert article.date_precision == "day"
    assert article.publisher == tass
    latest = article.history.latest()
    assert latest.history_user == editor
    assert latest.title == "Putin räumt Fehler ein"
    page = client.get(article.get_absolute_url(), headers=EN).content.decode()
    assert "<h1>Putin räumt Fehler ein</h1>" in page


def test_a_plain_post_is_redirected_to_the_article(client, editor, article):
    client.force_login(editor)
    response = post(client, article, headers=EN, title="Neu")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_a_stale_edit_gets_409_with_the_current_values(client, editor, other_editor, article):
    version = article_metadata_version(article)
    article_metadata_set(
        article_id=article.pk,
        title="Zuerst",
        published_on=None,
        publisher=article.publisher,
        version=version,
        user=other_editor,
    )
    client.force_login(editor)
    response = post(client, article, title="Später", version=version)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone changed the title, date or publisher meanwhile." in html
    assert 'value="Zuerst"' in html
    assert Article.objects.get(pk=article.pk).title == "Zuerst"


def test_the_service_refuses_a_stale_version(editor, article):
    with pytest.raises(StaleArticle):
        article_metadata_set(
            article_id=article.pk,
            title="X",
            published_on=None,
            publisher=None,
            version="0" * 16,
            user=editor,
        )


def test_an_empty_title_is_refused_with_the_form(client, editor, article):
    client.force_login(editor)
    response = post(client, article, title="")
    assert response.status_code == 400
    assert 'id="article-metadata-form"' in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == article.title


def test_the_workspace_offers_the_form_to_editors_only(client, editor, reviewer, article):
    url = reverse("articles:metadata", args=[article.pk])
    client.force_login(editor)
    assert f'hx-get="{url}"' in client.get(article.get_absolute_url()).content.decode()
    form = client.get(url, headers=HTMX).content.decode()
    assert 'id="article-metadata-form"' in form
    assert f'value="{article_metadata_version(article)}"' in form
    client.force_login(reviewer)
    assert f'hx-get="{url}"' not in client.get(article.get_absolute_url()).content.decode()
    assert client.get(url, headers=HTMX).status_code == 403
    assert post(client, article).status_code == 403
