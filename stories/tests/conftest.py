from pathlib import Path

import pytest

from annotations.models import Label
from articles.models import Article
from ingest.pipeline import files_import


@pytest.fixture
def seeded(db, seeds_dir: Path, django_capture_on_commit_callbacks) -> dict[str, Article]:
    """The five seeds imported, with entity detection and near-duplicate indexing run."""
    with django_capture_on_commit_callbacks(execute=True):
        list(files_import([seeds_dir], max_bytes=10**7))
    return {article.origin[:3]: article for article in Article.objects.all()}


@pytest.fixture
def claim_label(db) -> Label:
    return Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
