"""A large folder is read and parsed in worker processes (ingest.parallel, issue 16): the
same reports, identities, revisions and stored articles as read in-process."""

import dataclasses
import json
import multiprocessing
import shutil
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from articles.models import Article, ArticleRevision
from ingest import parallel
from ingest.pipeline import sources_import
from ingest.sources import ImportLimits, path_read
from ingest.tests.support import FORMATS, SEED, mixed_zip

SEEDS = sorted(SEED.parent.glob("*.txt"))


@pytest.fixture
def needs_fork() -> None:
    if threading.active_count() > 1:
        pytest.skip(f"a process running threads reads in-process: {threading.enumerate()}")


def mixed_folder(root: Path) -> Path:
    """Seeds, ninjs (one file revised by a second one under the same uri), web pages, a
    zip, a broken, an empty and a binary file, in subfolders."""
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    (root / "agency").mkdir()
    for ninjs in sorted((FORMATS / "ninjs").glob("*.json")):
        shutil.copy(ninjs, root / "agency" / ninjs.name)
    corrected = json.loads((FORMATS / "ninjs" / "dpa_text_3.0.json").read_text())
    corrected["headlines"][0]["value"] += " (korrigiert)"
    (root / "agency" / "zz_dpa_korrigiert.json").write_text(json.dumps(corrected))
    (root / "web").mkdir()
    for page in sorted((FORMATS / "html").glob("*.html")):
        shutil.copy(page, root / "web" / page.name)
    (root / "lieferung.zip").write_bytes(mixed_zip())
    (root / "kaputt.json").write_bytes(b'{"uri": "urn:kaputt", "headline": ')
    (root / "leer.txt").write_bytes(b"")
    (root / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return root


def limits(*, workers: int, min_files: int) -> ImportLimits:
    return dataclasses.replace(
        ImportLimits.from_settings(), parse_workers=workers, parallel_min_files=min_files
    )


def stored() -> list[tuple]:
    """What the import stored, without ids."""
    articles = [
        (
            a.origin,
            a.title,
            a.body,
            a.blocks,
            a.word_count,
            a.published_on,
            a.publisher.name if a.publisher else "",
            sorted(s.name for s in a.cited_sources.all()),
        )
        for a in Article.objects.order_by("origin")
    ]
    revisions = list(
        ArticleRevision.objects.order_by("article__origin", "number").values_list(
            "article__origin", "number", "raw_text", "content_hash", "imported_from"
        )
    )
    return [*articles, *revisions]


def imported(folder: Path, import_limits: ImportLimits) -> tuple[list, list]:
    reports = [
        dataclasses.replace(report, article_id=None)
        for report in sources_import([folder], limits=import_limits)
    ]
    return reports, stored()


def test_workers_give_the_same_reports_and_articles_as_in_process(db, tmp_path, needs_fork):
    folder = mixed_folder(tmp_path)
    in_process = imported(folder, limits(workers=0, min_files=1))
    Article.objects.all().delete()
    in_workers = imported(folder, limits(workers=2, min_files=1))
    assert in_workers == in_process
    reports = in_process[0]
    assert {str(r.status) for r in reports} == {"imported", "unchanged", "revised", "failed"}
    assert len(reports) > 20


class CountedPool(ProcessPoolExecutor):
    """The real pool, counting how often one is started."""

    started = 0

    def __init__(self, *args, **kwargs) -> None:
        CountedPool.started += 1
        super().__init__(*args, **kwargs)


def test_a_folder_below_the_threshold_is_read_without_workers(
    db, tmp_path, monkeypatch, needs_fork
):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(CountedPool, "started", 0)
    folder = mixed_folder(tmp_path)
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    list(path_read(folder, limits=limits(workers=2, min_files=files + 1)))
    assert CountedPool.started == 0
    list(path_read(folder, limits=limits(workers=2, min_files=files)))
    assert CountedPool.started == 1


def test_workers_end_when_the_import_stops_early(db, tmp_path, needs_fork):
    folder = mixed_folder(tmp_path)
    reading = path_read(folder, limits=limits(workers=2, min_files=1))
    next(reading)
    assert multiprocessing.active_children()
    reading.close()
    assert multiprocessing.active_children() == []
