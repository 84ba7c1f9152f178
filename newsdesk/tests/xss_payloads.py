"""Hostile input for the XSS tests: payloads in every place a user or an imported file
can put text, and what must never appear unescaped in a page."""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User

from annotations.models import Annotation, Label
from annotations.tests.support import annotate
from articles.models import Article, Source
from entities.models import Entity, EntityCandidate, Mention
from ingest.pipeline import files_import

# Each payload sets window.__xss when it runs (the browser test listens for that too).
SCRIPT = "<script>window.__xss=1</script>"
ATTRIBUTE = '"><img src=x onerror="window.__xss=1">'
SINGLE_QUOTE = "'><svg onload=window.__xss=1>"
TEXTAREA = "</textarea><script>window.__xss=1</script>"
JS_URL = "javascript:window.__xss=1"
# What any of them would leave in a page if it were not escaped.
UNESCAPED = ("<script>window", "<img src=x", "<svg onload", "</textarea><script")
# A colour that would close its rule in labels.css and open one for every element (it fits
# the column's 7 characters, which PostgreSQL enforces).
CSS_BREAKOUT = "0}*{a:0"

HOSTILE_TEXT = (
    f"Bericht {SCRIPT} aus Moskau.\n\n"
    f"Der Kreml sagte {ATTRIBUTE} und {SINGLE_QUOTE} am Montag.\n\n"
    f"Ein Sprecher nannte {TEXTAREA} und {JS_URL} falsch.\n"
)


@dataclass(frozen=True)
class Hostile:
    article: Article
    annotation: Annotation
    label: Label
    source: Source
    entity: Entity


def hostile_world(tmp_path: Path, author: User) -> Hostile:
    """An imported article, a label, source (with alias), entity (with alias and a
    mention), candidate and annotation whose texts are all XSS payloads."""
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    reports = list(files_import([path], max_bytes=10**6))
    assert [r.status for r in reports] == ["imported"], reports
    article = Article.objects.get(origin__endswith="hostile.txt")
    label = Label.objects.create(name=ATTRIBUTE, name_en=SCRIPT, key="7", colour="#123456")
    # Bypassing validation, as a raw database edit would: labels.css must still hold.
    Label.objects.create(name="Rot", name_en="Red", key="8", colour=CSS_BREAKOUT)
    source = Source.objects.create(name=ATTRIBUTE, notes=SCRIPT)
    source.aliases.create(name=SCRIPT)
    entity = Entity.objects.create(name=SCRIPT, kind=Entity.Kind.PERSON, notes=ATTRIBUTE)
    entity.aliases.create(name=SINGLE_QUOTE)
    at = article.body.index("Kreml")
    Mention.objects.create(article=article, entity=entity, start=at, end=at + 5, surface="Kreml")
    EntityCandidate.objects.create(name=ATTRIBUTE, kind=Entity.Kind.PERSON, evidence=SCRIPT)
    annotation = annotate(
        article,
        author,
        SCRIPT,
        label=label,
        note=f"{TEXTAREA} {SINGLE_QUOTE} {JS_URL}",
        sources=[source.name],
    )
    return Hostile(article, annotation, label, source, entity)
