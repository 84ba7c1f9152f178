"""Set-based inserts (articles.bulk): rows as given, new ids, Django's errors."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from articles.bulk import rows_insert
from articles.models import Article

COLUMNS = [f.attname for f in Article._meta.concrete_fields if f.attname != "id"]
BODY = 'Der Text\\n mit "Zeichen"\tund Tab'
BLOCKS = [{"kind": "paragraph", "start": 0, "end": 9}]


def row(origin: str) -> tuple:
    now = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    article = Article(
        origin=origin,
        title="Titel",
        body=BODY,
        blocks=BLOCKS,
        published_on=datetime.date(2026, 3, 1),
        word_count=5,
        created_at=now,
        updated_at=now,
    )
    return tuple(getattr(article, column) for column in COLUMNS)


def test_rows_are_stored_as_given_and_their_ids_returned_in_order(db):
    ids = rows_insert(Article, COLUMNS, [row("a.txt"), row("b.txt")], returning=True)
    stored = Article.objects.in_bulk(ids)
    assert [stored[pk].origin for pk in ids] == ["a.txt", "b.txt"]
    article = stored[ids[0]]
    assert article.body == BODY
    assert article.blocks == BLOCKS
    assert article.published_on == datetime.date(2026, 3, 1)


def test_a_failing_row_raises_djangos_integrity_error(db):
    rows_insert(Article, COLUMNS, [row("a.txt")])
    with pytest.raises(IntegrityError), transaction.atomic():
        rows_insert(Article, COLUMNS, [row("b.txt"), row("a.txt")], returning=True)
    assert list(Article.objects.values_list("origin", flat=True)) == ["a.txt"]
