import pytest

from annotations.models import Annotation, Label
from articles.models import Article
from ingest.pipeline import files_import
from newstext.offsets import code_point_to_utf16


@pytest.fixture
def labels(db):
    return {
        "claim": Label.objects.create(
            name="Behauptung", name_en="Claim", key="1", colour="#ffd54f"
        ),
        "quote": Label.objects.create(name="Zitat", name_en="Quote", key="2", colour="#81d4fa"),
    }


@pytest.fixture
def article(db, seeds_dir):
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    return Article.objects.get()


@pytest.fixture
def make_annotation(labels):
    def make(article, author, quote, *, label="claim", occurrence=0, **fields):
        start = -1
        for _ in range(occurrence + 1):
            start = article.body.index(quote, start + 1)
        return Annotation.objects.create(
            article=article,
            author=author,
            label=labels[label],
            start=start,
            end=start + len(quote),
            exact=quote,
            **fields,
        )

    return make


def selection(article, quote):
    """What the browser posts for a selection of `quote` (UTF-16 offsets)."""
    start = article.body.index(quote)
    return {
        "start": code_point_to_utf16(article.body, start),
        "end": code_point_to_utf16(article.body, start + len(quote)),
        "exact": quote,
    }


def annotations_across(article, author, label, count, *, step, length):
    """`count` annotations of `length` characters, the i-th at i * step (wrapping) in the body."""
    size = len(article.body) - 60
    return Annotation.objects.bulk_create(
        Annotation(
            article=article,
            author=author,
            label=label,
            start=i * step % size,
            end=i * step % size + length,
            exact=article.body[i * step % size : i * step % size + length],
        )
        for i in range(count)
    )
