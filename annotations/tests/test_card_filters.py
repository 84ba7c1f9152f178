"""Filtering and searching the workspace's cards: label, source, review status, text and,
for reviewers, author; an editor's filter never reveals a colleague's annotations."""

import re

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.selectors import CARDS_PER_PAGE
from annotations.tests.support import annotate, annotations_across

HTMX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def cards(article, labels, editor, other_editor):
    """Four annotations by two editors, each different in one respect."""
    made = {
        "kreml": annotate(
            article, editor, "Kremlchef", label=labels["claim"], sources=["Kreml"], note="prüfen"
        ),
        "quote": annotate(article, editor, "Absturz", label=labels["quote"]),
        "accepted": annotate(article, editor, "Kasachstan", label=labels["claim"]),
        "otto": annotate(article, other_editor, "Putin bestritt", label=labels["claim"]),
    }
    # The review decision belongs to a higher layer (review); here only its outcome counts.
    Annotation.objects.filter(pk=made["accepted"].pk).update(status="accepted")
    return made


def filter_form(client, article) -> str:
    """The card filter form as the workspace loads it."""
    url = reverse("annotations:card-filters", args=[article.pk])
    response = client.get(url, headers=HTMX)
    assert response.status_code == 200
    return response.content.decode()


def shown(client, article, **query) -> list[int]:
    url = reverse("annotations:cards", args=[article.pk])
    html = client.get(url, query, headers=HTMX).content.decode()
    return [int(pk) for pk in re.findall(r'<li id="annotation-(\d+)"', html)]


def ids(cards, *names) -> set[int]:
    return {cards[name].pk for name in names}


def test_each_filter_narrows_an_editors_own_cards(client, article, labels, editor, cards):
    client.force_login(editor)
    assert set(shown(client, article)) == ids(cards, "kreml", "quote", "accepted")
    assert set(shown(client, article, label=labels["quote"].pk)) == ids(cards, "quote")
    assert set(shown(client, article, source="krem")) == ids(cards, "kreml")
    assert set(shown(client, article, status="accepted")) == ids(cards, "accepted")
    assert set(shown(client, article, q="KASACH")) == ids(cards, "accepted")
    assert set(shown(client, article, q="prüfen")) == ids(cards, "kreml")  # the note too


def test_filters_combine(client, article, labels, editor, cards):
    client.force_login(editor)
    claim = labels["claim"].pk
    assert set(shown(client, article, label=claim, status="pending")) == ids(cards, "kreml")
    assert shown(client, article, label=claim, source="Kreml", status="accepted") == []


def test_an_editors_author_filter_cannot_reveal_others_annotations(
    client, article, editor, other_editor, cards
):
    client.force_login(editor)
    # Editors have no author filter: a colleague's id in the query string is ignored and
    # the editor still sees only their own cards.
    own = ids(cards, "kreml", "quote", "accepted")
    assert set(shown(client, article, author=other_editor.pk)) == own
    assert cards["otto"].pk not in shown(client, article, q="Putin")
    assert 'name="author"' not in filter_form(client, article)


def test_a_reviewer_filters_by_author(client, article, reviewer, editor, other_editor, cards):
    client.force_login(reviewer)
    assert set(shown(client, article)) == ids(cards, "kreml", "quote", "accepted", "otto")
    assert set(shown(client, article, author=other_editor.pk)) == ids(cards, "otto")
    assert f'<option value="{other_editor.pk}">otto</option>' in filter_form(client, article)


def test_the_workspace_loads_the_filter_form_when_opened(
    client, article, labels, editor, cards, django_assert_max_num_queries
):
    """The workspace links the form (htmx loads it when the box opens); the form offers
    the active labels and the review statuses, and asks the cards view for the cards."""
    client.force_login(editor)
    workspace = client.get(article.get_absolute_url(), headers=HTMX).content.decode()
    url = reverse("annotations:card-filters", args=[article.pk])
    assert f'hx-get="{url}"' in workspace
    assert 'id="card-filter-q"' not in workspace
    # session, user, permissions (2), article and labels: six (a fragment, no base.html)
    with django_assert_max_num_queries(7):
        form = filter_form(client, article)
    assert 'id="card-filter-q"' in form
    assert f'hx-get="{reverse("annotations:cards", args=[article.pk])}"' in form
    assert f'<option value="{labels["quote"].pk}">{labels["quote"].display_name}</option>' in form
    assert '<option value="rejected">' in form


def test_an_invalid_filter_filters_nothing(client, article, editor, cards):
    client.force_login(editor)
    everything = shown(client, article)
    assert shown(client, article, label="x", status="bogus") == everything


def test_nothing_matching_says_so(client, article, editor, cards):
    client.force_login(editor)
    url = reverse("annotations:cards", args=[article.pk])
    html = client.get(url, {"q": "Mondlandung"}, headers=HTMX).content.decode()
    assert "No annotations match these filters." in html


def test_filtered_pages_keep_the_filter_and_stay_bounded(
    client, article, labels, editor, django_assert_max_num_queries
):
    annotations_across(article, editor, labels["claim"], CARDS_PER_PAGE + 3, step=7, length=4)
    annotations_across(article, editor, labels["quote"], 4, step=11, length=3)
    client.force_login(editor)
    url = reverse("annotations:cards", args=[article.pk])
    query = {"label": labels["claim"].pk}
    html = client.get(url, query, headers=HTMX).content.decode()
    assert html.count('class="card label-') == CARDS_PER_PAGE
    assert "Show 3 more annotations" in html
    more = re.search(r'hx-get="([^"]+)"[^>]*hx-target="#more-cards"', html)
    assert more
    next_url = more.group(1).replace("&amp;", "&")
    assert f"label={labels['claim'].pk}" in next_url
    # session, user, article, a page of cards, their count, and what base.html asks for
    with django_assert_max_num_queries(8):
        rest = client.get(next_url, headers=HTMX).content.decode()
    rest_ids = [int(pk) for pk in re.findall(r'<li id="annotation-(\d+)"', rest)]
    assert len(rest_ids) == 3
    assert set(Annotation.objects.filter(pk__in=rest_ids).values_list("label", flat=True)) == {
        labels["claim"].pk
    }


def test_a_change_answers_with_the_list_the_filter_leaves(client, article, labels, editor, cards):
    """Create, delete and restore get the card filter along (as `filter-*`) and answer with
    the filtered list; a new card the filter hides is said to be hidden."""
    client.force_login(editor)
    quote_filter = {"filter-label": labels["quote"].pk}
    start = article.body.index("Putin")
    response = client.post(
        reverse("annotations:create", args=[article.pk]),
        {"start": start, "end": start + 5, "exact": "Putin", "label": labels["claim"].pk}
        | quote_filter,
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The card filter hides it" in html
    assert re.findall(r'<li id="annotation-(\d+)"', html) == [str(cards["quote"].pk)]

    deleted = client.post(
        reverse("annotations:delete", args=[cards["kreml"].pk]), quote_filter, headers=HTMX
    ).content.decode()
    assert re.findall(r'<li id="annotation-(\d+)"', deleted) == [str(cards["quote"].pk)]
    restored = client.post(
        reverse("annotations:restore", args=[cards["kreml"].pk]), quote_filter, headers=HTMX
    ).content.decode()
    assert re.findall(r'<li id="annotation-(\d+)"', restored) == [str(cards["quote"].pk)]
    assert "Annotation restored. The card filter hides it." in restored
