"""Entity page and candidate queue: permissions, htmx fragments, decisions."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from entities.models import Entity, EntityCandidate, Mention
from entities.selectors import cooccurring_entities, mentions_over_time
from entities.services import mention_decide, mentions_detect

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def articles() -> list[Article]:
    items = [
        Article.objects.create(
            title="Treffen in Duschanbe",
            origin="a.txt",
            body="Kremlchef Wladimir Putin traf Präsident Ilham Aliyev in Duschanbe. "
            "Die Journalistin Nigar Hasanova berichtete.",
            content_hash="a",
        ),
        Article.objects.create(
            title="Telefonat",
            origin="b.txt",
            body="Putin entschuldigte sich bei Aliyev. Präsident Ilham Alijew dankte.",
            content_hash="b",
        ),
    ]
    mentions_detect(articles=items)
    return items


def logged_in(user: User) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_entity_page_shows_facts_kwic_cooccurrence_and_time(
    editor: User, articles: list[Article]
) -> None:
    putin = Entity.objects.get(name="Wladimir Putin")
    response = logged_in(editor).get(reverse("entities:detail", args=[putin.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Q7747" in html
    assert 'class="kwic-keyword"' in html
    assert f"/articles/{articles[0].pk}/#mention-" in html
    assert "Ilham Aliyev" in html  # co-occurring
    assert "<meter" in html
    assert 'id="entity-facts"' in html


def test_cooccurring_entities_and_mentions_per_month(editor: User, articles: list[Article]) -> None:
    Article.objects.filter(pk=articles[0].pk).update(published_on=datetime.date(2025, 9, 30))
    Article.objects.filter(pk=articles[1].pk).update(published_on=datetime.date(2025, 10, 1))
    undated = Article.objects.create(title="u", origin="c.txt", body="Putin schwieg.")
    mentions_detect(articles=[undated])
    putin = Entity.objects.get(name="Wladimir Putin")

    together = [(row["entity__name"], row["articles"]) for row in cooccurring_entities(putin)]
    assert together[0] == ("Ilham Aliyev", 2)
    assert ("Duschanbe", 1) in together
    months = [(row["month"], row["mentions"], row["articles"]) for row in mentions_over_time(putin)]
    assert months == [
        (datetime.date(2025, 9, 1), 1, 1),
        (datetime.date(2025, 10, 1), 1, 1),
        (None, 1, 1),  # undated last
    ]
    # A mention an editor rejected counts nowhere.
    mention_decide(mention=Mention.objects.get(article=undated), decision="rejected", user=editor)
    assert [row["month"] for row in mentions_over_time(putin)][-1] is not None


def test_entity_page_queries_do_not_grow_with_mentions(
    editor: User, articles: list[Article], django_assert_max_num_queries
) -> None:
    putin = Entity.objects.get(name="Wladimir Putin")
    client = logged_in(editor)
    with django_assert_max_num_queries(14):
        client.get(reverse("entities:detail", args=[putin.pk]))


def test_mentions_page_fragment_for_htmx(editor: User, articles: list[Article]) -> None:
    putin = Entity.objects.get(name="Wladimir Putin")
    response = logged_in(editor).get(
        reverse("entities:detail", args=[putin.pk]), HTTP_HX_TARGET="entity-mentions", **HTMX
    )
    html = response.content.decode()
    assert 'id="entity-mentions"' in html
    assert "<html" not in html


def test_editor_sets_the_external_id(editor: User, articles: list[Article]) -> None:
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    url = reverse("entities:external_id", args=[aliyev.pk])
    response = logged_in(editor).post(url, {"external_id": "Q33082"}, **HTMX)
    assert 'id="entity-facts"' in response.content.decode()
    assert "<html" not in response.content.decode()
    aliyev.refresh_from_db()
    assert aliyev.external_id == "Q33082"
    bad = logged_in(editor).post(url, {"external_id": "<script>"}, **HTMX)
    assert bad.status_code == 200
    assert 'role="alert"' in bad.content.decode()


def test_reviewer_reads_but_does_not_edit_or_decide(
    reviewer: User, articles: list[Article]
) -> None:
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    client = logged_in(reviewer)
    assert client.get(reverse("entities:detail", args=[aliyev.pk])).status_code == 200
    url = reverse("entities:external_id", args=[aliyev.pk])
    assert client.post(url, {"external_id": "Q1"}).status_code == 403
    assert client.get(reverse("entities:candidates")).status_code == 403
    candidate = EntityCandidate.objects.first()
    assert candidate is not None
    decide = reverse("entities:candidate_decide", args=[candidate.pk])
    assert client.post(decide, {"decision": "reject"}).status_code == 403


def test_anonymous_is_sent_to_login(client: Client, articles: list[Article]) -> None:
    response = client.get(reverse("entities:candidates"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_queue_lists_candidates_with_evidence_and_keys(
    editor: User, articles: list[Article]
) -> None:
    response = logged_in(editor).get(reverse("entities:candidates"))
    html = response.content.decode()
    assert "Nigar Hasanova" in html
    assert "Alijew" in html
    assert "Jaro-Winkler" in html
    assert 'data-key="n"' in html
    assert "js/entities.js" in html
    assert "<script>" not in html


def test_deciding_returns_the_row_and_never_proposes_a_rejected_name_again(
    editor: User, articles: list[Article]
) -> None:
    client = logged_in(editor)
    hasanova = EntityCandidate.objects.get(name="Nigar Hasanova")
    url = reverse("entities:candidate_decide", args=[hasanova.pk])
    response = client.post(url, {"decision": "reject"}, **HTMX)
    html = response.content.decode()
    assert f'id="candidate-{hasanova.pk}"' in html
    assert "<html" not in html
    assert "Nigar Hasanova" not in client.get(reverse("entities:candidates")).content.decode()
    again = client.post(url, {"decision": "new"}, **HTMX)
    assert "already decided" in again.content.decode()


def test_accepting_as_alias_of_the_proposed_entity(editor: User, articles: list[Article]) -> None:
    alijew = EntityCandidate.objects.get(name="Alijew")
    url = reverse("entities:candidate_decide", args=[alijew.pk])
    response = logged_in(editor).post(url, {"decision": "alias", "entity": "ilham aliyev"}, **HTMX)
    assert "Accepted" in response.content.decode()
    # Seed 004 says "Präsident Ilham Alijew": the given name belongs to the mention.
    assert Mention.objects.filter(surface="Ilham Alijew", method="alias").exists()
    assert not Mention.objects.filter(method="fuzzy").exists()
    assert Entity.objects.get(name="Ilham Aliyev").aliases.filter(name="Alijew").exists()


def test_alias_of_an_unknown_entity_is_an_error_shown_in_the_row(
    editor: User, articles: list[Article]
) -> None:
    alijew = EntityCandidate.objects.get(name="Alijew")
    url = reverse("entities:candidate_decide", args=[alijew.pk])
    response = logged_in(editor).post(url, {"decision": "alias", "entity": "Nobody"}, **HTMX)
    assert response.status_code == 200
    assert "No entity is called" in response.content.decode()
    assert EntityCandidate.objects.get(pk=alijew.pk).status == "open"


def test_entity_list_searches_names_and_aliases(editor: User, articles: list[Article]) -> None:
    client = logged_in(editor)
    html = client.get(reverse("entities:list"), {"q": "alijev"}).content.decode()
    assert "Ilham Aliyev" in html
    assert "Wladimir Putin" not in html
    fragment = client.get(
        reverse("entities:list"), {"q": "put"}, HTTP_HX_TARGET="entity-results", **HTMX
    )
    assert 'id="entity-results"' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_editor_confirms_or_rejects_a_mention_on_the_entity_page(
    editor: User, articles: list[Article]
) -> None:
    client = logged_in(editor)
    mention = Mention.objects.filter(entity__name="Wladimir Putin").first()
    assert mention is not None
    url = reverse("entities:mention_decide", args=[mention.pk])
    response = client.post(url, {"decision": "rejected"}, **HTMX)
    html = response.content.decode()
    assert f'id="mention-line-{mention.pk}"' in html
    assert "<html" not in html
    mention.refresh_from_db()
    assert (mention.decision, mention.confirmed_by) == ("rejected", editor)
    mentions_detect(articles=articles)
    assert Mention.objects.get(pk=mention.pk).decision == "rejected"
    assert client.post(url, {"decision": "maybe"}).status_code == 400


def test_reviewer_cannot_decide_mentions(reviewer: User, articles: list[Article]) -> None:
    mention = Mention.objects.first()
    assert mention is not None
    url = reverse("entities:mention_decide", args=[mention.pk])
    assert logged_in(reviewer).post(url, {"decision": "confirmed"}).status_code == 403
