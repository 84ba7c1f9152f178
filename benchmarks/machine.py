"""What a benchmark ran on: one line for the header of every section of the report."""

import datetime
import os
import platform
import sqlite3
import subprocess
from pathlib import Path

import django

from benchmarks.databases import BASE_DIR, postgres_version


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or the platform's guess."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def cpu_count() -> int:
    """CPUs this process may run on (what `nproc` prints)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return "RAM unknown"


def machine_summary() -> str:
    """Date, CPUs, RAM and the versions of Python, Django, SQLite and PostgreSQL."""
    postgres = postgres_version()
    return (
        f"Run on {datetime.date.today().isoformat()}: {cpu_count()} CPUs ({cpu_model()}), "
        f"{memory_total()}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}, "
        f"PostgreSQL {postgres or 'not reachable'}."
    )


def code_version() -> str:
    """The git commit benchmarked, and whether the working tree differed from it."""
    git = ["git", "-C", str(BASE_DIR)]
    try:
        commit = subprocess.run(  # noqa: S603 - fixed git command, no shell
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(  # noqa: S603 - fixed git command, no shell
            [*git, "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {commit}" + (" with uncommitted changes" if changes else "")
