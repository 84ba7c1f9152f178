"""Review: decisions with history (service), the review pages and their permissions."""

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.services import StaleAnnotation
from review.models import ReviewDecision
from review.services import ReviewError, annotation_review
from review.tests.support import build_export_set


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


@pytest.fixture
def annotation(export_set):
    return export_set["annotations"][0]


HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "review-1"}


# The service -------------------------------------------------------------------------


def test_accept_and_reject_keep_who_when_and_why(annotation, reviewer):
    annotation_review(
        annotation=annotation, reviewer=reviewer, kind="accept", version=1, comment="stimmt"
    )
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.ACCEPTED
    assert annotation.reviewed_by == reviewer
    assert annotation.reviewed_at is not None
    assert annotation.review_comment == "stimmt"
    assert annotation.version == 2
    annotation_review(annotation=annotation, reviewer=reviewer, kind="reject", version=2)
    history = list(annotation.review_decisions.values_list("kind", "status", "comment"))
    assert history == [("accept", "accepted", "stimmt"), ("reject", "rejected", "")]


def test_correct_changes_the_label_and_accepts(annotation, reviewer, export_set):
    quote = export_set["labels"]["quote"]
    before = annotation.label
    decision = annotation_review(
        annotation=annotation, reviewer=reviewer, kind="correct", version=1, label=quote
    )
    annotation.refresh_from_db()
    assert annotation.label == quote
    assert annotation.status == Annotation.Status.ACCEPTED
    assert (decision.label_before, decision.label_after) == (before, quote)


def test_correct_needs_another_label(annotation, reviewer):
    with pytest.raises(ReviewError):
        annotation_review(annotation=annotation, reviewer=reviewer, kind="correct", version=1)
    with pytest.raises(ReviewError):
        annotation_review(
            annotation=annotation,
            reviewer=reviewer,
            kind="correct",
            version=1,
            label=annotation.label,
        )
    assert not ReviewDecision.objects.exists()


def test_stale_version_changes_nothing(annotation, reviewer):
    with pytest.raises(StaleAnnotation):
        annotation_review(annotation=annotation, reviewer=reviewer, kind="reject", version=7)
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.PENDING
    assert not ReviewDecision.objects.exists()


# Permissions -------------------------------------------------------------------------


def pages(annotation):
    return [
        reverse("review:list"),
        reverse("review:article", args=[annotation.article_id]),
        reverse("review:export", args=["csv"]),
    ]


def test_editors_get_403_everywhere(client, editor, annotation):
    client.force_login(editor)
    for url in pages(annotation):
        assert client.get(url).status_code == 403, url
    decide = reverse("review:decide", args=[annotation.pk])
    response = client.post(decide, {"kind": "accept", "version": 1})
    assert response.status_code == 403
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.PENDING


@pytest.mark.parametrize("who", ["reviewer", "admin_user"])
def test_reviewers_and_admins_may_review(client, request, annotation, who):
    client.force_login(request.getfixturevalue(who))
    for url in pages(annotation):
        assert client.get(url).status_code == 200, url


def test_anonymous_htmx_request_gets_hx_redirect(client, annotation):
    decide = reverse("review:decide", args=[annotation.pk])
    response = client.post(decide, {"kind": "accept", "version": 1}, **HTMX)
    assert response.status_code in {200, 204, 302}
    assert "HX-Redirect" in response or reverse("login") in response.get("Location", "")
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.PENDING


def test_a_reviewer_group_without_change_permission_may_not_review(client, reviewer, annotation):
    from django.contrib.auth.models import Permission

    reviewer.groups.clear()
    reviewer.user_permissions.add(
        Permission.objects.get(codename="view_all_annotations"),
    )
    client.force_login(reviewer)
    assert client.get(reverse("review:list")).status_code == 403


# Pages -------------------------------------------------------------------------------


def test_review_list_shows_the_filtered_set_and_export_links(client, reviewer, export_set):
    client.force_login(reviewer)
    response = client.get(reverse("review:list"), {"author": "otto"})
    html = response.content.decode()
    assert html.count('class="card review-row') == 3
    assert reverse("review:export", args=["w3c"]) + "?author=otto" in html
    assert 'src="/static/js/review.js"' in html


def test_review_rows_name_their_sources(client, reviewer, export_set):
    client.force_login(reviewer)
    response = client.get(reverse("review:list"), headers={"Accept-Language": "en"})
    html = response.content.decode()
    assert '<p class="sources">Attributed to: dpa, Kreml</p>' in html


def test_bad_filters_show_errors_and_no_rows(client, reviewer, export_set):
    client.force_login(reviewer)
    response = client.get(reverse("review:list"), {"label": "Erfunden"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Erfunden" in html
    assert 'class="card review-row' not in html


def test_article_page_shows_agreement_and_disagreements(client, reviewer, export_set):
    client.force_login(reviewer)
    article = export_set["annotations"][0].article
    response = client.get(reverse("review:article", args=[article.pk]))
    html = response.content.decode()
    assert "erika – otto" in html
    assert 'class="kappa"' in html
    assert 'class="disagreements"' in html


def test_decision_by_htmx_answers_with_the_row(client, reviewer, annotation):
    client.force_login(reviewer)
    decide = reverse("review:decide", args=[annotation.pk])
    response = client.post(decide, {"kind": "reject", "version": 1, "comment": "falsch"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="review-{annotation.pk}"' in html
    assert "<html" not in html
    assert "falsch" in html
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.REJECTED


def test_correction_by_htmx(client, reviewer, annotation, export_set):
    client.force_login(reviewer)
    decide = reverse("review:decide", args=[annotation.pk])
    number = export_set["labels"]["number"]
    response = client.post(decide, {"kind": "correct", "version": 1, "label": number.pk}, **HTMX)
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert annotation.label == number


def test_stale_decision_is_409_with_the_current_row(client, reviewer, annotation):
    client.force_login(reviewer)
    decide = reverse("review:decide", args=[annotation.pk])
    Annotation.objects.filter(pk=annotation.pk).update(version=5)
    response = client.post(decide, {"kind": "accept", "version": 1}, **HTMX)
    assert response.status_code == 409
    assert 'name="version" value="5"' in response.content.decode()


def test_invalid_decision_is_400_with_the_row(client, reviewer, annotation):
    client.force_login(reviewer)
    decide = reverse("review:decide", args=[annotation.pk])
    response = client.post(decide, {"kind": "correct", "version": 1}, **HTMX)
    assert response.status_code == 400
    assert f'id="review-{annotation.pk}"' in response.content.decode()


def test_review_list_queries_do_not_grow_with_the_rows(
    client, reviewer, export_set, django_assert_max_num_queries
):
    client.force_login(reviewer)
    with django_assert_max_num_queries(14):
        client.get(reverse("review:list"))
