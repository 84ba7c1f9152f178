"""Claims from the workspace and on their own pages: linking, search, status history, 409."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation
from articles.models import Source
from claims.models import Claim, ClaimAppearance, DismissedSuggestion
from claims.tests.support import claim_of
from entities.models import Entity
from entities.services import gazetteer_seed_ensure, mentions_detect

HTMX = {"HX-Request": "true", "Accept-Language": "en"}
QUOTE = "Putin bestritt jedoch einen Treffer des Flugzeugs mit russischen Flugabwehrraketen."
APPEARANCE_001 = "Die Ermittlungen zur Ursache seien abgeschlossen, sagte Putin nach Kreml-Angaben"


@pytest.fixture
def putin(db):
    return Entity.objects.get_or_create(name="Wladimir Putin", kind=Entity.Kind.PERSON)[0]


def make_claim(client, annotation, wording, attribution=""):
    return client.post(
        reverse("claims:make", args=[annotation.pk]),
        {"wording": wording, "attribution": attribution},
        headers=HTMX,
    )


def test_claim_linked_across_two_articles(client, editor, articles, make_annotation, putin):
    first = make_annotation(articles["000"], editor, QUOTE)
    second = make_annotation(articles["001"], editor, APPEARANCE_001)
    client.force_login(editor)
    response = make_claim(client, first, "Putin bestreitet einen direkten Treffer.", "Putin")
    assert response.status_code == 200
    assert f'id="claim-box-{first.pk}"' in response.content.decode()
    assert "<html" not in response.content.decode()
    claim = Claim.objects.get()
    assert claim.attributed_entity == putin  # a surname alias of the person resolves

    # The second article: searching by words finds the claim before a duplicate is made.
    panel = client.get(reverse("claims:annotation", args=[second.pk]), headers=HTMX)
    assert "Make claim" in panel.content.decode()
    found = client.get(
        reverse("claims:search", args=[second.pk]), {"q": "direkten Treffer"}, headers=HTMX
    )
    assert f'value="{claim.pk}"' in found.content.decode()
    attached = client.post(
        reverse("claims:attach", args=[second.pk]), {"claim": claim.pk}, headers=HTMX
    )
    assert attached.status_code == 200
    assert "Putin bestreitet einen direkten Treffer." in attached.content.decode()

    page = client.get(reverse("claims:detail", args=[claim.pk]), headers={"Accept-Language": "en"})
    html = page.content.decode()
    assert "2 appearances" in html
    assert QUOTE in html
    assert APPEARANCE_001 in html
    assert "First seen" in html
    assert html.count("dpa") >= 1  # the outlet of 000


def test_similar_claims_are_offered_when_making_one(client, editor, articles, make_annotation):
    first = make_annotation(articles["000"], editor, QUOTE)
    client.force_login(editor)
    make_claim(client, first, QUOTE)
    second = make_annotation(articles["000"], editor, "Putin bestritt jedoch einen Treffer")
    panel = client.get(reverse("claims:annotation", args=[second.pk]), headers=HTMX).content
    assert "Similar existing claims" in panel.decode()
    assert f'value="{Claim.objects.get().pk}"' in panel.decode()


def test_search_by_entity_finds_claims_whose_quotes_mention_it(
    client, editor, articles, make_annotation
):
    gazetteer_seed_ensure()
    mentions_detect(articles=[articles["000"]])
    annotation = make_annotation(articles["000"], editor, QUOTE)
    client.force_login(editor)
    make_claim(client, annotation, "Kein direkter Treffer, sagt der Kremlchef.")
    # "Vladimir" is only an alias of the entity mentioned in the quote, not in the wording.
    html = client.get(reverse("claims:list"), {"q": "Vladimir"}, headers=HTMX).content.decode()
    assert "Kein direkter Treffer" in html
    html = client.get(reverse("claims:list"), {"q": "Selenskyj"}, headers=HTMX).content.decode()
    assert "Kein direkter Treffer" not in html


def test_an_annotation_belongs_to_one_claim(client, editor, articles, make_annotation):
    annotation = make_annotation(articles["000"], editor, QUOTE)
    client.force_login(editor)
    make_claim(client, annotation, "A")
    response = make_claim(client, annotation, "B")
    assert response.status_code == 409
    assert "already belongs to claim" in response.content.decode()
    other = claim_of("C", editor)
    response = client.post(
        reverse("claims:attach", args=[annotation.pk]), {"claim": other.pk}, headers=HTMX
    )
    assert response.status_code == 409
    assert "already belongs to claim" in response.content.decode()
    assert ClaimAppearance.objects.get().claim.wording == "A"


def test_status_changes_are_kept_in_the_history(client, editor, other_editor):
    claim = claim_of("Die Raketen explodierten nahe.", editor)
    client.force_login(other_editor)
    for version, status in [(1, "disputed"), (2, "confirmed")]:
        response = client.post(
            reverse("claims:update", args=[claim.pk]),
            {"wording": claim.wording, "status": status, "attribution": "", "version": version},
            headers=HTMX,
        )
        assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.status, claim.version) == ("confirmed", 3)
    statuses = [h.status for h in claim.history.order_by("history_date", "history_id")]
    assert statuses == ["unverified", "disputed", "confirmed"]
    assert claim.history.latest().history_user == other_editor
    html = client.get(
        reverse("claims:detail", args=[claim.pk]), headers={"Accept-Language": "en"}
    ).content.decode()
    history = html[html.index('id="claim-history"') :]
    assert history.index("unverified") < history.index("disputed") < history.index("confirmed")
    assert "otto" in history


def test_stale_claim_edit_gets_409_with_the_newer_version(client, editor):
    claim = claim_of("Alt.", editor)
    client.force_login(editor)
    url = reverse("claims:update", args=[claim.pk])
    data = {"wording": "Neu.", "status": "denied", "attribution": "", "version": 1}
    assert client.post(url, data, headers=HTMX).status_code == 200
    stale = {**data, "wording": "Veraltet.", "status": "disputed", "version": 1}
    response = client.post(url, stale, headers={**HTMX, "Accept-Language": "de"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Jemand hat diese Behauptung geändert" in html
    assert 'name="version" value="2"' in html
    # The box lists what the editor had sent, the status by its name, to merge by hand.
    box = html[html.index('class="conflict"') :].split("</div>")[0]
    assert "<dt>Wortlaut</dt><dd>Veraltet.</dd>" in box
    assert "<dt>Status</dt><dd>umstritten</dd>" in box
    assert "<dt>Zugeschrieben</dt><dd>—</dd>" in box
    claim.refresh_from_db()
    assert claim.wording == "Neu."


def test_bad_input_names_the_field(client, editor):
    claim = claim_of("Alt.", editor)
    client.force_login(editor)
    response = client.post(
        reverse("claims:update", args=[claim.pk]),
        {"wording": "", "status": "maybe", "version": 1},
        headers=HTMX,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "Select a valid choice." in html


def test_unknown_attribution_is_refused_for_reviewers_and_added_for_editors(
    client, editor, reviewer
):
    claim = claim_of("Alt.", editor)
    client.force_login(editor)
    data = {"wording": "Alt.", "status": "unverified", "attribution": "Neue Quelle", "version": 1}
    assert (
        client.post(reverse("claims:update", args=[claim.pk]), data, headers=HTMX).status_code
        == 200
    )
    claim.refresh_from_db()
    assert claim.attributed_source == Source.objects.get(name="Neue Quelle")
    assert claim.attributed_source.needs_review


def test_suggestions_accept_and_dismiss(client, editor, articles, labels, putin):
    article = articles["000"]
    client.force_login(editor)
    url = reverse("claims:suggestions", args=[article.pk])
    html = client.get(url, headers=HTMX).content.decode()
    assert 'id="claim-suggestions"' in html
    assert "<html" not in html
    assert "Putin bestritt jedoch" in html
    start = article.body.index(QUOTE)
    span = {"start": start, "end": start + len(QUOTE)}
    response = client.post(
        reverse("claims:suggestion-accept", args=[article.pk]), span, headers=HTMX
    )
    assert response.status_code == 200
    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.label, annotation.author) == (
        QUOTE,
        labels["claim"],
        editor,
    )
    claim = annotation.claim_appearance.claim
    assert claim.wording == QUOTE
    assert claim.attributed_entity is not None
    assert claim.attributed_entity.name == "Wladimir Putin"
    body = response.content.decode()
    assert 'id="annotation-list"' in body
    assert 'hx-swap-oob="outerHTML"' in body
    assert "Putin bestritt jedoch" not in body.split('id="annotation-list"')[0]
    # The new highlight comes in the blocks of text it lies in, not the whole text.
    assert 'id="article-text"' not in body
    assert f'data-ids="{annotation.pk}"' in body.split('hx-swap-oob="true"', 1)[1]

    figure = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan."
    start = article.body.index(figure)
    dismiss = {"start": start, "end": start + len(figure)}
    response = client.post(
        reverse("claims:suggestion-dismiss", args=[article.pk]), dismiss, headers=HTMX
    )
    assert figure not in response.content.decode()
    assert DismissedSuggestion.objects.filter(article=article, sentence=figure).exists()
    assert figure not in client.get(url, headers=HTMX).content.decode()
    # What is no longer offered cannot be accepted.
    response = client.post(
        reverse("claims:suggestion-accept", args=[article.pk]), dismiss, headers=HTMX
    )
    assert response.status_code == 409
    assert "no longer offered" in response.content.decode()


def test_workspace_lists_the_claim_keys_and_panels(client, editor, articles, make_annotation):
    make_annotation(articles["000"], editor, QUOTE)
    client.force_login(editor)
    html = client.get(
        articles["000"].get_absolute_url(), headers={"Accept-Language": "en"}
    ).content.decode()
    assert 'id="claim-suggestions-toggle"' in html
    assert 'class="claim-link"' in html
    assert "<kbd>c</kbd>" in html
    assert "<kbd>s</kbd>" in html
    assert "js/claims.js" in html


def test_claim_posts_need_the_csrf_token(editor, articles, make_annotation):
    annotation = make_annotation(articles["000"], editor, QUOTE)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("claims:make", args=[annotation.pk])
    data = {"wording": "X", "attribution": ""}
    assert client.post(url, data, headers=HTMX).status_code == 403
    assert not Claim.objects.exists()
    client.get(articles["000"].get_absolute_url())
    token = client.cookies["csrftoken"].value
    response = client.post(url, data, headers={**HTMX, "X-CSRFToken": token})
    assert response.status_code == 200
    assert Claim.objects.count() == 1


def test_admins_see_the_history_in_the_django_admin(client, admin_user, editor):
    claim = claim_of("Die Raketen explodierten nahe.", editor)
    client.force_login(admin_user)
    response = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert response.status_code == 200
    assert "Die Raketen explodierten nahe." in response.content.decode()
