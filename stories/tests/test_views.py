import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation
from annotations.tests import support
from articles.models import Article
from newsdesk.tests.html_checks import field_errors
from stories.models import Story
from stories.selectors import comparison

EN = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **EN}
SHARED = "Präsident Aliyev dankte Putin, dass er die Aufklärung des Absturzes"
ONLY_IN_000 = "Der Vorfall hat das Verhältnis zwischen Moskau und Baku stark belastet."


def annotate(article: Article, author, label, quote: str) -> Annotation:
    return support.annotate(article, author, quote, label=label)


def rows_html(html: str) -> list[tuple[str, str]]:
    """(row class, row text without tags) for every row of the comparison table."""
    return [
        (kind, re.sub(r"<[^>]+>", "", body))
        for kind, body in re.findall(r'<tr class="([\w-]+)">(.*?)</tr>', html, re.DOTALL)
    ]


def test_aligned_view_pairs_shared_sentences_and_marks_what_only_000_has(seeded, editor):
    result = comparison(editor, seeded["000"], seeded["001"])
    kinds = {row.kind for row in result.rows}
    assert kinds <= {"same", "changed", "left-only", "right-only"}
    shared = next(row for row in result.rows if row.left and SHARED in row.left)
    assert shared.kind == "same"
    assert SHARED in shared.right
    only = next(row for row in result.rows if row.left and ONLY_IN_000 in row.left)
    assert only.kind == "left-only"
    assert only.right is None
    assert result.shared >= 15
    # The quote 001 rewrote is paired with 000's and its changed words are marked.
    rewritten = next(row for row in result.rows if row.right and "tragischen Fällen" in row.right)
    assert rewritten.kind == "changed"
    assert '<span class="changed">werde</span>' in rewritten.right


def test_compare_page_shows_both_sides_with_the_viewers_highlights(
    client, seeded, editor, claim_label
):
    annotation = annotate(seeded["000"], editor, claim_label, SHARED)
    client.force_login(editor)
    url = reverse("stories:compare", args=[seeded["000"].pk, seeded["001"].pk])
    html = client.get(url, headers=EN).content.decode()
    rows = rows_html(html)
    assert any(kind == "left-only" and ONLY_IN_000 in text for kind, text in rows)
    assert sum(1 for kind, text in rows if kind == "same" and text.count(SHARED) == 2) == 1
    assert f'data-ids="{annotation.pk}"' in html
    assert "Copy to the other article" in html


def copy_url(seeded, target: str) -> str:
    return reverse("stories:copy", args=[seeded["000"].pk, seeded["001"].pk, seeded[target].pk])


def test_copying_an_annotation_to_the_matching_text(client, seeded, editor, claim_label):
    annotation = annotate(seeded["000"], editor, claim_label, SHARED)
    annotation.sources.create(name="Kreml")
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), {"annotation": annotation.pk}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="compare"' in html
    assert "<html" not in html
    assert "Annotation copied to" in html
    copy = Annotation.objects.get(article=seeded["001"])
    body = seeded["001"].body
    assert body[copy.start : copy.end] == SHARED == copy.exact
    assert (copy.author, copy.label) == (editor, claim_label)
    assert [s.name for s in copy.sources.all()] == ["Kreml"]
    again = client.post(copy_url(seeded, "001"), {"annotation": annotation.pk}, headers=HTMX)
    assert again.status_code == 400
    assert "already" in again.content.decode()
    assert Annotation.objects.filter(article=seeded["001"]).count() == 1


def test_copying_is_refused_when_the_text_is_not_there(client, seeded, editor, claim_label):
    annotation = annotate(seeded["000"], editor, claim_label, ONLY_IN_000)
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), {"annotation": annotation.pk}, headers=HTMX)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "is not in" in html
    assert "Der Vorfall hat das Verhältnis" in html
    assert not Annotation.objects.filter(article=seeded["001"]).exists()


def test_copy_without_htmx_redirects_back_to_the_comparison(client, seeded, editor, claim_label):
    annotation = annotate(seeded["000"], editor, claim_label, SHARED)
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), {"annotation": annotation.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "stories:compare", args=[seeded["000"].pk, seeded["001"].pk]
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [({}, "annotation: This field is required."), ({"annotation": "x"}, "Enter a whole number")],
)
def test_copy_with_bad_input_names_the_input(client, seeded, editor, data, reason):
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), data, headers=HTMX)
    assert response.status_code == 400
    assert reason in response.content.decode()


def test_copy_needs_the_annotation_on_the_other_side_and_a_compared_target(
    client, seeded, editor, claim_label
):
    on_002 = annotate(seeded["002"], editor, claim_label, "Kasachstan")
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), {"annotation": on_002.pk}, headers=HTMX)
    assert response.status_code == 400
    assert "not on the other compared article" in response.content.decode()
    outside = reverse("stories:copy", args=[seeded["000"].pk, seeded["001"].pk, seeded["002"].pk])
    assert client.post(outside, {"annotation": on_002.pk}, headers=HTMX).status_code == 400


def test_copy_permissions(client, seeded, editor, other_editor, reviewer, claim_label):
    annotation = annotate(seeded["000"], editor, claim_label, SHARED)
    url = copy_url(seeded, "001")
    response = client.post(url, {"annotation": annotation.pk})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(reviewer)  # sees every annotation, but may not create any
    assert client.post(url, {"annotation": annotation.pk}, headers=HTMX).status_code == 403
    client.force_login(other_editor)  # may annotate, but not see erika's annotation
    assert client.post(url, {"annotation": annotation.pk}, headers=HTMX).status_code == 403
    assert not Annotation.objects.filter(article=seeded["001"]).exists()


def test_copy_needs_the_csrf_token(seeded, editor, claim_label):
    annotation = annotate(seeded["000"], editor, claim_label, SHARED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(copy_url(seeded, "001"), {"annotation": annotation.pk}, headers=HTMX)
    assert response.status_code == 403


def set_date(article: Article, day: datetime.date | None, precision: str) -> None:
    Article.objects.filter(pk=article.pk).update(published_on=day, date_precision=precision)


def test_story_timeline_orders_mixed_precisions_and_shows_undated_apart(client, seeded, reviewer):
    set_date(seeded["003"], datetime.date(2023, 9, 1), "month")
    set_date(seeded["002"], datetime.date(2024, 12, 1), "month")
    set_date(seeded["001"], datetime.date(2025, 10, 10), "day")
    set_date(seeded["000"], None, "unknown")
    client.force_login(reviewer)
    story = Story.objects.get()
    html = client.get(story.get_absolute_url(), headers=EN).content.decode()
    dated_table, undated_table = html.split("<h3>Undated</h3>")
    order = [m for m in re.findall(r"\b00\d_\w+\.txt", dated_table) if m]
    assert order == [
        seeded["003"].origin,
        seeded["002"].origin,
        seeded["001"].origin,
    ]
    assert "September 2023" in dated_table
    assert "December 2024" in dated_table
    assert seeded["000"].origin in undated_table
    assert seeded["004"].origin in undated_table
    assert "<svg" in html
    assert html.count('<rect class="month"') == 2
    assert html.count('<circle class="day"') == 1
    assert "Remove from story" not in html  # reviewers read only
    assert 'id="story-claims"' in html


def test_story_list_links_the_story(client, seeded, editor):
    client.force_login(editor)
    html = client.get(reverse("stories:list"), headers=EN).content.decode()
    story = Story.objects.get()
    assert story.get_absolute_url() in html
    assert ">5<" in html


def test_editors_rename_and_change_the_story(client, seeded, editor):
    story = Story.objects.get()
    client.force_login(editor)
    rename = reverse("stories:rename", args=[story.pk])
    response = client.post(rename, {"title": "Russland und Aserbaidschan"}, headers=HTMX)
    assert response.status_code == 200
    assert 'id="story-head"' in response.content.decode()
    story.refresh_from_db()
    assert story.title == "Russland und Aserbaidschan"
    response = client.post(rename, {"title": ""}, headers=HTMX)
    assert response.status_code == 400
    assert field_errors(response.content.decode(), "id_title") == "This field is required."

    remove = reverse("stories:remove-article", args=[story.pk, seeded["004"].pk])
    response = client.post(remove, headers=HTMX)
    assert response.status_code == 200
    assert seeded["004"].origin not in response.content.decode()
    add = reverse("stories:add-article", args=[story.pk])
    response = client.post(add, {"article": seeded["004"].pk}, headers=HTMX)
    assert seeded["004"].origin in response.content.decode()
    response = client.post(add, {"article": 999999}, headers=HTMX)
    assert response.status_code == 400
    assert "Select a valid choice" in field_errors(response.content.decode(), "id_article")


def test_reviewers_may_not_change_stories(client, seeded, reviewer):
    story = Story.objects.get()
    client.force_login(reviewer)
    rename = reverse("stories:rename", args=[story.pk])
    assert client.post(rename, {"title": "x"}).status_code == 403
    remove = reverse("stories:remove-article", args=[story.pk, seeded["004"].pk])
    assert client.post(remove).status_code == 403


def test_related_articles_fragment_shows_near_duplicates_and_the_story(client, seeded, reviewer):
    client.force_login(reviewer)
    url = reverse("stories:related", args=[seeded["001"].pk])
    html = client.get(url, headers=HTMX).content.decode()
    assert 'id="related"' in html
    assert "<html" not in html
    assert "Jaccard 0.60 · this text in that one 0.97 · that text in this one 0.61" in html
    assert reverse("stories:compare", args=[seeded["001"].pk, seeded["000"].pk]) in html
    for key in ("002", "003", "004"):
        assert reverse("stories:compare", args=[seeded["001"].pk, seeded[key].pk]) in html
    assert 'id="date-form"' not in html  # reviewers do not set dates
    page = client.get(url, headers=EN).content.decode()
    assert "<html" in page
    assert 'id="related"' in page


def test_article_page_loads_the_related_articles(client, seeded, editor):
    client.force_login(editor)
    html = client.get(seeded["000"].get_absolute_url()).content.decode()
    url = reverse("stories:related", args=[seeded["000"].pk])
    assert f'href="{url}"' in html
    assert f'hx-get="{url}"' in html


def test_editors_set_an_article_date_and_precision(client, seeded, editor):
    article = seeded["002"]
    client.force_login(editor)
    url = reverse("stories:article-date", args=[article.pk])
    loaded = article.updated_at.isoformat()
    data = {"published_on": "2024-12-27", "date_precision": "month", "loaded_at": loaded}
    response = client.post(url, data, headers=HTMX)
    assert response.status_code == 200
    assert "Date saved." in response.content.decode()
    article.refresh_from_db()
    assert (article.published_on, article.date_precision) == (datetime.date(2024, 12, 1), "month")
    # The same form again: somebody (this editor) changed the date meanwhile.
    response = client.post(url, {**data, "date_precision": "day"}, headers=HTMX)
    assert response.status_code == 409
    assert "date meanwhile; the form shows it now" in response.content.decode()
    article.refresh_from_db()
    assert article.date_precision == "month"


def test_article_date_bad_input_and_permissions(client, seeded, editor, reviewer):
    article = seeded["002"]
    url = reverse("stories:article-date", args=[article.pk])
    data = {
        "published_on": "",
        "date_precision": "day",
        "loaded_at": article.updated_at.isoformat(),
    }
    client.force_login(editor)
    response = client.post(url, data, headers=HTMX)
    assert response.status_code == 400
    assert field_errors(response.content.decode(), "id_published_on") == (
        "A day or month precision needs a date."
    )
    response = client.post(url, {**data, "published_on": "2024-02-30"}, headers=HTMX)
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    client.force_login(reviewer)
    assert client.post(url, data, headers=HTMX).status_code == 403


@pytest.mark.parametrize(
    "name", ["stories:list", "stories:detail", "stories:related", "stories:compare"]
)
def test_every_page_needs_a_login_and_roles_may_read(client, seeded, editor, reviewer, name):
    story = Story.objects.get()
    args = {
        "stories:list": [],
        "stories:detail": [story.pk],
        "stories:related": [seeded["000"].pk],
        "stories:compare": [seeded["000"].pk, seeded["001"].pk],
    }[name]
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    for user in (editor, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_users_without_a_role_may_not_read(client, seeded, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody"))
    url = reverse("stories:compare", args=[seeded["000"].pk, seeded["001"].pk])
    assert client.get(url).status_code == 403
    assert client.get(reverse("stories:list")).status_code == 403


def date_post(client, article, precision):
    """Post 27 December 2024 with `precision` as the article's date, as the date form does."""
    data = {
        "published_on": "2024-12-27",
        "date_precision": precision,
        "loaded_at": article.updated_at.isoformat(),
    }
    return client.post(reverse("stories:article-date", args=[article.pk]), data, headers=HTMX)


def test_a_date_with_unknown_precision_is_refused_not_dropped(client, seeded, editor):
    """Issue 14 item 6: "Date saved" while the date was thrown away."""
    article = seeded["002"]
    client.force_login(editor)
    response = date_post(client, article, "unknown")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Date saved." not in html
    assert "Choose day or month for this date, or clear the date" in html
    article.refresh_from_db()
    assert (article.published_on, article.date_precision) == (None, "unknown")


def test_a_saved_date_updates_the_article_header_too(client, seeded, editor):
    """The workspace header and the related page show the new date without a reload."""
    article = seeded["002"]
    client.force_login(editor)
    page = client.get(article.get_absolute_url(), headers=EN).content.decode()
    assert 'id="article-published"' in page
    related = client.get(reverse("stories:related", args=[article.pk]), headers=EN)
    assert 'id="article-published"' in related.content.decode()
    response = date_post(client, article, "day")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Date saved." in html
    oob = re.search(
        r'<span id="article-published"[^>]*hx-swap-oob="outerHTML"[^>]*>(.*?)</span>', html
    )
    assert oob is not None
    assert "27" in oob.group(1)
    assert "2024" in oob.group(1)


def test_comparing_an_article_with_itself_is_refused(client, seeded, editor):
    """Issue 14 item 15: /compare/17/17/ aligned a 1 MB article with itself."""
    article = seeded["000"]
    client.force_login(editor)
    response = client.get(reverse("stories:compare", args=[article.pk, article.pk]), headers=EN)
    assert response.status_code == 400
    assert "An article cannot be compared with itself." in response.content.decode()


def test_comparing_texts_beyond_the_limit_is_refused_with_the_limit(
    client, seeded, editor, settings
):
    settings.NEWSDESK_COMPARE_MAX_CHARS = 1000
    left, right = seeded["000"], seeded["001"]
    client.force_login(editor)
    response = client.get(reverse("stories:compare", args=[left.pk, right.pk]), headers=EN)
    assert response.status_code == 400
    html = response.content.decode()
    assert "too long to compare" in html
    assert "1,000 characters" in html or "1000 characters" in html
    assert "compare-table" not in html
