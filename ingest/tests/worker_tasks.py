"""A task for the worker tests: it notes each start and end in a file, one line each."""

import os
import time
from pathlib import Path

from django.tasks import task


@task
def note_task(notes: str, label: str, seconds: float = 0.0, first_try_seconds: float = 0.0) -> str:
    """Note "start LABEL PID", work `seconds` (longer on the first try), note "end LABEL"."""
    path = Path(notes)
    first_try = f"start {label} " not in (path.read_text() if path.exists() else "")
    with path.open("a") as file:
        file.write(f"start {label} {os.getpid()}\n")
    time.sleep(seconds + (first_try_seconds if first_try else 0.0))
    with path.open("a") as file:
        file.write(f"end {label}\n")
    return label
