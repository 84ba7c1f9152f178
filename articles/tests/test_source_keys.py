"""Issue 14, item 9: one normalisation for source and alias names, stored as `key` with a
unique constraint, the same on every database; the migration merges sources that share
a key without losing what pointed at them."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from annotations.tests.support import annotate
from articles.models import Article, Source, SourceAlias
from ingest.models import Feed
from ingest.pipeline import files_import

EN = {"Accept-Language": "en"}
BEFORE = [("articles", "0010_editors_change_article")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets or executor.loader.graph.leaf_nodes())


def test_saving_a_source_stores_its_key(db) -> None:
    source = Source.objects.create(name="İSTANBUL  Post")
    assert Source.objects.get(key="i̇stanbul post") == source
    source.name = "Hürriyet"
    source.save(update_fields=["name"])
    assert Source.objects.get(pk=source.pk).key == "hürriyet"


def test_an_import_naming_a_source_in_other_case_or_spacing_reuses_it(db, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Text eins über Kiel.\nQuellen: Straße  Zeitung")
    (tmp_path / "b.txt").write_text("Text zwei über Lübeck.\nQuellen: STRASSE ZEITUNG")
    list(files_import(sorted(tmp_path.iterdir()), max_bytes=10**6))
    assert Source.objects.get().name in {"Straße  Zeitung", "STRASSE ZEITUNG"}
    assert all(a.cited_sources.count() == 1 for a in Article.objects.all())


def test_an_over_long_name_imported_twice_is_one_source(db, tmp_path) -> None:
    name = "Landesamt für " + "x" * 200
    (tmp_path / "a.txt").write_text(f"Text eins über Kiel.\nQuellen: {name}")
    (tmp_path / "b.txt").write_text(f"Text zwei über Lübeck.\nQuellen: {name}")
    list(files_import(sorted(tmp_path.iterdir()), max_bytes=10**6))
    assert Source.objects.get().name == name[:200]


def test_an_editor_typing_a_known_source_in_other_case_gets_the_known_source(
    editor: User, article: Article, labels: dict[str, Label]
) -> None:
    known = Source.objects.create(name="İstanbul Post")
    annotation = annotate(
        article, editor, article.body[:30], label=labels["claim"], sources=["İSTANBUL POST"]
    )
    assert list(annotation.sources.all()) == [known]


def source_form(name: str, *aliases: str) -> dict[str, str]:
    """The admin's source form as posted: the name, kind agency and new aliases."""
    form = {
        "name": name,
        "kind": "agency",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": "0",
    }
    return form | {f"aliases-{index}-name": alias for index, alias in enumerate(aliases)}


def test_admin_refuses_a_second_source_of_the_same_key_with_a_message(
    client: Client, admin_user: User
) -> None:
    Source.objects.create(name="dpa")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:articles_source_add"),
        source_form("DPA"),
        headers=EN,
    )
    assert response.status_code == 200
    assert "The source “dpa” has this name already." in response.content.decode()
    assert Source.objects.count() == 1


def test_admin_refuses_an_alias_that_names_another_source(client: Client, admin_user: User) -> None:
    Source.objects.create(name="Reuters")
    dpa = Source.objects.create(name="dpa")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:articles_source_change", args=[dpa.pk]),
        source_form("dpa", "REUTERS"),
        headers=EN,
    )
    assert response.status_code == 200
    assert "“Reuters” is the name of a source." in response.content.decode()
    assert not SourceAlias.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_merges_sources_sharing_a_key_and_keeps_their_links(
    editor: User, article: Article, labels: dict[str, Label]
) -> None:
    first = annotate(article, editor, article.body[:30], label=labels["claim"])
    second = annotate(article, editor, article.body[40:70], label=labels["claim"])
    try:
        old = migrate(BEFORE).apps
        OldSource = old.get_model("articles", "Source")
        OldAlias = old.get_model("articles", "SourceAlias")
        OldAnnotation = old.get_model("annotations", "Annotation")
        OldFeed = old.get_model("ingest", "Feed")
        # LOWER() tells these apart on both databases; a reader does not.
        kept = OldSource.objects.create(name="Straße Zeitung")
        merged = OldSource.objects.create(name="STRASSE ZEITUNG")
        OldAlias.objects.create(source=kept, name="Straßenblatt")
        OldAlias.objects.create(source=merged, name="STRASSENBLATT")
        OldAlias.objects.create(source=merged, name="SZ-Online")
        OldAnnotation.objects.get(pk=first.pk).sources.add(kept, merged)
        OldAnnotation.objects.get(pk=second.pk).sources.add(merged)
        OldFeed.objects.create(source=merged, url="http://127.0.0.1:9/feed.xml")
    finally:
        migrate()
    source = Source.objects.get(key="strasse zeitung")
    assert source.name == "Straße Zeitung"
    assert not Source.objects.filter(name="STRASSE ZEITUNG").exists()
    assert list(first.sources.all()) == [source]
    assert list(second.sources.all()) == [source]
    assert Feed.objects.get().source == source
    assert sorted(source.aliases.values_list("name", flat=True)) == ["SZ-Online", "Straßenblatt"]
