"""The article table sorts by its columns; the sort keeps the filters and the search."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.article_forms import ArticleFilterForm
from annotations.article_list import ArticleFilters, article_list
from annotations.tests import support
from articles.models import Article
from articles.services import article_status_set

LIST = reverse("articles:list")
EN = {"Accept-Language": "en"}
HTMX_RESULTS = {"HX-Request": "true", "HX-Target": "article-results", **EN}


def order(sort: str, **filters) -> list[str]:
    return [a.origin[:3] for a in article_list(ArticleFilters(sort=sort, **filters))]


def test_title_sorts_case_insensitively_both_ways(seeded):
    by_title = sorted(seeded.values(), key=lambda a: a.title.lower())
    assert order("title") == [a.origin[:3] for a in by_title]
    assert order("-title") == [a.origin[:3] for a in reversed(by_title)]


def test_date_sorts_both_ways_with_undated_articles_last(seeded):
    # 001 is 2025-10-10, 003 is 2023-09; the other three are undated.
    ascending = order("date")
    assert ascending[:2] == ["003", "001"]
    assert set(ascending[2:]) == {"000", "002", "004"}
    descending = order("-date")
    assert descending[:2] == ["001", "003"]
    assert set(descending[2:]) == {"000", "002", "004"}


def test_publisher_sorts_by_name_with_articles_without_one_last(seeded):
    named = {
        a.origin[:3]: a.publisher.name.lower() for a in seeded.values() if a.publisher is not None
    }
    ascending = order("publisher")
    descending = order("-publisher")
    assert [named[o] for o in ascending[: len(named)]] == sorted(named.values())
    assert [named[o] for o in descending[: len(named)]] == sorted(named.values(), reverse=True)
    assert set(ascending[len(named) :]) == set(seeded) - set(named)


def test_annotation_count_sorts_and_counts_only_live_annotations(seeded, labels, editor):
    support.annotate(seeded["002"], editor, seeded["002"].body[:5], label=labels["claim"])
    support.annotate(seeded["002"], editor, seeded["002"].body[5:9], label=labels["claim"])
    support.annotate(seeded["004"], editor, seeded["004"].body[:5], label=labels["quote"])
    ascending = order("annotations")
    assert ascending[-2:] == ["004", "002"]
    assert order("-annotations")[:2] == ["002", "004"]
    counts = {a.origin[:3]: a.annotation_count for a in article_list(ArticleFilters())}
    assert counts == {"000": 0, "001": 0, "002": 2, "003": 0, "004": 1}


def test_an_editor_counts_and_sorts_by_their_own_annotations(seeded, labels, editor, other_editor):
    support.annotate(seeded["002"], other_editor, seeded["002"].body[:5], label=labels["claim"])
    support.annotate(seeded["002"], other_editor, seeded["002"].body[5:9], label=labels["claim"])
    support.annotate(seeded["004"], editor, seeded["004"].body[:5], label=labels["quote"])
    mine = ArticleFilters(sort="-annotations", label_author_id=editor.pk)
    listed = list(article_list(mine))
    assert listed[0].origin[:3] == "004"
    assert {a.origin[:3]: a.annotation_count for a in listed}["002"] == 0


def test_status_sorts_in_the_order_work_goes(seeded, editor):
    article_status_set(article=seeded["004"], status="done", user=editor)
    article_status_set(article=seeded["000"], status="in_progress", user=editor)
    assert order("status")[-2:] == ["000", "004"]
    assert order("-status")[:2] == ["004", "000"]


def test_a_search_keeps_its_relevance_order_unless_a_sort_is_chosen(seeded):
    ranked = order("", q="Aserbaidschan")
    assert len(ranked) >= 2
    assert ranked == [a.origin[:3] for a in article_list(ArticleFilters(q="Aserbaidschan"))]
    titled = [a for a in seeded.values() if a.origin[:3] in ranked]
    by_title = [a.origin[:3] for a in sorted(titled, key=lambda a: a.title.lower())]
    assert order("title", q="Aserbaidschan") == by_title
    assert order("-title", q="Aserbaidschan") == by_title[::-1]


def test_an_unknown_sort_is_ignored(seeded):
    form = ArticleFilterForm({"sort": "body; DROP TABLE"})
    assert form.filters().sort == ""


# The page ---------------------------------------------------------------------------------


def headers(html: str) -> dict[str, tuple[str | None, str]]:
    """Per sortable header: its aria-sort and its link."""
    found = {}
    for attrs, href, label in re.findall(
        r'<th([^>]*)><a class="sort" href="([^"]*)"[^>]*>([^<]+)', html
    ):
        aria = re.search(r'aria-sort="(\w+)"', attrs)
        found[label.strip()] = (aria.group(1) if aria else None, href.replace("&amp;", "&"))
    return found


def test_headers_link_to_their_sort_and_keep_the_filters(client, editor, seeded):
    client.force_login(editor)
    html = client.get(LIST, {"status": "not_started", "page": "1"}, headers=EN).content.decode()
    found = headers(html)
    assert set(found) == {"Title", "Published", "Publisher", "Annotations", "Status"}
    assert found["Title"] == (None, "?status=not_started&sort=title")
    html = client.get(LIST, {"status": "not_started", "sort": "title"}, headers=EN)
    found = headers(html.content.decode())
    assert found["Title"] == ("ascending", "?status=not_started&sort=-title")
    assert found["Published"] == (None, "?status=not_started&sort=date")
    html = client.get(LIST, {"sort": "-title"}, headers=HTMX_RESULTS).content.decode()
    assert headers(html)["Title"] == ("descending", "?sort=title")
    # The sort is submitted with the filter form, from inside the swapped results.
    assert '<input type="hidden" name="sort" value="-title" form="article-filters">' in html


def test_sorted_rows_follow_the_sort(client, editor, seeded):
    client.force_login(editor)
    html = client.get(LIST, {"sort": "-date"}, headers=HTMX_RESULTS).content.decode()
    ids = re.findall(r'<td><a href="/articles/(\d+)/">', html)
    assert [Article.objects.get(pk=pk).origin[:3] for pk in ids[:2]] == ["001", "003"]


@pytest.mark.parametrize("sort", ["title", "-date", "publisher", "-annotations", "status"])
def test_sorting_adds_no_query(client, editor, seeded, labels, sort):
    support.annotate(seeded["002"], editor, seeded["002"].body[:5], label=labels["claim"])
    client.force_login(editor)
    client.get(LIST, headers=HTMX_RESULTS)  # warm caches (session, user)
    with CaptureQueriesContext(connection) as unsorted:
        client.get(LIST, headers=HTMX_RESULTS)
    with CaptureQueriesContext(connection) as sorted_:
        client.get(LIST, {"sort": sort}, headers=HTMX_RESULTS)
    assert len(sorted_) == len(unsorted)


def test_counting_the_list_works_out_no_annotation_counts(client, editor, seeded, labels):
    """The list's count of matching articles (at most BROWSE_CAP + 1 of them) counts rows
    only: working out each row's annotation count there cost 0.3 s at 5,000 articles."""
    support.annotate(seeded["000"], editor, "Putin", label=labels["claim"])
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(LIST, {"sort": "-annotations"}, headers=HTMX_RESULTS).content.decode()
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    assert counts
    assert not any("annotations_annotation" in sql for sql in counts)
    assert f"/articles/{seeded['000'].pk}/" in html


def test_an_editors_counts_find_their_annotations_of_an_article_by_index(db, django_user_model):
    """An editor's list counts only their own annotations of each row: searched by
    (article, author), not through all of the editor's annotations (0.9 s a page with
    200,000 of them on SQLite, before the index)."""
    editor = django_user_model.objects.create_user("lena")
    sql, params = article_list(ArticleFilters(label_author_id=editor.pk))[
        :25
    ].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "annotation_article_author (article_id=? AND author_id=?)" in plan
        found = connection.introspection.get_constraints(cursor, "annotations_annotation")
    assert found["annotation_article_author"]["columns"] == ["article_id", "author_id"]
