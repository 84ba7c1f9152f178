from pathlib import Path

import pytest

from annotations.models import Label
from articles.models import Article
from ingest.pipeline import files_import
from workflow.tests import support


@pytest.fixture
def labels(db: None) -> dict[str, Label]:
    return support.labels_create()


@pytest.fixture
def articles(db: None, seeds_dir: Path) -> list[Article]:
    """The five seed articles, imported through the pipeline, in file order."""
    list(files_import(sorted(seeds_dir.glob("*.txt")), max_bytes=10**7))
    return list(Article.objects.order_by("origin"))


@pytest.fixture
def article(articles: list[Article]) -> Article:
    return articles[0]
