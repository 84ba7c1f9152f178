"""Annotation history: every write recorded with its user, shown on demand on the card."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from annotations.models import Annotation
from annotations.reanchoring import annotations_reanchor
from annotations.tests.support import annotate, selection
from articles.models import Source
from review.services import annotation_review

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
HTMX = {"HX-Request": "true", "Accept-Language": "en"}


def history_of(annotation):
    """(type, user name, reason) of every record, oldest first."""
    return [
        (
            r.history_type,
            r.history_user.username if r.history_user else None,
            r.history_change_reason,
        )
        for r in annotation.history.order_by("history_date", "history_id")
    ]


@pytest.fixture
def edited(client, editor, reviewer, article, labels):
    """An annotation its author created, edited, deleted and restored, then a reviewer accepted."""
    Source.objects.create(name="Kreml", kind=Source.Kind.INSTITUTION)
    client.force_login(editor)
    data = {**selection(article, QUOTE), "label": labels["claim"].pk, "note": "Opferzahl"}
    client.post(
        reverse("annotations:create", args=[article.pk]), {**data, "sources": "Kreml"}, headers=HTMX
    )
    annotation = Annotation.objects.get()
    client.post(
        reverse("annotations:update", args=[annotation.pk]),
        {"label": labels["quote"].pk, "note": "geprüft", "sources": "dpa", "version": 1},
        headers=HTMX,
    )
    client.post(reverse("annotations:delete", args=[annotation.pk]), headers=HTMX)
    client.post(reverse("annotations:restore", args=[annotation.pk]), headers=HTMX)
    annotation.refresh_from_db()
    annotation_review(
        annotation=annotation, reviewer=reviewer, kind="accept", version=annotation.version
    )
    return annotation


def test_every_write_is_recorded_once_with_its_user_and_reason(edited):
    assert history_of(edited) == [
        ("+", "erika", None),
        ("~", "erika", None),
        ("~", "erika", "Deleted (can be restored)"),
        ("~", "erika", "Restored"),
        ("~", "rita", "Reviewed"),
    ]


def test_records_keep_the_state_before_and_after(edited):
    created, updated, deleted, restored, reviewed = edited.history.order_by(
        "history_date", "history_id"
    )
    assert [s.source.name for s in created.sources.all()] == ["Kreml"]
    assert [s.source.name for s in updated.sources.all()] == ["dpa"]
    assert (created.note, updated.note) == ("Opferzahl", "geprüft")
    assert deleted.deleted_at is not None
    assert restored.deleted_at is None
    assert (restored.status, reviewed.status) == ("pending", "accepted")


def test_history_fragment_shows_who_changed_what(client, edited, editor):
    client.force_login(editor)
    response = client.get(reverse("annotations:history", args=[edited.pk]), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    rows = re.findall(
        r"<tr><th scope=\"row\">(.*?)</th><td><del>(.*?)</del></td><td><ins>(.*?)</ins></td></tr>",
        html,
    )
    assert ("Note", "Opferzahl", "geprüft") in rows
    assert ("Label", "Claim", "Quote") in rows  # the labels' English names, in English
    assert ("Attributed to", "Kreml", "dpa") in rows
    assert ("Review status", "pending review", "accepted") in rows
    assert ("Reviewed by", "—", "rita") in rows
    assert "Version" not in html  # bookkeeping is left out
    assert html.count('class="history-entry"') == 5
    assert "Deleted (can be restored)" in html
    assert "Restored" in html
    assert html.index("rita") < html.index("Created")  # newest first


def test_history_fragment_is_german_by_default(client, edited, editor):
    client.force_login(editor)
    html = client.get(reverse("annotations:history", args=[edited.pk])).content.decode()
    assert "Gelöscht (wiederherstellbar)" in html
    assert "Vorher" in html
    assert "Nachher" in html


def test_history_fragment_is_for_those_who_may_see_the_annotation(
    client, edited, other_editor, reviewer
):
    url = reverse("annotations:history", args=[edited.pk])
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(other_editor)
    assert client.get(url, headers=HTMX).status_code == 403
    client.force_login(reviewer)
    assert client.get(url, headers=HTMX).status_code == 200
    assert client.post(url, headers=HTMX).status_code == 405


def test_workspace_cards_offer_history_without_loading_it(client, editor, article, make_annotation):
    annotation = make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    html = client.get(
        article.get_absolute_url(), headers={"Accept-Language": "en"}
    ).content.decode()
    assert f'hx-get="{reverse("annotations:history", args=[annotation.pk])}"' in html
    assert 'class="history-entry"' not in html


def test_reanchoring_is_recorded_as_a_system_change(editor, article, make_annotation):
    annotation = make_annotation(article, editor, QUOTE)
    untouched_before = annotation.history.count()
    old_body = article.body
    article.body = "Vorweg ein neuer Satz. " + old_body
    annotations_reanchor(article=article, old_body=old_body)
    record = annotation.history.latest("history_date")
    assert annotation.history.count() == untouched_before + 1
    assert (record.history_user, record.history_change_reason) == (
        None,
        "Re-anchored to a new revision of the article",
    )
    assert record.start == annotation.start + len("Vorweg ein neuer Satz. ")


def test_admin_deletes_softly_and_restores_with_history(
    client, admin_user, editor, article, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE)
    client.force_login(admin_user)
    changelist = reverse("admin:annotations_annotation_changelist")
    client.post(changelist, {"action": "soft_delete", "_selected_action": [annotation.pk]})
    annotation.refresh_from_db()
    assert annotation.deleted_at is not None
    client.post(changelist, {"action": "restore", "_selected_action": [annotation.pk]})
    annotation.refresh_from_db()
    assert annotation.deleted_at is None
    assert [(t, u, r) for t, u, r in history_of(annotation)][-2:] == [
        ("~", "ada", "Deleted (can be restored)"),
        ("~", "ada", "Restored"),
    ]
    delete_url = reverse("admin:annotations_annotation_delete", args=[annotation.pk])
    assert client.get(delete_url).status_code == 403
    history_url = reverse("admin:annotations_annotation_history", args=[annotation.pk])
    assert "Restored" in client.get(history_url, headers={"Accept-Language": "en"}).content.decode()
    old = annotation.history.earliest("history_date")
    old_url = reverse("admin:annotations_annotation_simple_history", args=[annotation.pk, old.pk])
    assert client.get(old_url).status_code == 200  # old versions are shown...
    assert client.post(old_url, {"note": "x"}).status_code == 403  # ...not reverted to


def test_loading_a_dump_adds_no_history(tmp_path, editor, article, labels):
    Source.objects.create(name="Kreml")
    annotation = annotate(article, editor, QUOTE, label=labels["claim"], sources=["Kreml"])
    dump = tmp_path / "annotations.json"
    call_command("dumpdata", "annotations", output=str(dump), verbosity=0)
    records = annotation.history.count()
    Annotation.sources.through.objects.all().delete()
    call_command("loaddata", str(dump), verbosity=0)
    assert [s.name for s in annotation.sources.all()] == ["Kreml"]
    assert annotation.history.count() == records
