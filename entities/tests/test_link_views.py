"""The workspace's "Link to entity" panel: search, link, propose, and refusals (views)."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from entities.models import Entity, EntityCandidate, Mention
from entities.tests.support import article_imported, entity_added

pytestmark = pytest.mark.django_db


@pytest.fixture
def scholz_article(tmp_path: Path) -> Article:
    return article_imported(tmp_path)


@pytest.fixture
def browser(editor: User) -> Client:
    """The editor's browser, in English, making htmx requests as the workspace does."""
    client = Client(headers={"accept-language": "en", "HX-Request": "true"})
    client.force_login(editor)
    return client


def chosen(article: Article, words: str) -> dict[str, object]:
    """What the workspace sends for a selection of `words` (the text is all BMP: UTF-16
    offsets are code-point offsets)."""
    start = article.body.index(words)
    return {"start": start, "end": start + len(words), "exact": words}


def test_the_panel_offers_the_entities_named_like_the_selection(
    browser: Client, scholz_article: Article
) -> None:
    scholz = entity_added("Olaf Scholz")
    url = reverse("entities:link_panel", args=[scholz_article.pk])
    response = browser.get(url, chosen(scholz_article, "Olaf Scholz"), HTTP_HX_TARGET="entity-link")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="entity-link"' in html
    assert "<html" not in html
    assert 'value="Olaf Scholz"' in html  # the search starts from the selected words
    assert f'name="entity" value="{scholz.pk}"' in html
    assert "Link to Olaf Scholz" in html
    assert "Make candidate" in html


def test_the_search_answers_with_its_results_only_and_at_most_20(
    browser: Client, scholz_article: Article
) -> None:
    for number in range(25):
        entity_added(f"Aliyev Nummer {number:02}")
    url = reverse("entities:link_panel", args=[scholz_article.pk])
    query = {**chosen(scholz_article, "Ilham Aliyev"), "q": "aliyev"}
    response = browser.get(url, query, HTTP_HX_TARGET="entity-link-results")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="entity-link-results"')
    assert html.count('name="entity"') == 20
    assert "Link to Ilham Aliyev" in html  # mentioned, so among the first
    none = browser.get(url, {**query, "q": "Niemand"}, HTTP_HX_TARGET="entity-link-results")
    assert "No entity is called “Niemand”." in none.content.decode()


def test_linking_answers_with_the_panel_an_event_and_an_announcement(
    browser: Client, scholz_article: Article
) -> None:
    scholz = entity_added("Olaf Scholz")
    url = reverse("entities:link", args=[scholz_article.pk])
    data = {**chosen(scholz_article, "Olaf Scholz"), "entity": scholz.pk, "add_alias": "on"}
    response = browser.post(url, data, HTTP_HX_TARGET="entity-link")
    html = response.content.decode()
    assert response.status_code == 200
    assert "“Olaf Scholz” is now linked to Olaf Scholz." in html
    assert '<div id="announcer" hx-swap-oob="innerHTML">' in html
    mention = Mention.objects.get(entity=scholz, method=Mention.Method.EDITOR)
    event = json.loads(response["HX-Trigger"])
    assert event == {"mention-linked": {"start": mention.start, "end": mention.end}}

    again = browser.post(url, data, HTTP_HX_TARGET="entity-link")
    assert again.status_code == 200
    assert "was linked to Olaf Scholz already" in again.content.decode()
    assert Mention.objects.filter(entity=scholz, start=mention.start).count() == 1


def test_the_workspace_redraws_the_blocks_with_the_new_underline(
    browser: Client, scholz_article: Article
) -> None:
    scholz = entity_added("Olaf Scholz")
    data = {**chosen(scholz_article, "Olaf Scholz"), "entity": scholz.pk}
    browser.post(reverse("entities:link", args=[scholz_article.pk]), data)
    mention = Mention.objects.get(entity=scholz, method=Mention.Method.EDITOR)
    url = reverse("annotations:text-blocks", args=[scholz_article.pk])
    response = browser.get(url, {"start": mention.start, "end": mention.end})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<p id="block-0" hx-swap-oob="true">')
    assert f'<span id="mention-{mention.pk}" class="ent ent-PER"' in html
    assert "block-1" not in html  # only the block the name is in


def test_a_plain_form_post_goes_back_to_the_mention_in_the_article(
    editor: User, scholz_article: Article
) -> None:
    scholz = entity_added("Olaf Scholz")
    client = Client()
    client.force_login(editor)
    data = {**chosen(scholz_article, "Olaf Scholz"), "entity": scholz.pk}
    response = client.post(reverse("entities:link", args=[scholz_article.pk]), data)
    mention = Mention.objects.get(entity=scholz, method=Mention.Method.EDITOR)
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{scholz_article.pk}/#mention-{mention.pk}"


def test_making_a_candidate_puts_it_into_the_queue(
    browser: Client, scholz_article: Article
) -> None:
    url = reverse("entities:propose", args=[scholz_article.pk])
    data = {**chosen(scholz_article, "Brückenschlag Ost"), "kind": "ORG"}
    response = browser.post(url, data, HTTP_HX_TARGET="entity-link")
    assert response.status_code == 200
    assert "“Brückenschlag Ost” waits in the candidate queue now." in response.content.decode()
    assert EntityCandidate.objects.get(name="Brückenschlag Ost").kind == "ORG"
    queue = browser.get(reverse("entities:candidates"), HTTP_HX_REQUEST="false")
    assert "Brückenschlag Ost" in queue.content.decode()
    again = browser.post(url, data, HTTP_HX_TARGET="entity-link")
    assert "waited in the candidate queue already" in again.content.decode()
    assert EntityCandidate.objects.filter(name="Brückenschlag Ost").count() == 1


BAD_LINKS = {
    "outside the text": (
        lambda a: {"start": 99_999, "end": 100_005, "exact": "Scholz"},
        "Selection: position 99999 is outside the text.",
    ),
    "quote not at the offsets": (
        lambda a: {**chosen(a, "Olaf Scholz"), "exact": "Olaf Schulz"},
        "Selection: the selected text does not match the article at that position",
    ),
    "empty selection": (
        lambda a: {"start": "", "end": "", "exact": ""},
        "Select a name in the article first.",
    ),
    "reversed offsets": (
        lambda a: {"start": 20, "end": 10, "exact": "x"},
        "Selection: the selection is empty.",
    ),
    "over-long": (
        lambda a: {"start": 0, "end": 201, "exact": "x" * 201},
        "Selected words: Ensure this value has at most 200 characters (it has 201).",
    ),
    "negative start": (
        lambda a: {**chosen(a, "Olaf Scholz"), "start": -3},
        "Start: Ensure this value is greater than or equal to 0.",
    ),
}


@pytest.mark.parametrize("case", BAD_LINKS, ids=list(BAD_LINKS))
def test_bad_selections_are_refused_with_the_reason(
    browser: Client, scholz_article: Article, case: str
) -> None:
    scholz = entity_added("Olaf Scholz")
    candidates = set(EntityCandidate.objects.values_list("name", "status"))
    selection, message = BAD_LINKS[case]
    for url, extra in (
        (reverse("entities:link", args=[scholz_article.pk]), {"entity": scholz.pk}),
        (reverse("entities:propose", args=[scholz_article.pk]), {"kind": "PER"}),
    ):
        response = browser.post(url, {**selection(scholz_article), **extra})
        assert response.status_code == 400, case
        assert message in response.content.decode(), case
    assert not Mention.objects.filter(entity=scholz).exists()
    assert set(EntityCandidate.objects.values_list("name", "status")) == candidates


def test_an_unknown_entity_or_type_is_named_in_the_refusal(
    browser: Client, scholz_article: Article
) -> None:
    selection = chosen(scholz_article, "Olaf Scholz")
    link = browser.post(
        reverse("entities:link", args=[scholz_article.pk]), {**selection, "entity": 99_999}
    )
    assert link.status_code == 400
    assert "Entity: no entity has the id 99999." in link.content.decode()
    propose = browser.post(
        reverse("entities:propose", args=[scholz_article.pk]), {**selection, "kind": "CITY"}
    )
    assert propose.status_code == 400
    assert "Type: Select a valid choice. CITY is not one of the available choices." in (
        propose.content.decode()
    )


def test_a_known_name_is_not_made_a_candidate(browser: Client, scholz_article: Article) -> None:
    response = browser.post(
        reverse("entities:propose", args=[scholz_article.pk]),
        {**chosen(scholz_article, "Ilham Aliyev"), "kind": "PER"},
    )
    assert response.status_code == 400
    assert "is a name of the entity Ilham Aliyev already: link it instead." in (
        response.content.decode()
    )
    assert Entity.objects.filter(name="Ilham Aliyev").count() == 1


def test_bad_ranges_of_text_are_refused_naming_start_and_end(
    browser: Client, scholz_article: Article
) -> None:
    url = reverse("annotations:text-blocks", args=[scholz_article.pk])
    length = len(scholz_article.body)
    response = browser.get(url, {"start": 5, "end": length + 1})
    assert response.status_code == 400
    assert f"start and end: 5–{length + 1} is not a range of the text (0–{length})." in (
        response.content.decode()
    )
    missing = browser.get(url, {"start": "x"})
    assert missing.status_code == 400
    assert "start: Enter a whole number." in missing.content.decode()


def test_the_workspace_offers_the_link_to_editors_only(
    editor: User, reviewer: User, scholz_article: Article, labels: object
) -> None:
    for user, offered in ((editor, True), (reviewer, False)):
        client = Client()
        client.force_login(user)
        html = client.get(scholz_article.get_absolute_url()).content.decode()
        assert ('id="entity-link-open"' in html) is offered


def test_without_javascript_the_panel_is_a_page_of_its_own(
    editor: User, scholz_article: Article
) -> None:
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    url = reverse("entities:link_panel", args=[scholz_article.pk])
    response = client.get(url, chosen(scholz_article, "Brückenschlag Ost"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "Back to the article" in html
    assert "entity-link-close" not in html
