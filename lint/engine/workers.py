"""An ordered, bounded process pool: one pipe per worker, no helper threads.

``multiprocessing.Pool`` costs the parent process a large share of the work it hands
out: its worker-handler thread wakes and re-registers selectors for every message (about
a third of the workers' CPU time on small files, measured with ``bench/run.py``). Here
the parent only waits on the workers' pipes: each worker has at most ``AHEAD`` batches
queued, so memory stays bounded however long the task list, and results come back in
task order.

A worker ignores Ctrl-C (the terminal sends it to the whole process group; the parent decides)
and turns SIGTERM into an exit that unwinds, so a write in progress removes its temp file. It
holds no copy of the parent's pipe ends: when the parent dies, its pipe reads end of file and
the worker exits instead of waiting forever.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

# Batches queued per worker: one being worked on, one waiting, so no worker idles
# while the parent is busy receiving.
AHEAD = 2


class WorkerError(RuntimeError):
    """A worker process died or its function raised."""


@dataclass
class Traffic:
    """What the workers sent back: the bytes the parent read and unpickled (its share of a
    pool's cost grows with them, so the benchmark reports them)."""

    received: int = 0
    messages: int = 0


def _serve(
    function: Callable[[Any], Any], connection: Connection, inherited: list[Connection]
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    for parent_end in inherited:  # fork copied them: while held, no read would see EOF
        parent_end.close()
    try:
        while True:
            message = connection.recv()
            if message is None:
                return
            index, batch = message
            try:
                results: Any = [function(item) for item in batch]
            except Exception as exc:  # sent back to the parent, which raises it
                results = WorkerError(f"{type(exc).__name__}: {exc}")
            connection.send((index, results))
    except (EOFError, BrokenPipeError):
        return  # the parent is gone: nobody wants the results


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def ordered_map(
    function: Callable[[Any], Any],
    batches: Sequence[Sequence[Any]],
    jobs: int,
    traffic: Traffic | None = None,
) -> Iterator[Any]:
    """``function`` over every item of ``batches`` in ``jobs`` worker processes.

    A batch is one message to a worker; results come back one per item, in item order.
    ``function`` is inherited by the workers (fork) or pickled once per worker (spawn).
    ``traffic``, when given, counts the bytes of the results received.
    """
    traffic = traffic if traffic is not None else Traffic()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pipes = [context.Pipe() for _ in range(jobs)]
    parents = [parent for parent, _ in pipes]
    workers = [
        context.Process(target=_serve, args=(function, child, parents), daemon=True)
        for _, child in pipes
    ]
    for worker in workers:
        worker.start()
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
                        # What Connection.recv does, with the message's size counted.
                        message = ready.recv_bytes()
                        traffic.received += len(message)
                        traffic.messages += 1
                        finished, results = pickle.loads(message)
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
                worker.join(timeout=1)  # its write in progress unwinds and removes the temp
