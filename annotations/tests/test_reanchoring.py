"""A changed re-import moves annotations and mentions; orphans are listed and re-attached."""

from pathlib import Path

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.services import REASON_REATTACHED
from annotations.tests.support import selection
from articles.importing import ImportStatus
from articles.models import Article
from entities.models import Entity, Mention
from ingest.pipeline import files_import

SEED = "000_2881edf72164acbb.txt"
QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
ORPHAN = "Beide hätten seit der Katastrophe mehrfach Kontakt gehabt."
INSERTED = "Aktualisiert am Abend. "
HTMX = {"HX-Request": "true", "Accept-Language": "en"}


def reimport(seeds_dir: Path, tmp_path: Path, change) -> Article:
    """Import a changed copy of the seed under its own name: a new revision."""
    changed = tmp_path / SEED
    changed.write_text(change((seeds_dir / SEED).read_text("utf-8")), "utf-8")
    [report] = files_import([changed], max_bytes=10**7)
    assert report.status is ImportStatus.REVISED, report
    return Article.objects.get(origin=SEED)


def revised(text: str) -> str:
    """Text inserted before everything, a number edited, one sentence deleted."""
    text = text.replace("Duschanbe (dpa) – ", "Duschanbe (dpa) – " + INSERTED, 1)
    return text.replace("38 Menschen", "39 Menschen").replace(" " + ORPHAN, "")


@pytest.fixture
def orphaned(article, editor, make_annotation, seeds_dir, tmp_path):
    kept = make_annotation(article, editor, "Kremlchef Wladimir Putin")
    edited = make_annotation(article, editor, QUOTE, label="quote")
    lost = make_annotation(article, editor, ORPHAN)
    new = reimport(seeds_dir, tmp_path, revised)
    for annotation in (kept, edited, lost):
        annotation.refresh_from_db()
    return new, kept, edited, lost


def test_reimport_moves_annotations_and_orphans_the_lost_one(orphaned):
    article, kept, edited, lost = orphaned
    assert article.body[kept.start : kept.end] == "Kremlchef Wladimir Putin"
    assert article.body[edited.start : edited.end] == QUOTE.replace("38", "39")
    assert (kept.is_orphaned, edited.is_orphaned) == (False, False)
    assert lost.is_orphaned
    assert lost.exact == ORPHAN


def test_reanchoring_is_in_each_annotations_history(orphaned):
    _, kept, _, lost = orphaned
    assert kept.history.first().history_change_reason.startswith("Re-anchored")
    assert kept.history.first().history_user is None
    assert lost.history.first().is_orphaned


def test_mentions_move_with_the_text_and_vanish_with_their_words(
    article, editor, seeds_dir, tmp_path
):
    putin = Entity.objects.create(name="Wladimir Putin", kind=Entity.Kind.PERSON)
    place = Entity.objects.create(name="Kasachstan", kind=Entity.Kind.PLACE)
    aliyev = Entity.objects.create(name="Ilham Aliyev", kind=Entity.Kind.PERSON)

    def mention(entity, words, **fields):
        start = article.body.index(words)
        return Mention.objects.create(
            article=article,
            entity=entity,
            start=start,
            end=start + len(words),
            surface=words,
            **fields,
        )

    confirmed = mention(putin, "Wladimir Putin", decision=Mention.Decision.CONFIRMED)
    automatic = mention(place, "Kasachstan")
    gone = mention(aliyev, "Präsident Ilham Aliyev")
    new = reimport(
        seeds_dir, tmp_path, lambda t: revised(t).replace("Präsident Ilham Aliyev", "Aliyev")
    )
    confirmed.refresh_from_db()
    automatic.refresh_from_db()
    assert new.body[confirmed.start : confirmed.end] == "Wladimir Putin"
    assert confirmed.start == article.body.index("Wladimir Putin") + len(INSERTED)
    assert confirmed.decision == Mention.Decision.CONFIRMED
    assert new.body[automatic.start : automatic.end] == "Kasachstan"
    assert not Mention.objects.filter(pk=gone.pk).exists()


# The orphaned section of the workspace and re-attaching ---------------------------------


def reattach(client, annotation, article, words, *, version=None, headers=HTMX):
    data = {**selection(article, words), "version": version or annotation.version}
    url = reverse("annotations:reattach", args=[annotation.pk])
    return client.post(url, data, headers=headers)


def assert_still_orphaned(annotation, response, status, reason):
    """The re-attach was refused with `status` and `reason`; the annotation is orphaned still."""
    assert response.status_code == status
    assert reason in response.text
    annotation.refresh_from_db()
    assert annotation.is_orphaned


def test_workspace_lists_orphans_with_their_old_quote(client, editor, orphaned):
    article, _, _, lost = orphaned
    client.force_login(editor)
    html = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"}).text
    assert "Orphaned annotations" in html
    assert f'id="orphaned-{lost.pk}"' in html
    assert ORPHAN in html
    assert "Re-attach here" in html
    assert f'"X-Article-Hash": "{article.content_hash}"' in html


def test_author_reattaches_an_orphan_to_the_selected_words(client, editor, orphaned):
    article, _, _, lost = orphaned
    client.force_login(editor)
    words = "Er habe keine Zweifel gehabt"
    response = reattach(client, lost, article, words)

    assert response.status_code == 200
    lost.refresh_from_db()
    assert not lost.is_orphaned
    assert article.body[lost.start : lost.end] == words == lost.exact
    assert lost.version == 2
    assert lost.history.first().history_change_reason == REASON_REATTACHED
    assert lost.history.first().history_user == editor
    assert f"orphaned-{lost.pk}" not in response.text
    assert f'data-ids="{lost.pk}"' in response.text


def test_reattach_needs_a_selection_that_matches_the_text(client, editor, orphaned):
    _article, _, _, lost = orphaned
    client.force_login(editor)
    data = {"start": 0, "end": 5, "exact": "nicht", "version": lost.version}
    response = client.post(reverse("annotations:reattach", args=[lost.pk]), data, headers=HTMX)
    assert response.status_code == 400
    assert "does not match the article" in response.text
    response = client.post(
        reverse("annotations:reattach", args=[lost.pk]), {"version": 1}, headers=HTMX
    )
    assert_still_orphaned(lost, response, 400, "Select the words in the article first")


def test_reattach_on_a_stale_version_is_409(client, editor, orphaned):
    article, _, _, lost = orphaned
    Annotation.objects.filter(pk=lost.pk).update(version=5)
    client.force_login(editor)
    response = reattach(client, lost, article, "Zweifel", version=4)
    assert_still_orphaned(lost, response, 409, "Someone changed this annotation meanwhile")


def test_only_orphans_are_reattached(client, editor, orphaned):
    article, kept, _, _ = orphaned
    client.force_login(editor)
    response = reattach(client, kept, article, "Zweifel")
    assert response.status_code == 400
    assert "not orphaned" in response.text


def test_other_editors_may_not_reattach_but_admins_may(client, other_editor, admin_user, orphaned):
    article, _, _, lost = orphaned
    client.force_login(other_editor)
    assert reattach(client, lost, article, "Zweifel").status_code == 403
    client.force_login(admin_user)
    assert reattach(client, lost, article, "Zweifel").status_code == 200


def test_a_selection_made_on_the_old_text_gets_409_and_a_reload(
    client, editor, article, labels, seeds_dir, tmp_path
):
    shown = article.content_hash
    old_selection = selection(article, QUOTE)
    new = reimport(seeds_dir, tmp_path, revised)
    client.force_login(editor)
    headers = {**HTMX, "X-Article-Hash": shown}
    data = {**old_selection, "label": labels["claim"].pk}
    response = client.post(reverse("annotations:create", args=[new.pk]), data, headers=headers)
    assert response.status_code == 409
    assert response["HX-Refresh"] == "true"
    assert "re-imported with a changed text" in response.text
    assert not Annotation.objects.exists()
    page = client.get(new.get_absolute_url(), headers={"Accept-Language": "en"}).text
    assert "re-imported with a changed text" in page  # the message after the reload


def test_admin_lists_orphaned_annotations_by_filter(client, admin_user, orphaned):
    _, kept, _, lost = orphaned
    client.force_login(admin_user)
    url = reverse("admin:annotations_annotation_changelist")
    html = client.get(url, {"is_orphaned__exact": "1"}).text
    assert f"/{lost.pk}/change/" in html
    assert f"/{kept.pk}/change/" not in html
