"""Adjudication: two editors' versions of an article side by side, merged into one reviewed
set by a reviewer (the selector, the services and the screen with its actions)."""

import csv
import io

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.tests.support import annotate
from articles.models import Article
from ingest.pipeline import files_import
from review import adjudication
from review.adjudication import AdjudicationInputError, article_adjudication
from review.models import ReviewDecision
from review.services import AlreadyDecided, unit_accept, unit_merge, version_accept
from review.tests.support import build_two_versions

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "adjudication"}


@pytest.fixture
def versions(article, editor, other_editor, labels):
    return build_two_versions(article, editor, other_editor)


def screen(article, **query):
    return reverse("review:adjudicate", args=[article.pk]) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def action(name, article):
    return reverse(f"review:adjudicate-{name}", args=[article.pk])


def status_of(annotation):
    annotation.refresh_from_db()
    return annotation.status


# The selector ---------------------------------------------------------------------------


def test_versions_are_aligned_by_place_with_matches_and_differences(article, versions):
    found = article_adjudication(article)
    assert found.shown == ["erika", "otto"]
    rows = [
        ([cell.exact if cell else None for cell in unit.cells], unit.agreed) for unit in found.units
    ]
    assert rows == [
        (["Kremlchef Wladimir Putin", "Wladimir Putin"], True),
        ([None, "Tadschikistan"], False),
        (["38 Menschen starben", "38 Menschen starben"], False),
    ]
    merge = found.units[0].merge_group
    assert merge == [versions["erika_putin"], versions["otto_putin"]]
    assert found.units[2].merge_group == []


def test_only_the_differences_and_one_editor(article, versions):
    differences = article_adjudication(article, differences_only=True)
    assert [unit.key for unit in differences.units] == [
        versions["otto_place"].pk,
        versions["erika_dead"].pk,
    ]
    otto = article_adjudication(article, editors=["otto"])
    assert otto.shown == ["otto"]
    assert [unit.cells[0].exact for unit in otto.units] == [
        "Wladimir Putin",
        "Tadschikistan",
        "38 Menschen starben",
    ]
    with pytest.raises(AdjudicationInputError, match="nobody"):
        article_adjudication(article, editors=["nobody"])


# The services ---------------------------------------------------------------------------


def test_merge_keeps_one_and_rejects_the_duplicate(article, versions, reviewer):
    unit = article_adjudication(article).units[0]
    decisions = unit_merge(
        annotation=versions["erika_putin"], group=unit.merge_group, reviewer=reviewer
    )
    assert [(d.annotation_id, d.kind) for d in decisions] == [
        (versions["erika_putin"].pk, ReviewDecision.Kind.ACCEPT),
        (versions["otto_putin"].pk, ReviewDecision.Kind.REJECT),
    ]
    assert decisions[1].comment == (
        f"Abgleich: zusammengeführt in die Annotation {versions['erika_putin'].pk} von erika "
        "(gleiche Stelle, gleiches Label)."
    )
    assert status_of(versions["otto_putin"]) == Annotation.Status.REJECTED


def test_accepting_with_another_label_corrects_and_rejects_the_other_version(
    article, versions, reviewer, labels
):
    unit, keep = article_adjudication(article).find(versions["otto_dead"].pk)
    decisions = unit_accept(
        keep=keep,
        version=keep.version,
        unit=unit.annotations,
        reviewer=reviewer,
        label=labels["claim"],
    )
    assert [d.kind for d in decisions] == [ReviewDecision.Kind.CORRECT, ReviewDecision.Kind.REJECT]
    keep.refresh_from_db()
    assert (keep.status, keep.label) == (Annotation.Status.ACCEPTED, labels["claim"])
    assert status_of(versions["erika_dead"]) == Annotation.Status.REJECTED
    with pytest.raises(AlreadyDecided, match="schon entschieden"):
        unit_accept(keep=keep, version=keep.version, unit=unit.annotations, reviewer=reviewer)


def test_a_whole_version_is_accepted_where_its_editor_marked_something(article, versions, reviewer):
    places = article_adjudication(article).editor_places("erika")
    decisions = version_accept(places=places, reviewer=reviewer)
    assert len(decisions) == 4
    statuses = {name: status_of(annotation) for name, annotation in versions.items()}
    assert statuses == {
        "erika_putin": "accepted",
        "otto_putin": "rejected",
        "erika_dead": "accepted",
        "otto_dead": "rejected",
        "otto_place": "pending",  # erika marked nothing there: still to decide
    }
    with pytest.raises(AlreadyDecided):
        version_accept(
            places=article_adjudication(article).editor_places("erika"), reviewer=reviewer
        )


# The screen -----------------------------------------------------------------------------


def test_the_screen_shows_each_version_as_text(client, reviewer, article, versions):
    client.force_login(reviewer)
    response = client.get(screen(article))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("erika", "otto"):
        assert f'<span class="editor-name">{name}</span>' in html
    assert "<mark>Kremlchef Wladimir Putin</mark>" in html
    assert "<mark>Tadschikistan</mark>" in html
    assert f'id="span-{versions["otto_dead"].pk}"' in html
    assert "2 gleiche zusammenführen (die von erika behalten)" in html
    assert html.count('class="badge badge-differs"') == 2


def test_the_screen_reads_a_fixed_number_of_queries(
    client, reviewer, article, versions, other_editor, labels, django_assert_num_queries
):
    client.force_login(reviewer)
    client.get(screen(article))  # sessions and permissions cached as on any later page

    def count() -> int:
        with django_assert_num_queries(QUERIES) as captured:
            client.get(screen(article))
        return len(captured)

    assert count() == QUERIES
    for word in ("Aliyev", "Kasachstan", "Baku", "Handel"):
        annotate(article, other_editor, word, label=labels["quote"])
    assert count() == QUERIES


# Session, user, the user's and the groups' permissions, article, annotations (with
# labels and authors), active labels, the inbox's unread count: however many annotations.
QUERIES = 8


def test_merge_by_htmx_answers_with_the_screen_and_an_announcement(
    client, reviewer, article, versions
):
    client.force_login(reviewer)
    response = client.post(
        action("merge", article), {"annotation": versions["erika_putin"].pk}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="announcer" hx-swap-oob="innerHTML">2 Entscheidungen gespeichert.' in html
    assert f'id="unit-{versions["erika_putin"].pk}" class="unit" tabindex="-1" data-focus' in html
    assert status_of(versions["otto_putin"]) == Annotation.Status.REJECTED


def test_accept_without_htmx_redirects_to_the_place(client, reviewer, article, versions):
    client.force_login(reviewer)
    otto = versions["otto_dead"]
    response = client.post(
        action("accept", article) + "?show=differences",
        {"annotation": otto.pk, "version": otto.version, "label": otto.label_id},
    )
    assert response.status_code == 303
    assert response["Location"] == (
        screen(article, show="differences") + f"#unit-{versions['erika_dead'].pk}"
    )
    assert status_of(otto) == Annotation.Status.ACCEPTED
    assert status_of(versions["erika_dead"]) == Annotation.Status.REJECTED


def test_version_accept_by_htmx(client, reviewer, article, versions):
    client.force_login(reviewer)
    response = client.post(action("version", article), {"editor": "otto"}, **HTMX)
    assert response.status_code == 200
    assert status_of(versions["otto_place"]) == Annotation.Status.ACCEPTED
    assert status_of(versions["erika_dead"]) == Annotation.Status.REJECTED
    assert "5 Entscheidungen gespeichert." in response.content.decode()


@pytest.fixture
def other_article_annotation(seeds_dir, editor, labels):
    """An annotation of another article (seed 001)."""
    list(files_import([seeds_dir / "001_9820c8e68323574d.txt"], max_bytes=10**7))
    other = Article.objects.get(origin__startswith="001")
    return annotate(other, editor, other.body[:20], label=labels["claim"])


@pytest.mark.parametrize(
    ("name", "data", "status", "says"),
    [
        ("accept", lambda v, o: {"annotation": 999999, "version": 1}, 400, "999999"),
        ("accept", lambda v, o: {"annotation": o.pk, "version": 1}, 400, "anderen Artikel"),
        ("accept", lambda v, o: {"annotation": "x", "version": 1}, 400, "annotation"),
        ("accept", lambda v, o: {"annotation": v["otto_dead"].pk, "version": 7}, 409, "inzwischen"),
        ("merge", lambda v, o: {"annotation": v["otto_place"].pk}, 400, "nichts zusammenzuführen"),
        ("version", lambda v, o: {"editor": "nobody"}, 400, "nobody"),
        ("version", lambda v, o: {}, 400, "editor"),
    ],
)
def test_bad_input_is_a_4xx_naming_it(
    client, reviewer, article, versions, other_article_annotation, name, data, status, says
):
    client.force_login(reviewer)
    payload = data(versions, other_article_annotation)
    response = client.post(action(name, article), payload, **HTMX)
    assert response.status_code == status
    html = response.content.decode()
    assert 'role="alert"' in html
    assert says in html
    assert not ReviewDecision.objects.exists()


def test_an_already_decided_annotation_is_409(client, reviewer, article, versions):
    client.force_login(reviewer)
    client.post(action("merge", article), {"annotation": versions["erika_putin"].pk}, **HTMX)
    erika = versions["erika_putin"]
    erika.refresh_from_db()
    response = client.post(
        action("accept", article), {"annotation": erika.pk, "version": erika.version}, **HTMX
    )
    assert response.status_code == 409
    assert f"Über die Annotation {erika.pk} ist schon entschieden (angenommen)" in (
        response.content.decode()
    )
    response = client.post(action("merge", article), {"annotation": erika.pk}, **HTMX)
    assert response.status_code == 409


def test_an_unknown_editor_in_the_filter_is_400(client, reviewer, article, versions):
    client.force_login(reviewer)
    response = client.get(screen(article, editor="nobody"))
    assert response.status_code == 400
    assert "Hat diesen Artikel nicht annotiert: nobody." in response.content.decode()
    assert client.get(screen(article, show="everything")).status_code == 400


def test_more_annotations_than_the_cap_are_refused_clearly(
    client, reviewer, article, versions, monkeypatch
):
    monkeypatch.setattr(adjudication, "ADJUDICATION_MAX_ANNOTATIONS", 4)
    client.force_login(reviewer)
    html = client.get(screen(article)).content.decode()
    assert "zu viele für die Gegenüberstellung" in html
    response = client.post(action("version", article), {"editor": "erika"}, **HTMX)
    assert response.status_code == 400
    assert not ReviewDecision.objects.exists()


def test_the_reviewed_set_exports_as_the_accepted_annotations(client, reviewer, article, versions):
    client.force_login(reviewer)
    client.post(action("merge", article), {"annotation": versions["erika_putin"].pk}, **HTMX)
    otto = versions["otto_dead"]
    client.post(action("accept", article), {"annotation": otto.pk, "version": 1}, **HTMX)
    html = client.get(screen(article)).content.decode()
    assert "2 angenommene Annotationen" in html
    export = reverse("review:export", args=["csv"]) + f"?article={article.pk}&amp;status=accepted"
    assert export in html
    response = client.get(export.replace("&amp;", "&"))
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert sorted((row["author"], row["exact"]) for row in rows) == [
        ("erika", "Kremlchef Wladimir Putin"),
        ("otto", "38 Menschen starben"),
    ]


def test_agreement_figures_link_to_the_spans_behind_them(client, reviewer, article, versions):
    client.force_login(reviewer)
    html = client.get(reverse("review:article", args=[article.pk])).content.decode()
    adjudicate = reverse("review:adjudicate", args=[article.pk])
    assert f'href="{adjudicate}?editor=erika&amp;editor=otto">erika – otto</a>' in html
    assert f'href="{adjudicate}?show=differences"' in html
    # The disagreements show each span's text, not its offsets, linked to its place.
    assert (
        f'<a href="{adjudicate}#span-{versions["otto_place"].pk}"><q>Tadschikistan</q></a>' in html
    )
    assert "range" not in html.split('class="disagreements"')[1].split("</table>")[0]


def test_editors_may_not_adjudicate(client, editor, article, versions):
    client.force_login(editor)
    assert client.get(screen(article)).status_code == 403
    response = client.post(action("version", article), {"editor": "erika"}, **HTMX)
    assert response.status_code == 403
    assert not ReviewDecision.objects.exists()
