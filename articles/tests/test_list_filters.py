"""The article list's filters, its htmx fragment, and the annotation status endpoint."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.article_forms import ArticleFilterForm
from annotations.article_list import ArticleFilters, article_list
from annotations.models import Label
from annotations.services import annotation_delete
from annotations.tests import support
from articles.models import Article, Source
from articles.services import article_status_set
from ingest.pipeline import files_import

LIST = reverse("articles:list")
EN = {"Accept-Language": "en"}
HTMX_RESULTS = {"HX-Request": "true", "HX-Target": "article-results", **EN}


@pytest.fixture
def labels(db):
    return {
        "claim": Label.objects.create(name="Behauptung", key="1"),
        "quote": Label.objects.create(name="Zitat", key="2"),
    }


def annotate(article, label, author, *, deleted=False):
    annotation = support.annotate(article, author, article.body[:5], label=label)
    return annotation_delete(annotation=annotation, user=author) if deleted else annotation


def origins(filters: ArticleFilters) -> set[str]:
    return {article.origin[:3] for article in article_list(filters)}


def listed(html: str) -> list[str]:
    """The article ids linked in the results table, in order."""
    return re.findall(r'<td><a href="/articles/(\d+)/">', html)


# The selector, one filter at a time -------------------------------------------------------


def test_no_filters_lists_everything(seeded):
    assert origins(ArticleFilters()) == {"000", "001", "002", "003", "004"}


def test_publisher_filter_finds_publishing_and_citing_articles(seeded):
    dpa = Source.objects.get(name="dpa")
    euronews = Source.objects.get(name="Euronews")
    assert origins(ArticleFilters(publisher=dpa)) == {"000"}
    assert origins(ArticleFilters(publisher=euronews)) == {"004"}


def test_publisher_filter_lists_an_article_once_when_it_publishes_and_cites(seeded):
    dpa = Source.objects.get(name="dpa")
    seeded["000"].cited_sources.add(dpa)
    assert [a.origin[:3] for a in article_list(ArticleFilters(publisher=dpa))] == ["000"]


def test_date_filters_compare_published_on_and_drop_undated_articles(seeded):
    # 001 is 2025-10-10 (day), 003 is 2023-09 (month, stored as the 1st); the rest undated.
    assert origins(ArticleFilters(date_from=datetime.date(2025, 1, 1))) == {"001"}
    assert origins(ArticleFilters(date_to=datetime.date(2024, 12, 31))) == {"003"}
    assert origins(
        ArticleFilters(date_from=datetime.date(2023, 9, 1), date_to=datetime.date(2025, 10, 10))
    ) == {"001", "003"}
    assert origins(ArticleFilters(date_from=datetime.date(2025, 10, 11))) == set()


def test_label_filter_needs_a_live_annotation_with_that_label(seeded, labels, editor):
    annotate(seeded["002"], labels["claim"], editor)
    annotate(seeded["002"], labels["claim"], editor)  # twice: still listed once
    annotate(seeded["003"], labels["claim"], editor, deleted=True)
    annotate(seeded["004"], labels["quote"], editor)
    assert [a.origin[:3] for a in article_list(ArticleFilters(label=labels["claim"]))] == ["002"]
    assert origins(ArticleFilters(label=labels["quote"])) == {"004"}


def test_status_filter(seeded, editor):
    article_status_set(article=seeded["004"], status="done", user=editor)
    article_status_set(article=seeded["000"], status="in_progress", user=editor)
    assert origins(ArticleFilters(status="done")) == {"004"}
    assert origins(ArticleFilters(status="in_progress")) == {"000"}
    assert origins(ArticleFilters(status="not_started")) == {"001", "002", "003"}


def test_search_filter(seeded):
    assert origins(ArticleFilters(q="Bergkarabach")) == {"003", "004"}


def test_filters_combine(seeded, labels, editor):
    dpa = Source.objects.get(name="dpa")
    annotate(seeded["000"], labels["claim"], editor)
    annotate(seeded["004"], labels["claim"], editor)
    article_status_set(article=seeded["004"], status="done", user=editor)
    assert origins(ArticleFilters(q="Bergkarabach", label=labels["claim"])) == {"004"}
    assert origins(ArticleFilters(label=labels["claim"], status="done")) == {"004"}
    assert origins(ArticleFilters(label=labels["claim"], publisher=dpa)) == {"000"}
    assert origins(ArticleFilters(q="Putin", date_from=datetime.date(2025, 1, 1))) == {"001"}
    assert origins(ArticleFilters(q="Bergkarabach", status="done", publisher=dpa)) == set()


# The form -----------------------------------------------------------------------------------


def test_filter_form_reads_the_query_string(seeded, labels):
    dpa = Source.objects.get(name="dpa")
    form = ArticleFilterForm(
        {
            "q": "  Flugzeug ",
            "publisher": str(dpa.pk),
            "date_from": "2024-01-01",
            "date_to": "2025-12-31",
            "label": str(labels["quote"].pk),
            "status": "done",
        }
    )
    assert form.filters() == ArticleFilters(
        q="Flugzeug",
        publisher=dpa,
        date_from=datetime.date(2024, 1, 1),
        date_to=datetime.date(2025, 12, 31),
        label=labels["quote"],
        status="done",
    )


def test_filter_form_drops_invalid_fields_and_keeps_the_rest(db):
    form = ArticleFilterForm({"q": "Putin", "date_from": "2025-13-45", "status": "sleeping"})
    assert form.filters() == ArticleFilters(q="Putin")
    assert set(form.errors) == {"date_from", "status"}


def test_filter_form_refuses_a_range_that_ends_before_it_starts(db):
    form = ArticleFilterForm({"date_from": "2025-01-02", "date_to": "2025-01-01"})
    assert form.filters() == ArticleFilters(date_from=datetime.date(2025, 1, 2))
    assert "date_to" in form.errors


# The page -----------------------------------------------------------------------------------


def test_list_page_has_the_filter_form_and_a_status_column(client, editor, seeded):
    client.force_login(editor)
    html = client.get(LIST, headers=EN).content.decode()
    assert '<form class="filters" method="get" action="/articles/"' in html
    assert 'hx-get="/articles/"' in html
    assert 'hx-target="#article-results"' in html
    assert 'hx-push-url="true"' in html
    for name in ("q", "publisher", "date_from", "date_to", "label", "status"):
        assert f'name="{name}"' in html
    assert re.search(r"<th><a [^>]*>Status</a></th>", html)
    assert html.count("not started</span>") == 5
    assert 'id="article-results"' in html


def test_list_page_filters_and_counts(client, editor, seeded):
    client.force_login(editor)
    response = client.get(LIST, {"date_from": "2023-01-01"}, headers=EN)
    html = response.content.decode()
    assert "2 articles" in html
    assert sorted(listed(html)) == sorted([str(seeded["001"].pk), str(seeded["003"].pk)])
    # The form shows what was asked for.
    assert 'name="date_from" value="2023-01-01"' in html


def test_list_page_says_when_nothing_matches(client, editor, seeded):
    client.force_login(editor)
    html = client.get(LIST, {"status": "done"}, headers=EN).content.decode()
    assert "0 articles" in html
    assert "No articles match these filters." in html


def test_invalid_date_shows_the_error_and_no_crash(client, editor, seeded):
    client.force_login(editor)
    response = client.get(LIST, {"date_from": "2025-02-30", "q": "Bergkarabach"}, headers=EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Published from: Enter a valid date." in html
    assert "2 articles" in html  # the search still applies


def test_invalid_date_in_an_htmx_request_shows_the_error_in_the_fragment(client, editor, seeded):
    client.force_login(editor)
    response = client.get(LIST, {"date_to": "yesterday"}, headers=HTMX_RESULTS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Published until: Enter a valid date." in html
    assert "<html" not in html


def test_htmx_request_for_the_results_gets_the_fragment(client, editor, seeded):
    client.force_login(editor)
    response = client.get(LIST, {"q": "Bergkarabach"}, headers=HTMX_RESULTS)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="article-results"')
    assert "<html" not in html
    assert '<form class="filters"' not in html
    assert "2 articles" in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HX-Request": "true"},  # e.g. a boosted link: no target
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
        {"HX-Request": "true", "HX-Target": "main"},
    ],
)
def test_other_requests_get_the_full_page(client, editor, seeded, headers):
    client.force_login(editor)
    response = client.get(LIST, headers=headers)
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_pagination_keeps_the_filters(client, editor, db, tmp_path):
    for i in range(120):
        (tmp_path / f"{i:03d}.txt").write_text(f"Berlin (dpa) – Meldung Nummer {i} über Flugzeuge.")
    list(files_import([tmp_path], max_bytes=10**6))
    Article.objects.filter(origin__startswith="0").update(annotation_status="done")
    client.force_login(editor)
    html = client.get(LIST, {"status": "done", "q": "Meldung"}, headers=EN).content.decode()
    assert "100 articles" in html
    assert "page 1 of 2" in html
    next_link = '"?status=done&amp;q=Meldung&amp;page=2"'
    assert f"href={next_link}" in html
    assert f"hx-get={next_link}" in html  # the same URL, so the link works without htmx
    second = client.get(LIST, {"status": "done", "q": "Meldung", "page": "2"}, headers=EN)
    assert len(listed(second.content.decode())) == 50
    assert "page 2 of 2" in second.content.decode()


def test_list_page_speaks_german(client, editor, seeded):
    client.force_login(editor)
    html = client.get(LIST, {"status": "x"}, headers={"Accept-Language": "de"}).content.decode()
    assert "5 Artikel" in html
    assert "Annotationsstatus" in html
    assert "nicht begonnen" in html
    assert "Filter zurücksetzen" in html


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("filters", ["none", "search", "status and date", "label and source"])
def test_list_query_count_does_not_grow_with_articles(client, editor, labels, tmp_path, filters):
    client.force_login(editor)

    def import_more(start, count):
        for i in range(start, start + count):
            path = tmp_path / f"{i:03d}.txt"
            path.write_text(f" date 2024-01-{i % 28 + 1:02d} Berlin (Agentur{i}) – Meldung {i}.")
        list(files_import([tmp_path], max_bytes=10**6))
        for article in Article.objects.filter(annotations__isnull=True):
            annotate(article, labels["claim"], editor)

    import_more(0, 3)
    params = {
        "none": {},
        "search": {"q": "Meldung"},
        "status and date": {"status": "not_started", "date_from": "2000-01-01"},
        "label and source": {
            "label": str(labels["claim"].pk),
            "publisher": str(Source.objects.get(name="Agentur1").pk),
        },
    }[filters]
    few = count_queries(client, params)
    import_more(3, 40)
    assert count_queries(client, params) == few


# The annotation status -----------------------------------------------------------------------


def status_url(article):
    return reverse("articles:status", args=[article.pk])


def test_anonymous_status_post_goes_to_login(client, seeded):
    article = seeded["000"]
    response = client.post(status_url(article), {"status": "done"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    htmx = client.post(status_url(article), {"status": "done"}, headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"].startswith(reverse("login"))
    article.refresh_from_db()
    assert article.annotation_status == "not_started"


def test_user_without_article_permission_gets_403(client, seeded):
    nobody = User.objects.create_user("nobody", password="pw-nobody")
    client.force_login(nobody)
    article = seeded["000"]
    response = client.post(status_url(article), {"status": "done"}, headers={"HX-Request": "true"})
    assert response.status_code == 403
    # Not even whether an article exists.
    missing = reverse("articles:status", args=[999_999])
    assert client.post(missing, {"status": "done"}).status_code == 403
    article.refresh_from_db()
    assert article.annotation_status == "not_started"


@pytest.mark.parametrize("who", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_set_the_status(client, seeded, request, who):
    client.force_login(request.getfixturevalue(who))
    article = seeded["002"]
    response = client.post(
        status_url(article), {"status": "in_progress"}, headers={"HX-Request": "true", **EN}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<form id="article-status-{article.pk}"')
    assert "<html" not in html
    assert 'value="in_progress" selected' in html
    assert "Saved." in html
    article.refresh_from_db()
    assert article.annotation_status == "in_progress"


def test_status_form_without_htmx_redirects_to_the_article(client, editor, seeded):
    client.force_login(editor)
    article = seeded["001"]
    response = client.post(status_url(article), {"status": "done"})
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    assert article.annotation_status == "done"


def test_unknown_status_is_refused_and_the_form_shows_why(client, editor, seeded):
    client.force_login(editor)
    article = seeded["001"]
    response = client.post(
        status_url(article), {"status": "finished"}, headers={"HX-Request": "true", **EN}
    )
    assert response.status_code == 400
    assert "Choose one of the listed statuses." in response.content.decode()
    assert 'value="not_started" selected' in response.content.decode()
    article.refresh_from_db()
    assert article.annotation_status == "not_started"


def test_status_endpoint_is_post_only(client, editor, seeded):
    client.force_login(editor)
    assert client.get(status_url(seeded["000"])).status_code == 405


def test_status_of_an_unknown_article_is_404(client, editor, db):
    client.force_login(editor)
    assert (
        client.post(reverse("articles:status", args=[999]), {"status": "done"}).status_code == 404
    )


def test_status_form_is_protected_by_csrf(seeded, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(status_url(seeded["000"]), {"status": "done"})
    assert response.status_code == 403


def test_status_service_refuses_unknown_statuses(seeded, editor):
    with pytest.raises(ValidationError):
        article_status_set(article=seeded["000"], status="finished", user=editor)
    assert Article.objects.get(pk=seeded["000"].pk).annotation_status == "not_started"


def test_status_partial_can_be_included_with_just_the_article(rf, seeded, editor):
    request = rf.get("/")
    request.user = editor
    template = engines["django"].from_string('{% include "annotations/_status.html" %}')
    html = template.render({"article": seeded["003"]}, request=request)
    pk = seeded["003"].pk
    assert f'<form id="article-status-{pk}"' in html
    assert f'hx-post="/articles/{pk}/status/"' in html
    assert 'hx-target="this"' in html
    assert 'hx-swap="outerHTML"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert html.count("<option") == 3
