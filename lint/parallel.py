"""Running files through the linter: serially or in a pool of processes, with the result cache.

Each worker process gets the compiled linter once (inherited through fork, or pickled once
per worker where processes are spawned) and then receives file paths only, so what
crosses between processes is a path in and a result out. ``imap`` keeps results in the
order of the files and hands them over as they finish.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .cache import ResultCache
from .linter import Linter
from .run import DocumentResult, FileResult, process_source
from .sources import SourceError, SourceOptions, read_source

# Below this many files a pool costs more (starting processes) than it saves.
MIN_FILES_FOR_POOL = 4


@dataclass(frozen=True)
class Mode:
    fix: bool = False
    unsafe: bool = False
    write: bool = False


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class FileJob:
    """Lints (or fixes) one file; in lint mode, asks the cache first."""

    def __init__(self, linter: Linter, mode: Mode, cache_dir: Path | None = None) -> None:
        self.linter = linter
        self.mode = mode
        self.sources = SourceOptions.from_config(linter.config)
        self.options = SourceOptions.from_config(linter.config)
        use_cache = cache_dir is not None and not mode.fix
        self.cache = ResultCache(cache_dir, linter.rules) if use_cache else None

    def __call__(self, path: Path) -> FileResult:
        mode = self.mode
        try:
            source = read_source(path, self.options, str(path))
        except SourceError as exc:
            return FileResult(str(path), error=str(exc))
        if self.cache is None:
            result = process_source(
                source, self.linter, fix=mode.fix, unsafe=mode.unsafe, write=mode.write
            )
        else:
            result = self._lint_cached(source)
        if not mode.fix:
            # Lint mode never diffs: do not ship the whole text back twice more.
            result.old_text = result.new_text = ""
        return result

    def _lint_cached(self, source) -> FileResult:
        rules = self.linter.rules_for(source.display)
        key = self.cache.key(source.raw, rules, extra=repr(self.options))
        cached = self.cache.load(key)
        if cached is not None and len(cached) == len(source.documents):
            documents = [
                DocumentResult(doc, found)
                for doc, found in zip(source.documents, cached, strict=True)
            ]
            return FileResult(source.display, documents)
        result = process_source(source, self.linter, fix=False, unsafe=False, write=False)
        self.cache.store(key, [d.findings for d in result.documents])
        return result


_worker_job: FileJob | None = None


def _start_worker(job: FileJob) -> None:
    global _worker_job
    _worker_job = job


def _run_in_worker(path: Path) -> FileResult:
    assert _worker_job is not None, "worker not initialised"
    return _worker_job(path)


def run_files(files: list[Path], job: FileJob, jobs: int = 1) -> Iterator[FileResult]:
    """Results of ``job`` on ``files``, in order; ``jobs`` > 1 runs them in worker processes."""
    jobs = min(jobs, len(files))
    if jobs <= 1 or len(files) < MIN_FILES_FOR_POOL:
        yield from map(job, files)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.imap(_run_in_worker, files, chunksize=1)
