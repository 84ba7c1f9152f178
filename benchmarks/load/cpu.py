"""CPU time of a process and its children from /proc (Linux): what gunicorn used."""

import os
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def process_tree_cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of `pid` and its live descendants so far."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            # Fields after the command name (which may hold spaces) start at field 3;
            # utime and stime are fields 14 and 15.
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue  # exited meanwhile
        total += (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND
        pending += [int(child) for child in children]
    return total
