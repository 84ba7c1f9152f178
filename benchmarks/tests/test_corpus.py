from articles.importing import ImportStatus
from articles.models import Article
from benchmarks.corpus import corpus_article, corpus_write
from ingest.pipeline import files_import
from newstext.decoding import normalise_text
from newstext.parsing import BlockKind, parse_article

LIMIT = 5 * 1024 * 1024


def contents(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_writes_identical_files(tmp_path):
    first = corpus_write(tmp_path / "a", count=20, seed=7)
    second = corpus_write(tmp_path / "b", count=20, seed=7)
    assert [p.name for p in first] == [p.name for p in second]
    assert contents(tmp_path / "a") == contents(tmp_path / "b")
    assert len(set(contents(tmp_path / "a").values())) == 20


def test_another_seed_writes_other_files(tmp_path):
    corpus_write(tmp_path / "a", count=5, seed=1)
    corpus_write(tmp_path / "b", count=5, seed=2)
    assert contents(tmp_path / "a") != contents(tmp_path / "b")


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path):
    small = corpus_write(tmp_path / "small", count=5)
    large = corpus_write(tmp_path / "large", count=8)
    assert [p.name for p in small] == [p.name for p in large[:5]]


def test_files_keep_the_quirks_of_the_seeds():
    parsed = [parse_article(normalise_text(corpus_article(i))) for i in range(200)]
    texts = [corpus_article(i) for i in range(200)]
    assert any(p.date_precision == "day" for p in parsed)
    assert any(p.date_precision == "month" for p in parsed)
    assert any(p.dateline_place and p.publisher_name for p in parsed)
    assert any(p.cited_source_names for p in parsed)
    assert any(p.dropped_lines for p in parsed)
    assert any(
        block.kind is BlockKind.HEADING and p.body[block.start : block.end].endswith("getroffen")
        for p in parsed
        for block in p.blocks
    ), "the subheading glued into a paragraph (seed 001) is still found"
    assert any("\n\n\n" in text for text in texts)
    assert not any("Putin" in text or "Aliyev" in text for text in texts), "people are renamed"


def test_every_file_imports(db, tmp_path):
    paths = corpus_write(tmp_path, count=20)
    reports = list(files_import([tmp_path], max_bytes=LIMIT))
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * 20, [
        str(r) for r in reports if r.status is not ImportStatus.IMPORTED
    ]
    assert [r.path for r in reports] == paths
    assert Article.objects.count() == 20
    assert all(article.word_count > 100 for article in Article.objects.all())
