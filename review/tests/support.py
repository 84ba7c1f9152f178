"""The annotated set the review, export and import tests read, built through the services."""

from pathlib import Path

from django.contrib.auth.models import User

from annotations.models import Annotation, Label
from annotations.services import annotation_delete
from annotations.tests.support import annotate
from articles.models import Article
from ingest.pipeline import files_import

EMOJI_TEXT = (
    "Berlin (dpa) – Die Reaktion im Netz 🚀 kam schnell: «Das ist 😀 unglaublich», schrieb "
    "ein Nutzer. Der Kurs stieg um 12,5 Prozent.\n"
)


def a_sentence(article: Article) -> str:
    return article.body[:40]


def build_export_set(
    seeds_dir: Path, tmp_path: Path, editor: User, other_editor: User
) -> dict[str, object]:
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

    def make(
        article: Article,
        author: User,
        quote: str,
        label: str,
        *,
        note: str = "",
        sources: tuple[str, ...] | list[str] = (),
    ) -> Annotation:
        return annotate(article, author, quote, label=labels[label], note=note, sources=sources)

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
    deleted = annotation_delete(annotation=make(a0, editor, "Tadschikistan", "claim"), user=editor)
    orphan = make(articles["001"], editor, a_sentence(articles["001"]), "claim")
    # Orphaned is what re-anchoring leaves when a revision drops the quote; this set keeps
    # the article's text, so the flag is set directly.
    Annotation.objects.filter(pk=orphan.pk).update(is_orphaned=True)
    # Only the status the export filters on; a review decision would add rows that the
    # export and import tests do not expect.
    Annotation.objects.filter(pk=made[1].pk).update(status=Annotation.Status.ACCEPTED)
    return {
        "labels": labels,
        "annotations": made,
        "excluded": [deleted, orphan],
        "articles": articles,
        "emoji": emoji_article,
    }


def build_two_versions(article: Article, editor: User, other_editor: User) -> dict[str, Annotation]:
    """Two editors' versions of seed 000 (labels from `annotations.tests.support.labels_create`):
    one matching pair (same label, overlapping words), one place with different labels,
    one place only the other editor marked."""
    claim = Label.objects.get(name="Behauptung")
    quote = Label.objects.get(name="Zitat")
    return {
        "erika_putin": annotate(article, editor, "Kremlchef Wladimir Putin", label=claim),
        "otto_putin": annotate(article, other_editor, "Wladimir Putin", label=claim),
        "erika_dead": annotate(article, editor, "38 Menschen starben", label=claim),
        "otto_dead": annotate(article, other_editor, "38 Menschen starben", label=quote),
        "otto_place": annotate(article, other_editor, "Tadschikistan", label=quote),
    }
