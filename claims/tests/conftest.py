import pytest

from articles.models import Article
from ingest.pipeline import files_import


@pytest.fixture
def articles(db, seeds_dir, django_capture_on_commit_callbacks):
    """The seed article 000 (dpa, 2025-10-10) and its shortened rewrite 001, by prefix,
    with their entity mentions detected as after a real import's commit."""
    files = [seeds_dir / "000_2881edf72164acbb.txt", seeds_dir / "001_9820c8e68323574d.txt"]
    with django_capture_on_commit_callbacks(execute=True):
        list(files_import(files, max_bytes=10**7))
    return {a.origin[:3]: a for a in Article.objects.all()}
