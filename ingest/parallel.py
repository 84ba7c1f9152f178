"""Reading and parsing a large import in worker processes, beside the writer.

The import writes in the importing process; reading, format detection and parsing, the
larger part of its CPU time, run in worker processes on chunks of inputs, overlapping
with the writer and the database server (docs/architecture/loader.md, "Parallel
reading"). Results come back in input order, so reports, identities and revisions are
the same as in-process. At most `READ_AHEAD` inputs are read ahead of the writer, so
memory stays bounded whatever the size of the input.

Workers are forks of the importing process, so they start at once with everything
imported (a fresh interpreter would spend seconds importing Django and SciPy first);
they never touch its database connection and end without running its exit handlers.
Forking a process that runs other threads can deadlock the child, so a process with
threads (a web server, a threaded task worker) reads in-process instead. Workers ignore
Ctrl-C: the importing process handles it, and on any error or early stop cancels what
is queued and waits for the running chunks before it goes on.

"""

import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

CHUNK_INPUTS = 50  # inputs per task sent to a worker, at most
# Inputs read ahead of the writer: two of its batches, so that the workers go on while it
# writes one; bounds the results waiting in memory (a few MB).
READ_AHEAD = 1_000


def parallel_map[T, R](
    read: Callable[[Sequence[T]], list[R]], inputs: Sequence[T], *, workers: int
) -> Iterator[R]:
    """`read` over `inputs` in chunks in `workers` processes; the results in input order.

    `read` must be a module-level function (or a `functools.partial` of one) taking a
    chunk of inputs; it runs in a worker, so its arguments and results are pickled.
    """
    # Smaller chunks for a smaller input, so that every worker gets several.
    size = max(1, min(CHUNK_INPUTS, len(inputs) // (workers * 4)))
    chunks = [inputs[i : i + size] for i in range(0, len(inputs), size)]
    in_flight = max(workers * 2, READ_AHEAD // size)
    if threading.active_count() > 1:  # not safe to fork
        for chunk in chunks:
            yield from read(chunk)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start)
    waiting: deque[Future[list[R]]] = deque()
    try:
        for chunk in chunks:
            waiting.append(pool.submit(read, chunk))
            if len(waiting) >= in_flight:
                yield from waiting.popleft().result()
        while waiting:
            yield from waiting.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start() -> None:
    """In each worker: leave Ctrl-C to the importing process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
