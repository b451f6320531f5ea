"""The library entry point: check files and folders, get a :class:`~cnlint.engine.run.Report`.

One call does what ``cnlint check`` does, without printing::

    import cnlint
    report = cnlint.check_paths(["corpus/"], fix=True, write=True)
    for doc, finding in report.findings:
        print(doc.path, finding.code, finding.message)

``cnlint check`` is built from the same steps, which are public too: :func:`select_files`
(discovery, a baseline file left out, ``changed_since``), :func:`iter_results` (per-file
results as they come, serially or in worker processes, with the result cache, or the corpus
pass), :func:`apply_baseline`, :func:`update_baseline` and :func:`verdict` (the exit code
under the gate limits). Iterating :func:`iter_check` instead of collecting a report keeps
memory flat however large the corpus. Below them, every way in shares one core: a file goes
through :func:`cnlint.engine.run.read_and_process` (also ``cnlint fix --out``), a document through
:func:`cnlint.engine.run.check_document` (also the Ray and datatrove adapters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cnlint.ci.limits import Limits, Tally, Verdict, evaluate
from cnlint.config import Config
from cnlint.engine.cache import CACHE_DIR
from cnlint.engine.corpus import run_corpus
from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, default_jobs, run_files, run_tasks
from cnlint.engine.registry import load_registry
from cnlint.engine.run import FileResult, Report
from cnlint.inputs.discovery import discover
from cnlint.inputs.gitdiff import GitError, changed_files, only_changed

if TYPE_CHECKING:
    # Imported where a baseline is used: most runs have none.
    from cnlint.ci import baseline as baselines

__all__ = [
    "GitError",
    "Selection",
    "apply_baseline",
    "check_paths",
    "iter_check",
    "iter_results",
    "select_files",
    "update_baseline",
    "verdict",
]


@dataclass
class Selection:
    """The files to check, and the paths that could not be listed (as error results)."""

    files: list[Path] = field(default_factory=list)
    problems: list[FileResult] = field(default_factory=list)
    # Files discovery found before ``changed_since`` narrowed them: none at all means the
    # paths hold nothing the config includes (worth a warning), not that nothing changed.
    discovered: int = 0


def select_files(
    paths: Iterable[Path | str],
    config: Config,
    *,
    baseline: Path | None = None,
    changed_since: str | None = None,
) -> Selection:
    """The files under ``paths`` that the config includes.

    The ``baseline`` file is left out (a baseline kept beside the corpus is JSON, and
    ``*.json`` is an input format). With ``changed_since`` (a git ref) only the files changed
    since it, and untracked ones, are kept; :class:`GitError` says why that failed.
    """
    paths = [Path(p) for p in paths]
    found = discover(paths, config)
    files = found.files
    if baseline is not None:
        from cnlint.ci import baseline as baselines

        files = [f for f in files if not baselines.same_file(f, baseline)]
    discovered = len(files)
    if changed_since is not None:
        files = only_changed(files, changed_files(changed_since, paths[0]))
    problems = [FileResult(path, error=reason) for path, reason in found.problems]
    return Selection(files, problems, discovered)


def iter_results(
    selection: Selection,
    linter: Linter,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    corpus: bool = False,
    jobs: int | None = None,
    cache: bool = False,
    join: bool = True,
    finish: Callable[[FileResult], Any] | None = None,
) -> Iterator[Any]:
    """Each selected file's result in order, then one error result per unlisted path.

    ``fix`` computes the fixes (``unsafe`` also the unsafe ones); ``write`` also writes them
    to the files, atomically. ``corpus`` adds the corpus rules' findings (it reads every
    file twice and reports only; not with ``fix``). ``jobs`` worker processes (default: one
    per core); ``cache`` reads and writes the result cache under the config's root. With
    ``join=False`` a large JSONL file comes in several parts as they are read, so a consumer
    that keeps only counts runs in flat memory. ``finish`` turns each result (or part) into
    what the caller keeps, in the worker process that made it, so only that comes back (the
    CLI's streamed formats: each file's rendered fragment and counts); the parts are then
    never joined.
    """
    if corpus:
        results = run_corpus(selection.files, linter)
        yield from map(finish, results) if finish else results
    else:
        mode = Mode(fix=fix, unsafe=unsafe, write=write)
        cache_dir = (linter.config.root or Path.cwd()) / CACHE_DIR if cache else None
        job = FileJob(linter, mode, cache_dir)
        if finish is None:
            yield from run_files(selection.files, job, jobs or default_jobs(), join=join)
        else:
            tasks = run_tasks(selection.files, job, jobs or default_jobs(), finish=finish)
            yield from (part for _, part in tasks)
    yield from map(finish, selection.problems) if finish else selection.problems


def apply_baseline(report: Report, path: Path) -> baselines.Outcome:
    """Drop the findings the baseline file at ``path`` knows from ``report``; how many were
    suppressed and how many known ones no longer occur. Raises ``BaselineError``."""
    from cnlint.ci import baseline as baselines

    return baselines.apply(report, baselines.load(path))


def verdict(report: Report, config: Config) -> Verdict:
    """The run's outcome under the config's gate limits (``max-findings``, ``max-density``):
    its ``exit_code`` is the one ``cnlint check`` exits with, ``reasons`` why a limit failed.
    Without limits it is ``report.exit_code()``."""
    return evaluate(Tally.of(report), Limits(config.max_findings, config.max_density))


def update_baseline(report: Report, path: Path) -> baselines.Baseline:
    """Write the report's findings to the baseline file at ``path`` (keeping its entries for
    files this report did not check); what was written. Raises ``BaselineError``."""
    from cnlint.ci import baseline as baselines

    written = baselines.update(report, path)
    baselines.write(written, path)
    return written


def iter_check(
    paths: Iterable[Path | str],
    config: Config | None = None,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    corpus: bool = False,
    baseline: Path | None = None,
    changed_since: str | None = None,
    jobs: int | None = 1,
    cache: bool = False,
) -> Iterator[FileResult]:
    """The streaming form of :func:`check_paths`: one result per file as it is checked, so
    memory follows one file. Usage errors (the config, ``changed_since``) raise at the call,
    as in :func:`check_paths`; each file is read when its result is taken. A ``baseline``
    here only keeps its own file out of the inputs; suppressing its findings needs the whole
    report (:func:`check_paths`)."""
    linter = _linter(config, fix=fix, corpus=corpus)
    selection = select_files(paths, linter.config, baseline=baseline, changed_since=changed_since)
    options = dict(fix=fix, unsafe=unsafe, write=write, corpus=corpus, jobs=jobs, cache=cache)
    return iter_results(selection, linter, **options)


def check_paths(
    paths: Iterable[Path | str],
    config: Config | None = None,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    corpus: bool = False,
    baseline: Path | None = None,
    changed_since: str | None = None,
    jobs: int | None = 1,
    cache: bool = False,
) -> Report:
    """Check files and folders as ``cnlint check`` does; the report of every file.

    ``config`` defaults to the default rules (``cnlint.load_config(None, path)`` finds a
    project's ``cnlint.toml``). ``fix`` applies the safe fixes (``unsafe`` the unsafe ones
    too) to the texts in the report, whose findings are then those that remain; ``write``
    also writes the fixed files in place (without it nothing on disk changes). ``corpus``
    adds the corpus rules (D2xx; reports only, not with ``fix``). ``baseline`` (a file
    written by ``cnlint check --update-baseline``) drops the findings it knows, and
    ``report.baseline`` says how many. ``changed_since`` (a git ref) checks only the files
    changed since it, and untracked ones. ``jobs`` worker processes (``None``: one per core);
    ``cache`` uses the result cache (``.cnlint_cache`` under the config's root).

    A file that cannot be read is a result with an ``error``, and the run goes on;
    ``report.exit_code()`` is 0 clean, 1 findings, 2 errors (``verdict(report, config)``
    applies the config's gate limits, as ``cnlint check`` does). Raises ``ConfigError``
    for an invalid config, ``GitError`` when ``changed_since`` cannot be resolved,
    ``BaselineError`` for an unreadable baseline, ``ValueError`` for ``corpus`` with ``fix``.
    """
    results = iter_check(
        paths,
        config,
        fix=fix,
        unsafe=unsafe,
        write=write,
        corpus=corpus,
        baseline=baseline,
        changed_since=changed_since,
        jobs=jobs,
        cache=cache,
    )
    report = Report(list(results), (config or Config()).fail_on)
    if baseline is not None:
        report.baseline = apply_baseline(report, baseline)
    return report


def _linter(config: Config | None, *, fix: bool, corpus: bool) -> Linter:
    if corpus and fix:
        raise ValueError("the corpus pass reports only; it cannot be combined with fix")
    config = config or Config()
    registry = load_registry()
    config.validate_rules(registry)
    return Linter(config, registry)
