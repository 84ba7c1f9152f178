import re

import pytest
from django.urls import reverse

from articles.models import Article
from ingest.pipeline import files_import


@pytest.mark.parametrize("url_name", ["articles:list", "articles:detail"])
def test_anonymous_users_are_sent_to_login(client, seeded, url_name):
    args = [seeded["000"].pk] if url_name == "articles:detail" else []
    url = reverse(url_name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url_name", ["articles:list", "articles:detail"])
def test_an_account_without_a_role_reads_no_article(client, seeded, url_name):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("neu", password="pw-neu"))
    args = [seeded["000"].pk] if url_name == "articles:detail" else []
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 403
    page = response.content.decode()
    assert seeded["000"].title not in page
    assert "noch keine Rolle" in page


def test_anonymous_htmx_request_gets_a_client_redirect(client, seeded):
    response = client.get(reverse("articles:list"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("login"))


def test_login_page_is_public_and_logs_in(client, editor):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": "erika", "password": "pw-erika"})
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:list")


def test_article_list_shows_what_an_editor_scans_for(client, editor, seeded):
    client.force_login(editor)
    response = client.get(reverse("articles:list"), headers={"Accept-Language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 articles" in html
    assert "Kremlchef Wladimir Putin hat mehr als neun Monate" in html  # derived title
    assert "dpa" in html
    assert "Duschanbe" in html
    assert "Oct. 10, 2025" in html  # day precision
    assert "September 2023" in html  # month precision
    assert "date unknown" in html
    assert f">{seeded['000'].word_count}<" in html
    # newest first, undated last
    assert html.index("Oct. 10, 2025") < html.index("September 2023") < html.index("date unknown")


def test_article_list_speaks_german_by_default_for_german_browsers(client, editor, seeded):
    client.force_login(editor)
    html = client.get(
        reverse("articles:list"), headers={"Accept-Language": "de-DE,de"}
    ).content.decode()
    assert "5 Artikel" in html
    assert "10. Oktober 2025" in html
    assert "Datum unbekannt" in html


def test_article_page_renders_subheadings_and_paragraphs(client, editor, seeded):
    client.force_login(editor)
    article = seeded["004"]
    html = client.get(
        article.get_absolute_url(), headers={"Accept-Language": "en"}
    ).content.decode()
    text = html.split('id="article-text"')[1].split("</div>")[0]
    heading = r'<h2 id="block-\d+"><span data-o="\d+">{}</span></h2>'
    assert re.search(heading.format("Wachsende Unruhe"), text)
    assert re.search(heading.format("Druck aus dem Kreml"), text)
    paragraphs = sum(1 for kind, _ in article.block_texts() if kind == "paragraph")
    assert len(re.findall(r'<p id="block-\d+">', text)) == paragraphs
    assert (
        "The Moscow Times, Digi24, Euronews" in html or "Digi24, Euronews, The Moscow Times" in html
    )
    assert "Gerade lesen andere" not in text


def test_article_page_counts_the_revisions_once_there_are_two(
    client, editor, seeded, seeds_dir, tmp_path
):
    client.force_login(editor)
    article = seeded["002"]
    english = {"Accept-Language": "en"}
    assert "revisions" not in client.get(article.get_absolute_url(), headers=english).text
    changed = tmp_path / article.origin
    changed.write_text((seeds_dir / article.origin).read_text() + "\nNeu.\n", encoding="utf-8")
    list(files_import([changed], max_bytes=10**7))
    assert "· 2 revisions" in client.get(article.get_absolute_url(), headers=english).text


def test_article_page_escapes_text(client, editor, db, tmp_path):
    payload = tmp_path / "xss.txt"
    payload.write_text('<script>alert("x")</script> steht im Text.')
    list(files_import([payload], max_bytes=10**6))
    client.force_login(editor)
    html = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_unknown_article_is_404(client, editor, db):
    client.force_login(editor)
    assert client.get(reverse("articles:detail", args=[999])).status_code == 404


def test_list_query_count_does_not_grow_with_articles(
    client, editor, seeded, django_assert_max_num_queries, tmp_path
):
    client.force_login(editor)
    for i in range(20):
        (tmp_path / f"{i}.txt").write_text(f"Berlin (Agentur{i}) – Meldung Nummer {i}.")
    list(files_import([tmp_path], max_bytes=10**6))
    # 9: the navigation counts the user's unread notifications (one COUNT) on every page.
    with django_assert_max_num_queries(9):
        client.get(reverse("articles:list"))


def test_pages_carry_csp_without_inline_scripts(client, editor, seeded):
    client.force_login(editor)
    response = client.get(reverse("articles:list"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "<script>" not in response.content.decode()
