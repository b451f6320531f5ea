"""An ordered, bounded process pool: one pipe per worker, no helper threads.

``multiprocessing.Pool`` costs the parent process a large share of the work it hands
out: its worker-handler thread wakes and re-registers selectors for every message (about
a third of the workers' CPU time on small files, measured with ``bench/run.py``). Here
the parent only waits on the workers' pipes: each worker has at most ``AHEAD`` batches
queued, so memory stays bounded however long the task list, and results come back in
task order.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

# Batches queued per worker: one being worked on, one waiting, so no worker idles
# while the parent is busy receiving.
AHEAD = 2


class WorkerError(RuntimeError):
    """A worker process died or its function raised."""


def _serve(function: Callable[[Any], Any], connection: Connection) -> None:
    while True:
        message = connection.recv()
        if message is None:
            return
        index, batch = message
        try:
            connection.send((index, [function(item) for item in batch]))
        except Exception as exc:  # sent back to the parent, which raises it
            connection.send((index, WorkerError(f"{type(exc).__name__}: {exc}")))


def ordered_map(
    function: Callable[[Any], Any], batches: Sequence[Sequence[Any]], jobs: int
) -> Iterator[Any]:
    """``function`` over every item of ``batches`` in ``jobs`` worker processes.

    A batch is one message to a worker; results come back one per item, in item order.
    ``function`` is inherited by the workers (fork) or pickled once per worker (spawn).
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pipes = [context.Pipe() for _ in range(jobs)]
    workers = [
        context.Process(target=_serve, args=(function, child), daemon=True) for _, child in pipes
    ]
    for worker in workers:
        worker.start()
    parents = [parent for parent, _ in pipes]
    for _, child in pipes:
        child.close()
    next_batch = 0

    def feed(connection: Connection) -> None:
        nonlocal next_batch
        if next_batch < len(batches):
            connection.send((next_batch, batches[next_batch]))
            next_batch += 1

    try:
        for connection in parents:
            for _ in range(AHEAD):
                feed(connection)
        done: dict[int, list[Any]] = {}
        sentinels = {worker.sentinel: worker for worker in workers}
        for index in range(len(batches)):
            while index not in done:
                for ready in wait([*parents, *sentinels]):
                    if isinstance(ready, Connection):
                        finished, results = ready.recv()
                        if isinstance(results, WorkerError):
                            raise results
                        done[finished] = results
                        feed(ready)
                    elif not any(p.poll() for p in parents):
                        dead = sentinels[ready]
                        dead.join(timeout=1)
                        raise WorkerError(f"worker exited with code {dead.exitcode}")
            yield from done.pop(index)
    finally:
        for connection in parents:
            with contextlib.suppress(OSError):  # the worker is gone already
                connection.send(None)
        for worker in workers:
            worker.join(timeout=1)
            if worker.is_alive():
                worker.terminate()
