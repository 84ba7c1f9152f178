"""The annotated set every export test reads, and the selection and command shared by all formats."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from annotations.models import Annotation, Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from ingest.pipeline import files_import
from newstext.offsets import CodePointRange
from review.export.selection import Selection, SelectionForm, article_groups

EMOJI_TEXT = (
    "Berlin (dpa) – Die Reaktion im Netz 🚀 kam schnell: «Das ist 😀 unglaublich», schrieb "
    "ein Nutzer. Der Kurs stieg um 12,5 Prozent.\n"
)


def _quote(article: Article, quote: str, occurrence: int = 0) -> CodePointRange:
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(quote, start + 1)
    return CodePointRange(start, start + len(quote))


def build_export_set(seeds_dir: Path, tmp_path: Path, editor, other_editor) -> dict[str, object]:
    """Six articles (the seeds and one with emoji), two annotators, overlaps, notes, sources.

    Also one deleted and one orphaned annotation, which exports leave out.
    """
    labels = {
        "claim": Label.objects.create(name="Behauptung", name_en="Claim", key="1"),
        "quote": Label.objects.create(name="Zitat", name_en="Quote", key="2", colour="#81d4fa"),
        "number": Label.objects.create(name="Zahl", name_en="Number", key="3", colour="#a5d6a7"),
    }
    emoji = tmp_path / "emoji_article.txt"
    emoji.write_text(EMOJI_TEXT, encoding="utf-8")
    list(files_import([seeds_dir, emoji], max_bytes=10**7))
    articles = {a.origin[:3]: a for a in Article.objects.all()}
    emoji_article = Article.objects.get(origin="emoji_article.txt")

    def make(article, author, quote, label, *, note="", sources=(), occurrence=0):
        return annotation_create(
            article=article,
            author=author,
            span=_quote(article, quote, occurrence),
            content=AnnotationContent(labels[label], note, list(sources)),
        )

    a0 = articles["000"]
    made = [
        make(a0, editor, "Kremlchef Wladimir Putin", "claim", sources=["dpa", "Kreml"]),
        make(a0, editor, "38 Menschen starben", "number", note="Zahl prüfen; = laut dpa"),
        make(a0, other_editor, "Kremlchef Wladimir Putin", "quote"),
        make(a0, other_editor, "Wladimir Putin hat mehr als neun Monate", "claim"),
        make(a0, editor, "«Selbstverständlich wird Russland", "quote", sources=["Putin"]),
        make(articles["003"], editor, a_sentence(articles["003"]), "claim"),
        make(emoji_article, editor, "😀 unglaublich", "quote", note="Emoji: 2 UTF-16-Einheiten"),
        make(emoji_article, other_editor, "12,5 Prozent", "number"),
    ]
    deleted = make(a0, editor, "Tadschikistan", "claim")
    Annotation.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now())
    orphan = make(articles["001"], editor, a_sentence(articles["001"]), "claim")
    Annotation.objects.filter(pk=orphan.pk).update(is_orphaned=True)
    Annotation.objects.filter(pk=made[1].pk).update(status=Annotation.Status.ACCEPTED)
    return {
        "labels": labels,
        "annotations": made,
        "excluded": [deleted, orphan],
        "articles": articles,
        "emoji": emoji_article,
    }


def a_sentence(article: Article) -> str:
    return article.body[:40]


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def test_groups_hold_every_live_placed_annotation_once_in_text_order(export_set):
    groups = list(article_groups(Selection(), chunk_size=3))
    exported = [a.pk for g in groups for a in g.annotations]
    assert sorted(exported) == sorted(a.pk for a in export_set["annotations"])
    assert [g.article.pk for g in groups] == sorted({g.article.pk for g in groups})
    for group in groups:
        assert [a.start for a in group.annotations] == sorted(a.start for a in group.annotations)
        for a in group.annotations:
            assert group.article.body[a.start : a.end] == a.exact
    dpa_claim = next(a for g in groups for a in g.annotations if a.sources)
    assert set(dpa_claim.sources) == {"dpa", "Kreml"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"label": "Zahl"}, 2),
        ({"status": "accepted"}, 1),
        ({"author": "otto"}, 3),
        ({"source": "KREML"}, 1),
        ({"date_from": "2023-09-01"}, 1),
        ({"date_from": "2023-09-02"}, 0),
        ({"date_to": "2023-12-31"}, 1),
    ],
)
def test_filters(export_set, params, expected):
    form = SelectionForm(params)
    assert form.is_valid(), form.errors
    assert sum(len(g.annotations) for g in article_groups(form.selection())) == expected


def test_article_filter(export_set):
    article = export_set["emoji"]
    form = SelectionForm({"article": str(article.pk)})
    assert form.is_valid()
    assert [g.article.pk for g in article_groups(form.selection())] == [article.pk]


@pytest.mark.parametrize(
    "params",
    [
        {"label": "Unbekannt"},
        {"author": "nobody"},
        {"source": "Niemand"},
        {"status": "maybe"},
        {"date_from": "2025-13-01"},
        {"date_from": "2025-02-01", "date_to": "2025-01-01"},
    ],
)
def test_bad_filters_are_refused(export_set, params):
    assert not SelectionForm(params).is_valid()


def test_command_writes_the_file(export_set, tmp_path):
    output = tmp_path / "set.jsonl"
    call_command("export_annotations", "--format", "doccano", "--label", "Zitat", "-o", output)
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2


def test_command_refuses_bad_filters_and_writes_nothing(export_set, tmp_path):
    output = tmp_path / "set.csv"
    with pytest.raises(CommandError, match="Nope"):
        call_command("export_annotations", "--format", "csv", "--label", "Nope", "-o", output)
    assert not output.exists()


def test_command_writes_to_standard_output(export_set, capfdbinary):
    call_command("export_annotations", "--format", "csv", "--author", "otto", "-o", "-")
    out = capfdbinary.readouterr().out.decode("utf-8-sig")
    assert len(out.splitlines()) == 4


@pytest.mark.django_db(transaction=True)
def test_export_outside_a_transaction_reads_in_its_own(seeds_dir, tmp_path, editor, other_editor):
    # As in production: no test transaction around it (on PostgreSQL: REPEATABLE READ).
    build_export_set(seeds_dir, tmp_path, editor, other_editor)
    output = tmp_path / "set.csv"
    call_command("export_annotations", "--format", "csv", "-o", output)
    assert len(output.read_text(encoding="utf-8-sig").splitlines()) == 9


def test_story_filter_follows_the_story_membership(export_set, editor):
    from stories.models import Story
    from stories.services import story_article_add, story_article_remove

    a0, a3 = export_set["articles"]["000"], export_set["articles"]["003"]
    story = Story.objects.create(title="Absturz der AZAL-Maschine")
    for article in (a0, a3):
        story_article_add(story=story, article=article, user=editor)

    def exported(story_id):
        form = SelectionForm({"story": str(story_id)})
        assert form.is_valid(), form.errors
        return sorted(a.pk for g in article_groups(form.selection()) for a in g.annotations)

    def annotations_of(*articles):
        return sorted(
            a.pk for a in export_set["annotations"] if a.article_id in {x.pk for x in articles}
        )

    assert exported(story.pk) == annotations_of(a0, a3)
    story_article_remove(story=story, article=a3, user=editor)
    assert exported(story.pk) == annotations_of(a0)


def test_unknown_story_is_refused_by_name(export_set, tmp_path):
    form = SelectionForm({"story": "999999"})
    assert not form.is_valid()
    assert "story" in form.errors
    output = tmp_path / "x.csv"
    with pytest.raises(CommandError, match=r"^story: \S"):  # the field, then the reason
        call_command("export_annotations", "--format", "csv", "--story", "999999", "-o", output)
    assert not output.exists()
