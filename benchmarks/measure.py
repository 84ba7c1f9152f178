"""Small measuring helpers the benchmark suites share."""

import resource
import statistics
import sys


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def progress(message: str) -> None:
    """A progress line on stderr (stdout carries the results between processes)."""
    print(message, file=sys.stderr, flush=True)


def peak_rss_kib() -> int:
    """This process's peak resident memory; Linux reports ru_maxrss in KiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_seconds() -> float:
    """CPU time this process used, user plus system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def p50_p95(samples: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile of timings (at least two samples)."""
    cuts = statistics.quantiles(samples, n=20)
    return statistics.median(samples), cuts[18]
