"""Running files through the linter: serially or in a pool of processes, with the result cache.

Each worker process gets the compiled linter once (inherited through fork, or pickled once
per worker where processes are spawned, and compiled there from the disk caches) and then
receives tasks only: a path, or a byte range of a large JSONL file, so one big file still
keeps every core busy. What crosses between processes is a task in and a result out; results
come back in task order (:mod:`cnlint.engine.workers`), and the ranges of one file are joined
back into one result.

A result is a :class:`~cnlint.engine.run.FileResult` (documents and findings), or, with ``finish``,
whatever that function makes of it in the worker: the streamed formats send each file's
rendered fragment of the report and its counts (:mod:`cnlint.report.rendered`), so no document
text crosses back to the parent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from cnlint.engine.cache import ResultCache
from cnlint.engine.linter import Linter
from cnlint.engine.run import (
    DocumentResult,
    FileResult,
    joined,
    problems_line,
    process_source,
    process_stream,
)
from cnlint.engine.workers import Traffic, ordered_map
from cnlint.inputs import jsonl
from cnlint.inputs.compression import compression_of
from cnlint.inputs.sources import SourceError, SourceFile, SourceOptions, is_jsonl, read_source

# Below this many tasks a pool costs more (starting processes) than it saves.
MIN_TASKS_FOR_POOL = 4
# Uncompressed JSONL files larger than this are linted in ranges of about this size.
CHUNK_BYTES = 1 << 20
# The smallest range a pool's last tasks shrink to (see _chunk).
MIN_CHUNK_BYTES = 64 << 10
# A JSONL file read block by block (fixed, or compressed) and larger than this is streamed in
# the parent instead of a worker: a worker sends a task's results back whole, so memory would
# follow the file's size; in the parent it follows one block. Smaller ones stay parallel.
STREAM_IN_PARENT_BYTES = 16 << 20
# A batch (one message to a worker) holds tasks up to about this many bytes of input.
BATCH_BYTES = 1 << 20
MAX_BATCH_TASKS = 16


@dataclass(frozen=True)
class Mode:
    fix: bool = False
    unsafe: bool = False
    write: bool = False


@dataclass(frozen=True)
class Task:
    """A whole file, or (``end`` > 0) the JSONL lines in bytes ``[start, end)`` of one."""

    path: Path
    start: int = 0
    end: int = 0
    first_line: int = 1
    size: int = 0  # bytes of input, to balance batches


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan(
    files: list[Path], mode: Mode, chunk_bytes: int = CHUNK_BYTES, jobs: int = 1
) -> list[Task]:
    """One task per file; in lint mode, large uncompressed JSONL files in line-aligned ranges.

    Fixing keeps whole files: a file is written once, from all its records. For a pool of
    ``jobs``, ranges shrink as the work after them does (see :func:`_chunk`).
    """
    sizes = [_size(path) for path in files]
    left = sum(sizes)  # bytes from the current file to the end
    tasks: list[Task] = []
    for path, size in zip(files, sizes, strict=True):
        splittable = not mode.fix and is_jsonl(path.name) and compression_of(path.name) is None
        if splittable and size > chunk_bytes:
            tasks.extend(
                _ranges(path, lambda done, left=left: _chunk(chunk_bytes, left - done, jobs))
            )
        else:
            tasks.append(Task(path, size=size))
        left -= size
    return tasks


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the task reports the error


def _chunk(chunk_bytes: int, left: int, jobs: int) -> int:
    """The size of the range that starts with ``left`` bytes of work still to come.

    Workers finish together only if the last tasks are small: a 1 MB range handed out last
    keeps one worker busy for a fifth of a second while the others wait (a large JSONL file
    sorts after the text files of its folder, so its ranges come last). Ranges are at most a
    quarter of each worker's share of what is left, so they shrink towards the end.
    """
    if jobs <= 1:
        return chunk_bytes
    return max(min(MIN_CHUNK_BYTES, chunk_bytes), min(chunk_bytes, left // (jobs * 4)))


def batches(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """Consecutive tasks grouped into messages of similar input size.

    A message costs the same whatever it carries, so small files travel together. As the
    ranges of :func:`plan`, batches shrink with the work left after them (each at most a
    quarter of each worker's share of it): the last ones are small, so no worker is left
    with a large batch while the others have nothing to do.
    """
    left = sum(task.size for task in tasks)
    grouped: list[list[Task]] = []
    current: list[Task] = []
    size = 0
    for task in tasks:
        limit = max(1, min(BATCH_BYTES, left // (jobs * 4)))
        if current and (size + task.size > limit or len(current) >= MAX_BATCH_TASKS):
            grouped.append(current)
            left -= size
            current, size = [], 0
        current.append(task)
        size += task.size
    if current:
        grouped.append(current)
    return grouped


def _ranges(path: Path, chunk_at: Callable[[int], int]) -> list[Task]:
    """Ranges that end after a newline, with the line number each one starts at; a range
    starting at byte ``n`` holds about ``chunk_at(n)`` bytes."""
    tasks, start, line = [], 0, 1
    with path.open("rb") as handle:
        while True:
            block = handle.read(chunk_at(start))
            if not block:
                break
            rest = b"" if block.endswith(b"\n") else handle.readline()
            block += rest
            end = start + len(block)
            tasks.append(Task(path, start, end, line, end - start))
            line += block.count(b"\n")
            start = end
    return tasks


class FileJob:
    """Lints (or fixes) one task; in lint mode, asks the cache first."""

    def __init__(self, linter: Linter, mode: Mode, cache_dir: Path | None = None) -> None:
        self.linter = linter
        linter.prepare()
        self.mode = mode
        self.options = SourceOptions.from_config(linter.config)
        use_cache = cache_dir is not None and not mode.fix
        self.cache = ResultCache(cache_dir, linter.rules) if use_cache else None

    def __setstate__(self, state: dict) -> None:
        # A spawned worker (where there is no fork) gets the job pickled: it compiles the gate
        # and the patterns at once, from the disk caches, not each pattern on first use.
        self.__dict__.update(state)
        self.linter.prepare()

    def __call__(self, task: Task | Path) -> FileResult:
        """The task's one result (a streamed file's parts joined: what a worker sends back)."""
        task = task if isinstance(task, Task) else Task(task)
        return joined(str(task.path), self.parts(task))

    def streams(self, task: Task) -> bool:
        """Whether :meth:`parts` reads this task block by block (a whole JSONL file that is
        fixed, or compressed) rather than in one piece."""
        streamable = self.cache is None or compression_of(task.path.name) is not None
        return is_jsonl(task.path.name) and not task.end and streamable

    def parts(self, task: Task) -> Iterator[FileResult]:
        """The task's results as they come: a whole JSONL file block by block (memory follows
        one block), anything else in one result."""
        if self.streams(task):
            mode = self.mode
            yield from process_stream(
                task.path, self.linter, fix=mode.fix, unsafe=mode.unsafe, write=mode.write
            )
            return
        yield self._whole(task)

    def _whole(self, task: Task) -> FileResult:
        try:
            return self._run(task)
        except Exception as exc:  # outside any rule: still this file's error, the run goes on
            return FileResult(str(task.path), error=f"internal error: {type(exc).__name__}: {exc}")

    def _run(self, task: Task) -> FileResult:
        try:
            source = self._read(task)
        except SourceError as exc:
            return FileResult(str(task.path), error=str(exc))
        if self.cache is not None:
            return self._lint_cached(source, task)
        mode = self.mode
        return process_source(
            source, self.linter, fix=mode.fix, unsafe=mode.unsafe, write=mode.write
        )

    def _read(self, task: Task) -> SourceFile:
        if not task.end:
            return read_source(task.path, self.options, str(task.path))
        try:
            with task.path.open("rb") as handle:
                handle.seek(task.start)
                raw = handle.read(task.end - task.start)
        except OSError as exc:
            raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
        display = str(task.path)
        documents, layout, problems = jsonl.parse(raw, display, self.options, task.first_line)
        return SourceFile(None, display, raw, documents, layout, None, problems)

    def _lint_cached(self, source: SourceFile, task: Task) -> FileResult:
        rules = self.linter.rules_for(source.display)
        key = self.cache.key(source.raw, rules, extra=f"{self.options!r}@{task.first_line}")
        cached = self.cache.load(key)
        if cached is not None and len(cached) == len(source.documents):
            documents = [
                DocumentResult(doc, found)
                for doc, found in zip(source.documents, cached, strict=True)
            ]
            return FileResult(source.display, documents, error=problems_line(source.problems))
        result = process_source(source, self.linter, fix=False, unsafe=False, write=False)
        if result.error == problems_line(source.problems):  # a crashed rule is not cached
            self.cache.store(key, [d.findings for d in result.documents])
        return result


def run_files(
    files: list[Path], job: FileJob, jobs: int = 1, *, join: bool = True
) -> Iterator[FileResult]:
    """Results of ``job`` on ``files`` in order; ``jobs`` > 1 uses processes.

    One result per file, or with ``join=False`` the parts as they come (a large JSONL file
    in several), for consumers that keep no more than counts: memory then stays flat in
    file size.
    """
    results = run_tasks(files, job, jobs)
    yield from _join(results) if join else (result for _, result in results)


def run_tasks(
    files: list[Path],
    job: FileJob,
    jobs: int = 1,
    *,
    finish: Callable[[FileResult], Any] | None = None,
    traffic: Traffic | None = None,
) -> Iterator[tuple[Task, Any]]:
    """Each task with its result, in order: a large JSONL file comes in several parts.

    For callers that consume results as they come (counting, streaming output): memory
    then follows one task's documents, however large the files. ``finish`` turns each
    result into what the caller keeps, where the result is made (in the worker): what a
    worker sends back is then only that. ``traffic`` counts the bytes workers send.
    """
    finish = finish or _as_is
    tasks = plan(files, job.mode, CHUNK_BYTES, jobs)
    in_parent = {id(task) for task in tasks if _streams_in_parent(job, task)}
    pooled = [task for task in tasks if id(task) not in in_parent]
    jobs = min(jobs, len(pooled))
    if jobs <= 1 or len(pooled) < MIN_TASKS_FOR_POOL:
        for task in tasks:
            yield from ((task, finish(part)) for part in job.parts(task))
        return
    results = ordered_map(Finished(job, finish), batches(pooled, jobs), jobs, traffic)
    try:
        for task in tasks:
            if id(task) in in_parent:
                yield from ((task, finish(part)) for part in job.parts(task))
            else:
                yield task, next(results)
    finally:
        results.close()  # stops the workers, also when the caller stops early


@dataclass(frozen=True)
class Finished:
    """What a worker runs: the job on a task, then ``finish`` on its result."""

    job: FileJob
    finish: Callable[[FileResult], Any]

    def __call__(self, task: Task) -> Any:
        return self.finish(self.job(task))


def _as_is(result: FileResult) -> FileResult:
    return result


def _streams_in_parent(job: FileJob, task: Task) -> bool:
    return task.size > STREAM_IN_PARENT_BYTES and job.streams(task)


def _join(results: Iterator[tuple[Task, FileResult]]) -> Iterator[FileResult]:
    """One result per file: the ranges of a split file joined in order."""
    for path, group in groupby(results, key=lambda pair: pair[0].path):
        yield joined(str(path), (result for _, result in group))
