import pytest
from django.urls import reverse

from annotations.models import Label
from articles.models import Article, Source
from entities.models import Entity
from ingest.pipeline import files_import


@pytest.fixture
def seeded(db, seeds_dir):
    list(files_import([seeds_dir], max_bytes=10**7))
    Entity.objects.create(name="Ilham Aliyev", kind=Entity.Kind.PERSON).aliases.create(
        name="Alijew"
    )
    Label.objects.create(name="Behauptung", name_en="Claim", key="1")


@pytest.mark.parametrize(
    "model",
    [
        "articles/source",
        "articles/article",
        "entities/entity",
        "entities/mention",
        "annotations/label",
        "annotations/annotation",
    ],
)
def test_admin_lists_load_with_search_and_filters(admin_client, seeded, model):
    url = f"/admin/{model}/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "Aliyev"}).status_code == 200


def test_article_admin_shows_body_read_only_and_revisions(admin_client, seeded):
    article = Article.objects.get(origin__startswith="000")
    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert 'name="body"' not in html  # read-only: no form field
    assert "Kremlchef Wladimir Putin" in html
    assert "Duschanbe (dpa)" in html  # the raw text of the revision inline


def test_source_admin_search_finds_aliases(admin_client, seeded):
    Source.objects.get(name="dpa").aliases.create(name="Deutsche Presse-Agentur")
    html = admin_client.get("/admin/articles/source/", {"q": "Presse-Agentur"}).content.decode()
    assert ">dpa<" in html


def test_entity_admin_filters_by_type(admin_client, seeded):
    html = admin_client.get("/admin/entities/entity/", {"kind__exact": "PER"}).content.decode()
    assert "Ilham Aliyev" in html


def test_editor_cannot_open_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/articles/source/").status_code == 302


def test_source_list_counts_published_articles_and_sorts_by_them(admin_client, seeded):
    """The "published" column counts each source's articles, and its header sorts by it."""
    counts = [source.published_articles.count() for source in Source.objects.all()]
    assert min(counts) < max(counts)

    def first_count(order: str) -> int:
        # list_display: name, kind, needs_review, published_count (column 4, from 1).
        html = admin_client.get("/admin/articles/source/", {"o": order}).content.decode()
        first_row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
        return int(first_row.split('<td class="field-published_count">', 1)[1].split("<")[0])

    assert first_count("-4") == max(counts)
    assert first_count("4") == min(counts)
