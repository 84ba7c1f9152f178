"""Test state for entities, built the way production builds it: imported through the
pipeline (blocks, detection), entities added as an admin adds them."""

from pathlib import Path

from articles.models import Article
from entities.models import Entity, Mention
from entities.services import mentions_detect
from ingest.pipeline import files_import

# A short dpa-like text: "Olaf Scholz" is a candidate, not a mention, until an admin adds
# the entity; detection finds nothing in "Brückenschlag Ost".
SCHOLZ_TEXT = (
    "Berlin (dpa) – Bundeskanzler Olaf Scholz hat am Montag mit Präsident Ilham Aliyev "
    "telefoniert.\n\n"
    "Das Gespräch fand im Rahmen der Initiative Brückenschlag Ost statt, sagte eine "
    "Sprecherin. Scholz lobte den Dialog."
)


def article_imported(folder: Path, text: str = SCHOLZ_TEXT, name: str = "scholz.txt") -> Article:
    """An article imported from `text` through the pipeline, its mentions detected."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    list(files_import([path], max_bytes=10**7))
    article = Article.objects.get(origin__endswith=name)
    # The import queues detection after its commit, which a test's transaction never has.
    mentions_detect(articles=[article])
    return article


def entity_added(name: str, kind: str = Entity.Kind.PERSON) -> Entity:
    """An entity an admin adds in Django admin (entities have no service of their own)."""
    return Entity.objects.create(name=name, kind=kind)


def article(body: str, origin: str = "a.txt") -> Article:
    """An article with `body` as its text, written directly: for detection on short texts."""
    return Article.objects.create(title="t", origin=origin, body=body, content_hash=origin)


def mentions_of(item: Article) -> list[tuple[str, str, str]]:
    """(surface, entity, method) of each of the article's mentions, in text order."""
    return [
        (m.surface, m.entity.name, m.method)
        for m in Mention.objects.filter(article=item).select_related("entity").order_by("start")
    ]
