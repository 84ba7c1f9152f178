"""Full-text search: German stemming on PostgreSQL, the substring fallback elsewhere.

Every test runs on both databases and asserts what that database does.
"""

import pytest
from django.db import NotSupportedError, connection
from django.test.utils import CaptureQueriesContext

from annotations import article_list as selectors
from annotations.article_list import ArticleFilters, article_list, article_list_page
from articles import search
from articles.models import Article
from articles.search import (
    RankedArticles,
    SearchTerm,
    StoredSearchVector,
    articles_search,
    search_terms,
)
from ingest.pipeline import files_import

POSTGRESQL = connection.vendor == "postgresql"


def found(text: str) -> list[str]:
    """Seed numbers of the articles the search finds, best first."""
    return [article.origin[:3] for article in article_list(ArticleFilters(q=text))]


def test_search_terms_read_words_phrases_and_exclusions():
    assert search_terms('Putin  "russische   Flugabwehr" -Kreml -"Baku heute" "offen') == [
        SearchTerm("Putin"),
        SearchTerm("russische Flugabwehr"),
        SearchTerm("Kreml", excluded=True),
        SearchTerm("Baku heute", excluded=True),
        SearchTerm("offen"),
    ]
    assert search_terms('  "" - ') == []


def test_stemming_on_postgresql_only(seeded):
    # No seed has the word "Flugzeuge"; 000, 001, 002 and 004 have "Flugzeug(s)".
    if POSTGRESQL:
        assert sorted(found("Flugzeuge")) == ["000", "001", "002", "004"]
        assert sorted(found("russischen")) == sorted(found("russische"))
    else:
        assert found("Flugzeuge") == []
        assert sorted(found("Flugzeug")) == ["000", "001", "002", "004"]


def test_search_ignores_case(seeded):
    assert sorted(found("flugzeug")) == sorted(found("FLUGZEUG")) == ["000", "001", "002", "004"]


def test_fallback_ignores_case_of_umlauts_too(db, tmp_path):
    (tmp_path / "a.txt").write_text("Der Überflug wurde verboten. Öl wurde teurer.")
    list(files_import([tmp_path], max_bytes=10**6))
    assert found("überflug") == ["a.t"]
    assert found("ÖL") == ["a.t"]


def test_phrase_search(seeded):
    # "russische Flugabwehr" stands in 000, 001 and 002.
    assert sorted(found('"russische Flugabwehr"')) == ["000", "001", "002"]
    # The same words in another order are no phrase of any seed, but all of them have both.
    assert found('"Flugabwehr russische"') == []
    assert sorted(found("Flugabwehr russische")) == ["000", "001", "002"]


def test_every_word_must_match_and_minus_excludes(seeded):
    assert sorted(found("Bergkarabach")) == ["003", "004"]
    assert found("Bergkarabach Soldaten") == ["003"]
    assert sorted(found("Russland -Bergkarabach")) == ["000", "001", "002"]


def test_title_match_ranks_first(seeded):
    # Only 002's title has the word ("… eines aserbaidschanischen Flugzeugs in Kasachstan");
    # 000 and 001 have it more often in the body.
    assert found("Flugzeug")[0] == "002"
    assert found("Kasachstan")[0] == "002"


def test_search_follows_a_revised_article(db, tmp_path):
    path = tmp_path / "meldung.txt"
    path.write_text("Die Regierung kündigte am Montag in Berlin Gespräche an.")
    list(files_import([path], max_bytes=10**6))
    assert found("Gespräche") == ["mel"]
    path.write_text("Die Regierung kündigte am Montag in Berlin ein Treffen an.")
    list(files_import([path], max_bytes=10**6))
    assert found("Gespräche") == []
    assert found("Treffen") == ["mel"]


def test_a_search_of_only_signs_searches_nothing(seeded):
    assert ArticleFilters(q=' " - ').searching is False
    assert len(found(' " - ')) == 5


def test_search_results_are_capped_on_postgresql(seeded, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_RESULTS_CAP", 2)
    monkeypatch.setattr(selectors, "SEARCH_RESULTS_CAP", 2)
    page = article_list_page(ArticleFilters(q="Russland"), number="1", per_page=50)
    assert page.paginator.capped is True
    assert page.paginator.count == 2
    assert len(page.object_list) == 2
    if POSTGRESQL:
        # Only the newest three matches (cap + 1) were ranked.
        assert len(articles_search(Article.objects.all(), "Russland")) == 3
    else:
        assert len(articles_search(Article.objects.all(), "Russland")) == 5


def test_uncapped_counts_are_exact(seeded):
    page = article_list_page(ArticleFilters(q="Russland"), number="1", per_page=2)
    assert page.paginator.capped is False
    assert page.paginator.count == 5
    assert page.paginator.num_pages == 3


def test_capped_list_page_says_more_than(client, editor, seeded, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_RESULTS_CAP", 3)
    monkeypatch.setattr(search, "SEARCH_RESULTS_CAP", 3)
    client.force_login(editor)
    response = client.get("/articles/", {"q": "Russland"}, headers={"Accept-Language": "en"})
    assert "More than 3 articles; showing the best 3." in response.content.decode()


def test_the_list_without_a_search_counts_at_most_the_browse_cap(seeded, monkeypatch):
    monkeypatch.setattr(selectors, "BROWSE_CAP", 3)
    with CaptureQueriesContext(connection) as queries:
        page = article_list_page(ArticleFilters(), number="9", per_page=2)
    assert page.paginator.capped is True
    assert page.paginator.count == 3
    assert page.paginator.num_pages == 2
    assert page.number == 2  # a page beyond the cap shows the last one
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
    assert len(counts) == 1
    assert "LIMIT 4" in counts[0]  # the cap + 1, not every article


def test_capped_list_without_a_search_says_more_than_and_how_to_see_the_rest(
    client, editor, seeded, monkeypatch
):
    monkeypatch.setattr(selectors, "BROWSE_CAP", 3)
    client.force_login(editor)
    html = client.get("/articles/").content.decode()
    assert "Mehr als 3 Artikel; angezeigt werden die ersten 3." in html
    html = client.get("/articles/", headers={"Accept-Language": "en"}).content.decode()
    assert "More than 3 articles; showing the first 3. Narrow the list with the filters" in html
    monkeypatch.setattr(selectors, "BROWSE_CAP", 5)
    html = client.get("/articles/", headers={"Accept-Language": "en"}).content.decode()
    assert "More than" not in html
    assert "5 articles" in html


def test_stored_search_vector_exists_only_on_postgresql(seeded):
    vectors = Article.objects.annotate(vector=StoredSearchVector()).values_list("origin", "vector")
    if POSTGRESQL:
        assert "'flugzeug'" in dict(vectors)[seeded["002"].origin]
    else:
        with pytest.raises(NotSupportedError):
            list(vectors)


def test_ranked_articles_fetch_a_page_in_rank_order_with_one_query(
    seeded, django_assert_num_queries
):
    ids = [seeded["004"].pk, seeded["000"].pk, seeded["002"].pk]
    ranked = RankedArticles(ids, Article.objects.all())
    assert len(ranked) == 3
    with django_assert_num_queries(1):
        assert [article.pk for article in ranked[1:3]] == ids[1:]
    assert ranked[0].pk == ids[0]
    assert ranked[-1].pk == ids[-1]
    seeded["000"].delete()  # deleted since the search: left out
    assert [article.pk for article in ranked] == [ids[0], ids[2]]


@pytest.mark.skipif(not POSTGRESQL, reason="the stored search vector exists only on PostgreSQL")
def test_import_leaves_search_vectors_to_a_task_a_worker_runs(db, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    (tmp_path / "meldung.txt").write_text("Die Flugzeuge landeten in Baku.")
    list(files_import([tmp_path], max_bytes=10**6))
    # Until the worker runs the queued task, search does not find the new article.
    assert found("Flugzeug") == []
    article = Article.objects.get()
    assert search.search_vectors_update_task.call([article.pk]) == "1 search vectors updated"
    assert found("Flugzeug") == ["mel"]


@pytest.mark.skipif(not POSTGRESQL, reason="the stored search vector exists only on PostgreSQL")
def test_articles_written_outside_the_import_are_found_at_once(db):
    article = Article.objects.create(origin="admin.txt", title="Gespräche", body="Der Kreml.")
    assert found("Gespräch") == ["adm"]
    article.title = "Treffen"
    article.save()
    assert found("Gespräch") == []
    assert found("Treffen") == ["adm"]
    # After an import in the same transaction the trigger computes vectors again.
    search.search_vectors_defer()
    search.search_vectors_update_queue(article_ids=[article.pk])
    Article.objects.create(origin="zweite.txt", title="Flugabwehr", body="Baku.")
    assert found("Flugabwehr") == ["zwe"]


@pytest.fixture
def dated_archive(db):
    """300 articles over 300 days, every fifth with "Kabeljau", every 50th with "Stint",
    and ten undated ones with both words; analysed, as autovacuum would have done."""
    import datetime

    first = datetime.date(2024, 1, 1)
    rows = [
        Article(
            origin=f"a/{day:03d}.txt",
            title=f"Meldung {day}",
            body=" ".join(
                ["Der Hafen meldet."]
                + (["Kabeljau gefangen."] if day % 5 == 0 else [])
                + (["Stint gesichtet."] if day % 50 == 0 else [])
            ),
            published_on=first + datetime.timedelta(days=day),
        )
        for day in range(300)
    ]
    rows += [
        Article(origin=f"u/{n}.txt", title="Ohne Datum", body="Kabeljau und Stint.")
        for n in range(10)
    ]
    for article in rows:
        article.save()  # the trigger computes each search vector
    if POSTGRESQL:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")


def newest_matches(word: str, count: int, articles=None) -> list[str]:
    """The origins of the newest `count` of `articles` (all by default) whose body has
    `word`, as the list orders them (newest first, undated last)."""
    matching = (articles or Article.objects.all()).filter(body__contains=word)
    return [article.origin for article in matching][:count]


def windows_allow(monkeypatch, *, share_max: float = 1.0) -> None:
    """Windows for the 310 articles of `dated_archive`, a first one of about 10 articles."""
    monkeypatch.setattr(search, "WINDOWS_FROM", 100)
    monkeypatch.setattr(search, "WINDOWS_MATCHES_MIN", 1)
    monkeypatch.setattr(search, "WINDOWS_SHARE_MAX", share_max)
    monkeypatch.setattr(search, "WINDOW_ROWS_MAX", 10)


@pytest.mark.skipif(not POSTGRESQL, reason="date windows are part of the PostgreSQL search")
@pytest.mark.parametrize(("word", "cap"), [("Kabeljau", 7), ("Stint", 7), ("Kabeljau", 70)])
def test_a_large_archive_is_searched_newest_dates_first_with_the_same_results(
    dated_archive, monkeypatch, word, cap
):
    monkeypatch.setattr(search, "SEARCH_RESULTS_CAP", cap)
    windows_allow(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        ranked = articles_search(Article.objects.all(), word)
    windows = [q["sql"] for q in queries if '"published_on" >=' in q["sql"]]
    assert windows, "the search began with a window of the newest dates"
    # The candidates are exactly the newest cap + 1 matches, undated ones only when the
    # dated ones are too few, whatever the windows were.
    assert sorted(article.origin for article in ranked) == sorted(newest_matches(word, cap + 1))
    # The dates, the planner's estimate, the windows and at most one search of all.
    assert len(queries) <= 3 + len(windows)


@pytest.mark.skipif(not POSTGRESQL, reason="date windows are part of the PostgreSQL search")
def test_windows_keep_the_list_filters(dated_archive, monkeypatch):
    import datetime

    monkeypatch.setattr(search, "SEARCH_RESULTS_CAP", 7)
    windows_allow(monkeypatch)
    # Only articles before day 200: the newest windows hold none of them at first.
    older = Article.objects.filter(published_on__lt=datetime.date(2024, 7, 19))
    ranked = articles_search(older, "Kabeljau")
    assert sorted(article.origin for article in ranked) == sorted(
        newest_matches("Kabeljau", 8, older)
    )
    assert max(article.origin for article in ranked) == "a/195.txt"


@pytest.mark.skipif(not POSTGRESQL, reason="date windows are part of the PostgreSQL search")
def test_a_word_the_planner_expects_in_many_articles_is_searched_in_one_query(
    dated_archive, monkeypatch
):
    monkeypatch.setattr(search, "SEARCH_RESULTS_CAP", 7)
    windows_allow(monkeypatch, share_max=0.01)  # "Kabeljau" is in a fifth of them
    with CaptureQueriesContext(connection) as queries:
        ranked = articles_search(Article.objects.all(), "Kabeljau")
    assert not [q["sql"] for q in queries if '"published_on" >=' in q["sql"]]
    assert sorted(article.origin for article in ranked) == sorted(newest_matches("Kabeljau", 8))


@pytest.mark.skipif(not POSTGRESQL, reason="date windows are part of the PostgreSQL search")
def test_a_small_archive_is_searched_without_windows(dated_archive, django_assert_num_queries):
    with django_assert_num_queries(2):  # the dates and size, then the search
        ranked = articles_search(Article.objects.all(), "Stint")
    assert sorted(article.origin for article in ranked) == sorted(newest_matches("Stint", 1001))
