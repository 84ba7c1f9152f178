"""Workspace speed: server time to render an annotation workspace and to create one
annotation, on an article with 300 annotations and 200 mentions, per database.

Each backend runs in its own process on a fresh database (see benchmarks/databases.py);
the time measured is Django's whole request handling (middleware, view, queries,
template) through the test client, without network or browser.
Run one case by hand: `python -m benchmarks.workspace_speed --case` with DATABASE_URL set.
"""

import os
import statistics
import time
from collections.abc import Sequence
from typing import Any

from benchmarks.databases import (
    BASE_DIR,
    POSTGRESQL,
    SQLITE,
    Backend,
    case_main,
    case_run,
    postgres_version,
)
from benchmarks.measure import p50_p95

ANNOTATIONS = 300
MENTIONS = 200
RENDERS = 200
CREATES = 200
QUICK_RENDERS = 30
TARGET_RENDER_MS = 25
TARGET_CREATE_MS = 20
SEED = "000_2881edf72164acbb.txt"


def run_suite(*, quick: bool) -> str:
    """Run both backends and return the markdown section."""
    rows = []
    load_before = os.getloadavg()[0]
    for backend in (SQLITE, POSTGRESQL):
        if backend is POSTGRESQL and postgres_version() is None:
            rows.append(f"| {backend.name} | not reachable | | | | |")
            continue
        result = case_run(backend, "benchmarks.workspace_speed", quick=quick)
        rows.append(_row(backend, result))
    runs = QUICK_RENDERS if quick else RENDERS
    load = (
        f"One-minute load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after "
        f"the runs on {os.cpu_count()} CPUs: other work on the machine lengthens every time."
    )
    return "\n".join(
        [
            f"Article `{SEED}` with {ANNOTATIONS} overlapping annotations (each with a source) "
            f"and {MENTIONS} entity mentions; {runs} workspace renders and {runs} annotation "
            "creations (htmx POST answering the form, the paragraphs with the new highlight, "
            "the count and the new card) "
            "by one editor, timed inside Django with DEBUG off (test client: middleware, "
            "view, queries, templates; no network).",
            "The workspace keeps an article's highlighted text between views (a per-process "
            "cache keyed by the text, its highlights and mentions), so a repeated view skips "
            "rendering it; 'text not cached' is the first view after a change.",
            f"Targets: workspace p50 under {TARGET_RENDER_MS} ms, create p50 under "
            f"{TARGET_CREATE_MS} ms. For scale, Label Studio 1.23 on this kind of machine: "
            "labelling page p50 124 ms, creating one span annotation p50 132 ms.",
            "",
            "| database | workspace p50 | workspace p95 | workspace p50, text not cached "
            "| create p50 | create p95 |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            load,
        ]
    )


def _row(backend: Backend, result: dict[str, Any]) -> str:
    return (
        f"| {backend.name} | {result['render_p50']:.1f} ms | {result['render_p95']:.1f} ms "
        f"| {result['cold_render_p50']:.1f} ms "
        f"| {result['create_p50']:.1f} ms | {result['create_p95']:.1f} ms |"
    )


def measure(*, quick: bool) -> dict[str, float]:
    """Build the article and time renders and creations (Django must be set up)."""
    from django.contrib.auth.models import Group, User
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from annotations.models import Annotation, Label
    from articles.models import Article, Source
    from entities.models import Entity, Mention
    from ingest.demo import demo_labels_ensure
    from ingest.pipeline import files_import
    from newsdesk.roles import EDITORS, roles_ensure
    from newstext.offsets import code_point_to_utf16

    (imported,) = files_import([BASE_DIR / "fixtures" / "seeds" / SEED], max_bytes=10**7)
    assert imported.article_id is not None, imported
    article = Article.objects.get(pk=imported.article_id)  # the archive may hold others
    demo_labels_ensure()
    roles_ensure()
    editor = User.objects.create_user("bench-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    label = Label.objects.order_by("pk").first()
    assert label is not None
    source, _ = Source.objects.get_or_create(name="Kreml")
    size = len(article.body) - 80
    annotations = Annotation.objects.bulk_create(
        Annotation(
            article=article,
            author=editor,
            label=label,
            start=(i * 37) % size,
            end=(i * 37) % size + 5 + i % 60,
            exact=article.body[(i * 37) % size : (i * 37) % size + 5 + i % 60],
        )
        for i in range(ANNOTATIONS)
    )
    Annotation.sources.through.objects.bulk_create(
        Annotation.sources.through(annotation_id=a.pk, source_id=source.pk) for a in annotations
    )
    entity, _ = Entity.objects.get_or_create(name="Wladimir Putin", kind=Entity.Kind.PERSON)
    Mention.objects.bulk_create(
        (
            Mention(article=article, entity=entity, start=i * 11, end=i * 11 + 5, surface="x")
            for i in range(MENTIONS)
        ),
        ignore_conflicts=True,
    )

    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load like this one. Without
        # statistics the planner takes every table for one row, and joins all 300
        # annotations to their authors and labels before taking the first page of cards.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(editor)
    url = article.get_absolute_url()
    runs = QUICK_RENDERS if quick else RENDERS
    client.get(url)  # warm up caches and template loading
    renders, cold_renders = [], []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        renders.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    for _ in range(runs):  # as the first view after a change: the text is rendered
        caches["article-text"].clear()
        started = time.perf_counter()
        response = client.get(url)
        cold_renders.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    creates = []
    create_url = reverse("annotations:create", args=[article.pk])
    words = [w for w in article.body.split() if len(w) > 3]
    for i in range(runs):
        word = words[i % len(words)]
        start = article.body.index(word)
        data = {
            "start": code_point_to_utf16(article.body, start),
            "end": code_point_to_utf16(article.body, start + len(word)),
            "exact": word,
            "label": label.pk,
            "sources": "Kreml",
        }
        started = time.perf_counter()
        response = client.post(create_url, data, headers={"HX-Request": "true"})
        creates.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:500]
    render_p50, render_p95 = p50_p95(renders)
    create_p50, create_p95 = p50_p95(creates)
    return {
        "render_p50": render_p50,
        "render_p95": render_p95,
        "cold_render_p50": statistics.median(cold_renders),
        "create_p50": create_p50,
        "create_p95": create_p95,
    }


def main(argv: Sequence[str] | None = None) -> None:
    case_main(argv, description=__doc__, measure=measure, run_suite=run_suite)


if __name__ == "__main__":
    main()
