"""Assignment of articles to editors and reviewers, and each user's "my work"."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from workflow.models import Assignment
from workflow.services import AssignmentRefused, assignments_create
from workflow.tests.support import annotate, lead_make

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true", "Accept-Language": "en"}
EN = {"Accept-Language": "en"}


def assign_url(article: Article) -> str:
    return reverse("workflow:article-assignments", args=[article.pk])


def test_admin_assigns_an_editor_from_the_workspace(client, admin_user, editor, article):
    client.force_login(admin_user)
    page = client.get(article.get_absolute_url(), headers=EN).content.decode()
    assert f'hx-get="{assign_url(article)}" hx-trigger="load"' in page
    response = client.post(assign_url(article), {"user": editor.pk, "role": "editor"}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="article-assignments"')
    assert "<html" not in html
    assert 'erika <span class="badge">editor</span>' in html
    assert "Assigned." in html
    assignment = Assignment.objects.get()
    assert (assignment.article, assignment.user, assignment.role, assignment.assigned_by) == (
        article,
        editor,
        "editor",
        admin_user,
    )


def test_everyone_sees_who_works_on_an_article_but_only_leads_get_the_form(
    client, editor, reviewer, article
):
    assignments_create(articles=[article], user=editor, role="editor", assigned_by=editor)
    client.force_login(reviewer)
    html = client.get(assign_url(article), headers=HTMX).content.decode()
    assert "erika" in html
    assert 'name="user"' not in html
    assert "Remove erika" not in html
    lead = lead_make(reviewer)
    client.force_login(lead)
    html = client.get(assign_url(article), headers=HTMX).content.decode()
    assert 'name="user"' in html
    assert "Remove erika (editor)" in html


def test_a_lead_assigns_and_an_editor_may_not(client, editor, other_editor, reviewer, article):
    client.force_login(editor)
    data = {"user": other_editor.pk, "role": "editor"}
    assert client.post(assign_url(article), data, headers=HTMX).status_code == 403
    assert not Assignment.objects.exists()
    client.force_login(lead_make(reviewer))
    assert client.post(assign_url(article), data, headers=HTMX).status_code == 200
    assert Assignment.objects.get().user == other_editor


def test_a_reviewer_cannot_be_assigned_as_editor(client, admin_user, reviewer, article):
    with pytest.raises(AssignmentRefused):
        assignments_create(articles=[article], user=reviewer, role="editor", assigned_by=admin_user)
    client.force_login(admin_user)
    response = client.post(
        assign_url(article), {"user": reviewer.pk, "role": "editor"}, headers=HTMX
    )
    assert response.status_code == 200  # htmx swaps the form with the reason
    assert "rita cannot annotate, so cannot be assigned as editor." in response.content.decode()
    assert not Assignment.objects.exists()


def test_assigning_twice_keeps_one_assignment(admin_user, editor, article):
    first = assignments_create(
        articles=[article], user=editor, role="editor", assigned_by=admin_user
    )
    again = assignments_create(
        articles=[article], user=editor, role="editor", assigned_by=admin_user
    )
    assert (len(first), again) == (1, [])
    assert Assignment.objects.count() == 1


def test_a_lead_removes_an_assignment(client, admin_user, editor, article):
    [assignment] = assignments_create(
        articles=[article], user=editor, role="editor", assigned_by=admin_user
    )
    client.force_login(admin_user)
    response = client.post(
        reverse("workflow:assignment-delete", args=[assignment.pk]), headers=HTMX
    )
    assert "Assignment removed." in response.content.decode()
    assert not Assignment.objects.exists()


def test_select_articles_in_the_list_and_assign_them(client, admin_user, editor, articles):
    client.force_login(admin_user)
    listing = client.get(reverse("articles:list"), headers=EN).content.decode()
    assert listing.count('form="assign-articles"') == len(articles)
    form = client.get(reverse("workflow:assign"), {"next": "/articles/?status=done"}, headers=HTMX)
    assert '<form id="assign-articles"' in form.content.decode()
    assert "<html" not in form.content.decode()
    chosen = [articles[0].pk, articles[2].pk]
    data = {
        "articles": chosen,
        "user": editor.pk,
        "role": "editor",
        "next": "/articles/?status=done",
    }
    response = client.post(reverse("workflow:assign"), data, headers=EN, follow=True)
    assert response.redirect_chain == [("/articles/?status=done", 302)]
    assert "2 articles assigned to erika (2 new)." in response.content.decode()
    assert sorted(Assignment.objects.values_list("article_id", flat=True)) == sorted(chosen)


def test_assigning_nothing_selected_says_what_to_do(client, admin_user, editor, articles):
    client.force_login(admin_user)
    response = client.post(
        reverse("workflow:assign"), {"user": editor.pk, "role": "editor"}, headers=EN
    )
    assert response.status_code == 400
    assert "Select at least one article in the list." in response.content.decode()


def test_an_outside_next_is_not_followed(client, admin_user, editor, article):
    client.force_login(admin_user)
    data = {"articles": [article.pk], "user": editor.pk, "role": "editor"}
    response = client.post(reverse("workflow:assign"), {**data, "next": "https://evil.example/"})
    assert response["Location"] == reverse("articles:list")


def test_editors_see_no_selection_in_the_list(client, editor, articles):
    client.force_login(editor)
    listing = client.get(reverse("articles:list")).content.decode()
    assert 'form="assign-articles"' not in listing
    assert "assign-slot" not in listing


def test_my_work_lists_assigned_articles_by_state(client, admin_user, editor, labels, articles):
    assignments_create(articles=articles[:3], user=editor, role="editor", assigned_by=admin_user)
    annotate(articles[1], editor, articles[1].body[:20], label=labels["claim"])
    Article.objects.filter(pk=articles[2].pk).update(annotation_status="done")
    client.force_login(editor)
    html = client.get(reverse("workflow:my-work"), headers=EN).content.decode()
    assert f'href="{reverse("workflow:my-work")}">My work</a>' in html

    def section(status: str) -> str:
        return html.split(f'id="work-{status}"')[1].split("</section>")[0]

    assert articles[0].title in section("not_started")
    assert articles[1].title in section("in_progress")
    assert articles[2].title in section("done")
    assert articles[1].title not in section("not_started")
    assert "(1)" in section("done")


def test_my_annotations_filter_by_label_status_and_text(
    client, editor, other_editor, labels, article
):
    mine = annotate(article, editor, "Putin", label=labels["claim"], note="prüfen")
    quote = annotate(article, editor, "Kasachstan", label=labels["quote"])
    annotate(article, other_editor, "Kreml", label=labels["claim"])
    client.force_login(editor)
    url = reverse("workflow:my-work")

    def shown(**query: object) -> list[int]:
        html = client.get(url, query, headers={**HTMX, "HX-Target": "my-annotations"})
        text = html.content.decode()
        assert text.lstrip().startswith('<div id="my-annotations"')
        return [int(pk) for pk in re.findall(r"#annotation-(\d+)", text)]

    assert sorted(shown()) == sorted([mine.pk, quote.pk])  # not the other editor's
    assert shown(label=labels["quote"].pk) == [quote.pk]
    assert shown(q="prüf") == [mine.pk]
    assert shown(q="kasach") == [quote.pk]
    assert shown(status="accepted") == []
    assert sorted(shown(status="pending")) == sorted([mine.pk, quote.pk])
    page = client.get(url, headers=EN).content.decode()
    assert f'href="{article.get_absolute_url()}#annotation-{mine.pk}"' in page


def test_my_annotations_are_paged(client, editor, labels, article):
    words = sorted(set(re.findall(r"\b\w{6,}\b", article.body)))[:27]
    for word in words:
        annotate(article, editor, word, label=labels["claim"])
    client.force_login(editor)
    first = client.get(reverse("workflow:my-work"), headers=EN).content.decode()
    assert first.count('class="card label-') == 25
    assert "page 1 of 2" in first
    second = client.get(reverse("workflow:my-work"), {"page": 2}).content.decode()
    assert second.count('class="card label-') == 2


def test_my_work_queries_do_not_grow(
    client, admin_user, editor, labels, articles, django_assert_max_num_queries
):
    assignments_create(articles=articles, user=editor, role="editor", assigned_by=admin_user)
    for article in articles:
        annotate(article, editor, article.body[:12], label=labels["claim"])
    client.force_login(editor)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("workflow:my-work"))
    assert response.status_code == 200


def test_no_role_user_has_no_my_work(client, no_role_user):
    client.force_login(no_role_user)
    assert client.get(reverse("workflow:my-work")).status_code == 403


def test_my_work_link_is_in_the_navigation_for_every_role(client, reviewer, db):
    client.force_login(reviewer)
    html = client.get(reverse("articles:list"), headers=EN).content.decode()
    assert ">My work</a>" in html
    assert isinstance(reviewer, User)
