"""Export speed: `manage.py export_annotations` formats on PostgreSQL at 10^4 to 10^6
annotations, beside a baseline that reads the same rows with a psycopg server-side cursor
and writes JSON lines with no Django in between.

Every size gets a fresh database filled by SQL (`generate_series`: articles of about
2,900 characters with 20 annotations each, every other one attributed to a source). Each
export runs in a process of its own with `DEBUG` off, writing to a file; its peak RSS is
read at the end. Run one case by hand: `python -m benchmarks.export_speed FORMAT OUTPUT`
(or `baseline`) with DATABASE_URL set on a filled database; it prints one JSON line.
"""

import argparse
import json
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import measure
from benchmarks.databases import (
    POSTGRESQL,
    django_environment,
    fresh_database,
    module_run,
    postgres_version,
)

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)
FORMATS = ("baseline", "w3c", "doccano", "csv", "labelstudio")
# At the largest size only the baseline and W3C run, to keep `make bench` within minutes.
LARGEST_FORMATS = ("baseline", "w3c")
PER_ARTICLE = 20
TARGET_SHARE = 0.25

PARAGRAPH = (
    "Kremlchef Wladimir Putin hat mehr als neun Monate nach dem Absturz einer "
    "aserbaidschanischen Passagiermaschine Präsident Ilham Aliyev erstmals Schadenersatz "
    "zugesichert. «Selbstverständlich wird Russland in solchen Fällen alles Notwendige tun», "
    "sagte Putin bei einem Treffen in Duschanbe. 38 Menschen starben im Dezember bei dem "
    "Absturz in Kasachstan; 29 überlebten. "
)
BODY = (PARAGRAPH * 8).strip()


@dataclass(frozen=True)
class ExportRun:
    format: str
    annotations: int
    seconds: float
    cpu_seconds: float
    bytes: int
    baseline_kib: int
    peak_kib: int

    @property
    def per_second(self) -> float:
        return self.annotations / self.seconds

    @property
    def growth_kib(self) -> int:
        return self.peak_kib - self.baseline_kib


def run_suite(*, quick: bool) -> str:
    if not postgres_version():
        return "PostgreSQL was not reachable (`BENCH_POSTGRES_URL`): not measured.\n"
    sizes = QUICK_SIZES if quick else SIZES
    runs: list[ExportRun] = []
    with tempfile.TemporaryDirectory(prefix="newsdesk-export-bench-") as tmp:
        folder = Path(tmp)
        for count in sizes:
            with fresh_database(POSTGRESQL, folder=folder) as url:
                measure.progress(f"export: filling {count:,} annotations …")
                fill_database(url, annotations=count)
                formats = LARGEST_FORMATS if count == max(sizes) and count >= 10**6 else FORMATS
                for name in formats:
                    run = export_run(url, name, count=count, folder=folder)
                    measure.progress(
                        f"  {name}: {run.per_second:,.0f} annotations/s, "
                        f"peak {measure.mib(run.peak_kib)}, growth {measure.mib(run.growth_kib)}"
                    )
                    runs.append(run)
    return report_markdown(runs, quick=quick)


def fill_database(url: str, *, annotations: int) -> None:
    """Articles, a user, three labels, sources and `annotations` annotations, by SQL."""
    import psycopg

    articles = max(1, annotations // PER_ARTICLE)
    with psycopg.connect(_psycopg_url(url), autocommit=False) as connection:
        execute = connection.execute
        execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,"
            " email, is_staff, is_active, date_joined)"
            " VALUES ('!', false, 'bench', '', '', '', false, true, now())"
        )
        execute(
            "INSERT INTO annotations_label (name, name_en, description, colour, key, position,"
            " is_active) VALUES ('Behauptung', 'Claim', '', '#ffd54f', '1', 0, true),"
            " ('Zitat', 'Quote', '', '#81d4fa', '2', 1, true),"
            " ('Zahl', 'Number', '', '#a5d6a7', '3', 2, true)"
        )
        execute(
            "INSERT INTO articles_source (name, key, kind, homepage, notes, needs_review,"
            " created_at) VALUES ('dpa', 'dpa', 'agency', '', '', false, now()),"
            " ('Kreml', 'kreml', 'official', '', '', false, now())"
        )
        execute(
            "INSERT INTO articles_article (title, title_derived, origin, dateline_place,"
            " published_on, date_precision, language, body, blocks, word_count, content_hash,"
            " annotation_status, created_at, updated_at, byline)"
            " SELECT 'Artikel ' || i, false, 'bench_' || i || '.txt', '',"
            " date '2025-01-01' + (i %% 300), 'day', 'de', %s || ' Nr. ' || i, '[]'::jsonb,"
            " 400, md5(i::text) || md5(i::text), 'not_started', now(), now(), ''"
            " FROM generate_series(1, %s) AS i",
            (BODY, articles),
        )
        execute(
            "INSERT INTO annotations_annotation (article_id, author_id, label_id, note, start,"
            ' "end", exact, prefix, suffix, is_orphaned, status, version, created_at,'
            " updated_at, review_comment, reviewed_content)"
            " SELECT a.id, u.id, l.ids[1 + j %% 3], CASE WHEN j %% 4 = 0 THEN 'Notiz ' || j"
            " ELSE '' END, x.s, x.s + x.n, substr(a.body, x.s + 1, x.n),"
            " substr(a.body, greatest(x.s - 32, 0) + 1, x.s - greatest(x.s - 32, 0)),"
            " substr(a.body, x.s + x.n + 1, 32), false, 'pending', 1, now(), now(), '',"
            " '{}'::jsonb"
            " FROM articles_article a"
            " CROSS JOIN (SELECT id FROM auth_user WHERE username = 'bench') u"
            " CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM annotations_label) l"
            " CROSS JOIN generate_series(0, %s - 1) AS j"
            " CROSS JOIN LATERAL (SELECT (j * 137) %% (length(a.body) - 120) AS s,"
            " 40 + (j * 7) %% 60 AS n) x",
            (PER_ARTICLE,),
        )
        execute(
            "INSERT INTO annotations_annotation_sources (annotation_id, source_id)"
            " SELECT a.id, s.id FROM annotations_annotation a"
            " CROSS JOIN (SELECT min(id) AS id FROM articles_source) s WHERE a.id % 2 = 0"
        )
        execute("ANALYZE")
        connection.commit()


def export_run(url: str, name: str, *, count: int, folder: Path) -> ExportRun:
    output = folder / f"export-{name}"
    outcome = module_run(
        ["benchmarks.export_speed", name, str(output)],
        environment=django_environment(url, debug=False),
    )
    output.unlink(missing_ok=True)
    return ExportRun(format=name, annotations=count, **outcome)


def report_markdown(runs: Sequence[ExportRun], *, quick: bool) -> str:
    baselines = {run.annotations: run for run in runs if run.format == "baseline"}
    lines = [
        "Exports of every live annotation on PostgreSQL, each in a process of its own with "
        "`DEBUG` off, written to a file: the code behind `manage.py export_annotations` "
        "(server-side cursor, 2,000 rows per fetch, sources and article texts fetched per "
        f"chunk). Articles of about {len(BODY):,} characters with {PER_ARTICLE} annotations "
        "each, made by SQL. **baseline**: the same annotation rows (with label and "
        "annotator joined) read with a psycopg server-side cursor and written as JSON lines, "
        "no Django; it writes no sources and no article texts.",
        "",
        "- **annotations/s**: over the wall-clock time of the export alone; **share**: of the "
        "baseline's rate at the same size.",
        "- **peak RSS**: the process's `ru_maxrss` at its end; **growth**: that minus the "
        "peak before the export began (Python, Django and psycopg loaded).",
        "",
        "| annotations | format | annotations/s | share | per CPU s | file | peak RSS | growth |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        base = baselines.get(run.annotations)
        share = f"{run.per_second / base.per_second:.0%}" if base else "—"
        lines.append(
            f"| {run.annotations:,} | {run.format} | {run.per_second:,.0f} | {share} "
            f"| {run.annotations / run.cpu_seconds:,.0f} | {run.bytes / 2**20:,.1f} MiB "
            f"| {measure.mib(run.peak_kib)} | {measure.mib(run.growth_kib)} |"
        )
    exports = [r for r in runs if r.format != "baseline" and r.annotations in baselines]
    if exports:
        worst = min(r.per_second / baselines[r.annotations].per_second for r in exports)
        growths = [r.growth_kib for r in exports]
        met = worst >= TARGET_SHARE
        lines += [
            "",
            f"Target: every format at least {TARGET_SHARE:.0%} of the baseline's throughput: "
            f"**{'met' if met else 'not met'}** (lowest share {worst:.0%}). Memory growth "
            f"across sizes: {measure.mib(min(growths))} to {measure.mib(max(growths))}.",
        ]
    if quick:
        lines.append("Quick run (`--quick`): small sizes; not the target sizes.")
    lines.append(
        "Not measured: the spaCy DocBin export, which is built in memory (a DocBin is one "
        "compressed blob) and tokenizes every article."
    )
    return "\n".join(lines) + "\n"


def _psycopg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


# One run, in its own process -----------------------------------------------------------


BASELINE_COLUMNS = (
    'a.id, a.article_id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status,'
    " a.created_at, a.updated_at, l.name AS label, u.username AS author"
)
BASELINE_SQL = (
    f"SELECT {BASELINE_COLUMNS} FROM annotations_annotation a"  # noqa: S608 - constants only
    " JOIN annotations_label l ON l.id = a.label_id JOIN auth_user u ON u.id = a.author_id"
    " WHERE a.deleted_at IS NULL AND NOT a.is_orphaned"
    ' ORDER BY a.article_id, a.start, a."end", a.id'
)
# The record's keys: each column's name or alias ("a.id" → "id", "l.name AS label" → "label").
BASELINE_KEYS = [
    column.split()[-1].split(".")[-1].strip('"') for column in BASELINE_COLUMNS.split(",")
]


def baseline_export(output: Path) -> dict[str, Any]:
    """The same rows through a psycopg server-side cursor into JSON lines, no Django."""
    import psycopg

    baseline = measure.peak_rss_kib()
    cpu_start, start = measure.cpu_seconds(), time.perf_counter()
    with (
        psycopg.connect(_psycopg_url(os.environ["DATABASE_URL"])) as connection,
        connection.cursor(name="export") as cursor,
        output.open("w", encoding="utf-8") as file,
    ):
        cursor.itersize = 2000
        cursor.execute(BASELINE_SQL)
        for row in cursor:
            record = dict(zip(BASELINE_KEYS, row, strict=True))
            record["created_at"] = record["created_at"].isoformat()
            record["updated_at"] = record["updated_at"].isoformat()
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return _measured(output, baseline, cpu_start, start)


def django_export(name: str, output: Path) -> dict[str, Any]:
    """What `manage.py export_annotations --format NAME -o OUTPUT` does."""
    import django

    django.setup()
    from review.export import export_chunks
    from review.export.selection import Selection

    baseline = measure.peak_rss_kib()
    cpu_start, start = measure.cpu_seconds(), time.perf_counter()
    with output.open("wb") as file:
        for chunk in export_chunks(name, Selection(), base_url="http://127.0.0.1:8000/"):
            file.write(chunk)
    return _measured(output, baseline, cpu_start, start)


def _measured(output: Path, baseline: int, cpu_start: float, start: float) -> dict[str, Any]:
    seconds, cpu_seconds = time.perf_counter() - start, measure.cpu_seconds() - cpu_start
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "bytes": output.stat().st_size,
        "baseline_kib": baseline,
        "peak_kib": measure.peak_rss_kib(),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export every annotation and measure it.")
    parser.add_argument("format", choices=FORMATS)
    parser.add_argument("output", type=Path)
    options = parser.parse_args(argv)
    if options.format == "baseline":
        print(json.dumps(baseline_export(options.output)))
    else:
        print(json.dumps(django_export(options.format, options.output)))


if __name__ == "__main__":
    main()
