"""`python -m benchmarks.run --output docs/benchmarks.md [--only NAME …] [--quick]`

Runs the registered suites and writes one section per suite into the report, between
`<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, replacing only that suite's section:
the other sections, and any text around them, stay as they are.

A suite is a module with `run_suite(*, quick: bool) -> str` that returns the markdown
body of its section; this module adds the heading and the machine it ran on. To add
one, append a `Suite` to `SUITES`.
"""

import argparse
import importlib
import re
import signal
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import cast

from benchmarks.machine import code_version, machine_summary


@dataclass(frozen=True)
class Suite:
    name: str  # in the markers and for --only
    title: str  # the section's heading
    module: str  # has run_suite(*, quick: bool) -> str


SUITES = (
    Suite("import", "Import speed", "benchmarks.import_speed"),
    Suite("export", "Export speed", "benchmarks.export_speed"),
    Suite("entities", "Entity detection", "benchmarks.entity_speed"),
    Suite("search", "Search speed", "benchmarks.search_speed"),
    Suite("workspace", "Annotation workspace", "benchmarks.workspace_speed"),
    Suite("stories", "Near-duplicates and comparing", "benchmarks.stories_speed"),
    Suite("ready", "Ready to use: task workers", "benchmarks.ready_speed"),
    Suite("archive", "The archive at 10^6 articles (PostgreSQL)", "benchmarks.archive_speed"),
)

REPORT_HEADER = """# Benchmarks

Written by `make bench` (`python -m benchmarks.run --output docs/benchmarks.md`). Each
section belongs to one suite and is replaced only when that suite runs again
(`--only NAME`); see `benchmarks/`.
"""


def section_replace(document: str, name: str, content: str) -> str:
    """`document` with the section `name` set to `content`, appended if it has none."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{content.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(document):
        return pattern.sub(lambda _: block, document, count=1)
    return f"{document.rstrip()}\n\n{block}\n"


def suite_section(suite: Suite, *, quick: bool) -> str:
    """Run `suite` and return its section: heading, where and when it ran, results."""
    module = importlib.import_module(suite.module)
    run_suite = cast(Callable[..., str], module.run_suite)
    body = run_suite(quick=quick)
    kind = "quick run (`--quick`)" if quick else "full run"
    about = textwrap.fill(
        f"{machine_summary()} Code: {code_version()}; {kind}.", width=90, break_on_hyphens=False
    )
    return f"## {suite.title}\n\n{about}\n\n{body.strip()}\n"


def main(argv: Sequence[str] | None = None) -> None:
    names = [suite.name for suite in SUITES]
    parser = argparse.ArgumentParser(description="Run the benchmarks and write the report.")
    parser.add_argument("--output", type=Path, required=True, help="markdown file to update")
    parser.add_argument(
        "--only", action="append", choices=names, help="run only this suite (repeatable)"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a quick check")
    options = parser.parse_args(argv)

    # On `kill`, unwind as on Ctrl-C: temporary folders and databases are removed.
    signal.signal(signal.SIGTERM, _terminate)
    output: Path = options.output
    for suite in SUITES:
        if options.only and suite.name not in options.only:
            continue
        section = suite_section(suite, quick=options.quick)
        # Read just before writing, and written after every suite: another suite run in
        # the meantime keeps its section, and a later suite's failure loses nothing.
        document = output.read_text(encoding="utf-8") if output.exists() else REPORT_HEADER
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(section_replace(document, suite.name, section), encoding="utf-8")
        print(f"{suite.name}: written to {output}")


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
