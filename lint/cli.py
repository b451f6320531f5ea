"""The command line: a thin typer layer over the library."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperArgument

from . import __version__, baseline, patch
from .cache import CACHE_DIR
from .compression import compression_of
from .config import TARGET_SCRIPTS, Config, ConfigError, load_config, with_settings
from .copies import CopyError, fix_copies
from .copies import summary_line as copies_summary
from .corpus import corpus_linter, run_corpus
from .discovery import discover, iter_files
from .explain import rule_markdown
from .finding import Severity
from .gitdiff import GitError, changed_files, only_changed
from .inputs_cli import (
    IdFieldOption,
    RespectGitignoreOption,
    StdinFilenameOption,
    TextFieldOption,
    input_overrides,
)
from .limits import Limits, Tally, evaluate
from .linter import Linter
from .parallel import FileJob, Mode, default_jobs, run_files
from .registry import Registry, RegistryError, load_registry
from .rejected import RejectedLog
from .report import REPORTERS, full
from .report import statistics as statistics_report
from .report.console import UNENCODABLE, escape_unencodable, make_console
from .report.errors import errors_summary, print_errors
from .report.full import summary_table
from .report.summary import Counts, plural, show_fixed, summary_line
from .run import FileResult, Report, process_stdin
from .sources import SourceOptions
from .writer import files_written

# typer prints an argument's Python type after its metavar (PATH <list[Path]>), which tells a
# user nothing the metavar and help do not; typer has no public switch for it.
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    help="cnlint: a data-quality linter for scraped Chinese text.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
PROGRESS_MIN_FILES = 20
EXTEND_KEYS = ("extend_select", "extend_ignore")
# Formats of one line per finding, no header or totals: written file by file as results come.
STREAMED_FORMATS = ("concise", "jsonl", "github")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cnlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """cnlint finds and fixes defects in scraped Chinese text."""
    escape_unencodable(sys.stdout, sys.stderr)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fail(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"cnlint: error: {message}", markup=False
    )
    return typer.Exit(2)


def load_registry_or_fail() -> Registry:
    try:
        return load_registry()
    except RegistryError as exc:
        raise fail(str(exc)) from exc


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C ends a command with one line and exit 130, not a traceback: every write is
    atomic, so what was written is whole and the rest untouched."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            Console(stderr=True, highlight=False).print(
                f"cnlint: interrupted; {files_written()} files written, none partially",
                markup=False,
            )
            raise typer.Exit(130) from None

    return run


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "--output-format",
        metavar="FORMAT",
        help=f"Output format: {', '.join(REPORTERS)}.",
    ),
]
ConfigOption = Annotated[
    list[str] | None,
    typer.Option(
        "--config",
        metavar="FILE|KEY=VALUE",
        help="Config file (cnlint.toml or pyproject), or a setting on top of the config found, "
        "in TOML: --config 'target-script = \"traditional\"'. Repeatable.",
    ),
]


def config_arguments(values: list[str] | None) -> tuple[Path | None, list[str]]:
    """``--config`` values: at most one file, and KEY=VALUE settings (ruff's convention: a value
    is a setting when it holds ``=`` and is not an existing file)."""
    files = [v for v in values or () if "=" not in v or Path(v).is_file()]
    if len(files) > 1:
        raise fail(f"--config names two files ({files[0]}, {files[1]}); give one")
    settings = [v for v in values or () if v not in files]
    return (Path(files[0]) if files else None), settings


def load_config_or_fail(values: list[str] | None, start: Path) -> Config:
    path, settings = config_arguments(values)
    try:
        return with_settings(load_config(path, start), settings)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


def configured_linter(
    config_values: list[str] | None,
    start: Path,
    select: list[str] | None,
    ignore: list[str] | None,
    **overrides: Any,
) -> tuple[Config, Linter]:
    """The config found for ``start`` with the command line's values on top, and its linter."""
    registry = load_registry_or_fail()
    flags = [("--select", select), ("--ignore", ignore)]
    flags += [(f"--{key.replace('_', '-')}", overrides.get(key)) for key in EXTEND_KEYS]
    for flag, values in flags:
        unknown = [s for s in _split(values) or () if not registry.matching(s)]
        if unknown:
            raise fail(f"unknown rule selector {unknown[0]!r} ({flag}); see `cnlint rules`")
    config = load_config_or_fail(config_values, start)
    for key in EXTEND_KEYS:  # the command line's add to the config's, as their name says
        overrides[key] = (*getattr(config, key), *(_split(overrides.get(key)) or ()))
    try:
        config = config.with_overrides(select=_split(select), ignore=_split(ignore), **overrides)
        config.validate_rules(registry)
        return config, Linter(config, registry)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


@app.command()
@interruptible
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="Files or folders (default: the current folder); - reads stdin."
        ),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODES",
            help="Rules to enable: codes, prefixes (P, P1) or names; comma-separated.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES", help="Rules to disable (codes, prefixes, names)."),
    ] = None,
    output_format: FormatOption = "full",
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Show counts per rule instead of each finding (as JSON with --format json).",
        ),
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            metavar="SEVERITY",
            help="Lowest severity that makes the exit code 1: error, warning, info.",
        ),
    ] = None,
    config_values: ConfigOption = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES", help="Rules to enable on top of the selection."),
    ] = None,
    extend_ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES", help="Rules to disable on top of the ignored ones."),
    ] = None,
    target_script: Annotated[
        str | None,
        typer.Option(
            metavar="SCRIPT",
            help="The script the text should be in: simplified (the default), traditional, any.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means an error)."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print the findings only: no summary, no notes."),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Also say which config, rules and files are used (stderr)."
        ),
    ] = False,
    exit_non_zero_on_fix: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-fix",
            help="With --fix, exit 1 when anything was fixed (for pre-commit), too.",
        ),
    ] = False,
    show_fixes: Annotated[
        bool,
        typer.Option("--show-fixes", help="With --fix, list what was fixed, per file and rule."),
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option(
            "--show-all",
            help="With --format full, show every finding (default: at most "
            f"{full.PER_RULE} of a rule per file, then how many more).",
        ),
    ] = False,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus", help="Also run the corpus pass (the corpus rules, see `cnlint corpus`)."
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per core)."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=f"Do not read or write {CACHE_DIR}/.")
    ] = False,
    text_field: TextFieldOption = None,
    id_field: IdFieldOption = None,
    respect_gitignore: RespectGitignoreOption = None,
    stdin_filename: StdinFilenameOption = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Write the report to this file; the terminal gets the summary."
        ),
    ] = None,
    max_findings: Annotated[
        int | None, typer.Option(min=0, metavar="N", help="Fail only above this many findings.")
    ] = None,
    max_density: Annotated[
        float | None,
        typer.Option(
            min=0, metavar="N", help="Fail only above this many findings per 10,000 characters."
        ),
    ] = None,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report and fail only on findings not in this baseline.",
        ),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option(help="Write the current findings to the --baseline file.")
    ] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            metavar="REF",
            help="Check only files changed since this git ref (and untracked ones).",
        ),
    ] = None,
) -> None:
    """Lint files and folders (`-` reads stdin); exit 0 if clean, 1 on findings, 2 on errors.

    With `-` and --fix, the fixed text goes to stdout and the report to stderr.
    """
    if corpus and (fix or diff):
        raise fail("--corpus reports only; it cannot be combined with --fix or --diff")
    paths = paths or [Path(".")]
    if output_format not in REPORTERS:
        raise fail(f"unknown --format {output_format!r} (choose from {', '.join(REPORTERS)})")
    if fail_on is not None and fail_on not in [s.value for s in Severity]:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from error, warning, info)")
    if target_script is not None and target_script not in TARGET_SCRIPTS:
        choices = ", ".join(TARGET_SCRIPTS)
        raise fail(f"unknown --target-script {target_script!r} (choose from {choices})")
    if update_baseline and baseline_file is None:
        raise fail("--update-baseline needs --baseline FILE")
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    started = time.perf_counter()
    config, linter = configured_linter(
        config_values,
        paths[0],
        select,
        ignore,
        fail_on=Severity(fail_on) if fail_on else None,
        **input_overrides(text_field, id_field, respect_gitignore),
        max_findings=max_findings,
        max_density=max_density,
        extend_select=extend_select,
        extend_ignore=extend_ignore,
        target_script=target_script,
    )
    say = _Verbose(verbose)
    say(f"config: {config.source}")
    say(f"{len(linter.rules)} rules: {' '.join(rule.code for rule in linter.rules)}")

    reading_stdin = [str(p) for p in paths] == ["-"]
    stdin_raw = sys.stdin.buffer.read() if reading_stdin else None
    if stdin_raw is not None:
        emit = fix and not diff
        results = [
            _check_stdin(
                stdin_raw, stdin_filename, linter, fix=fix or diff, unsafe=unsafe_fixes, emit=emit
            )
        ]
    else:
        found = discover(paths, config)
        # A baseline kept beside the corpus is JSON, and *.json is an input format.
        files = [
            f for f in found.files if not baseline_file or not baseline.same_file(f, baseline_file)
        ]
        if not files and not found.problems:
            where = ", ".join(str(p) for p in paths)
            patterns = ", ".join(config.include)
            Console(stderr=True, highlight=False).print(
                f"cnlint: warning: no files to check in {where} (include: {patterns})",
                markup=False,
            )
        if changed_since is not None:
            try:
                files = only_changed(files, changed_files(changed_since, paths[0]))
            except GitError as exc:
                raise fail(f"--changed-since {changed_since}: {exc}") from exc
        say(f"{len(files)} files to check")
        problems = [FileResult(path, error=reason) for path, reason in found.problems]
        mode = Mode(fix=fix or diff, unsafe=unsafe_fixes, write=fix and not diff)
        cache_dir = None if no_cache else (config.root or Path.cwd()) / CACHE_DIR
        job = FileJob(linter, mode, cache_dir)
        streamed = output_format in STREAMED_FORMATS and not (
            corpus
            or diff
            or statistics
            or output_file
            or baseline_file
            or update_baseline
            or show_fixes
            or exit_non_zero_on_fix
        )
        if streamed:
            limits = Limits(config.max_findings, config.max_density)
            parts = run_files(files, job, jobs or default_jobs(), join=False)
            results = chain(parts, problems)
            code = _report_streamed(results, output_format, config.fail_on, limits, quiet=quiet)
            say(f"done in {time.perf_counter() - started:.2f} s")
            raise typer.Exit(0 if exit_zero and code == 1 else code)
        results = run_corpus(files, linter) if corpus else _run(files, job, jobs or default_jobs())
        results += problems
    report = Report(results, config.fail_on)
    if diff:
        _print_diff(results, stdin_raw, quiet=quiet)
        code = 2 if report.errors else (1 if any(r.changed for r in results) else 0)
        raise typer.Exit(0 if exit_zero and code == 1 else code)
    out = sys.stderr if fix and reading_stdin else sys.stdout  # stdout carries the fixed text
    if update_baseline:
        raise typer.Exit(_write_baseline(report, baseline_file))
    notes = _apply_baseline(report, baseline_file) if baseline_file else []
    verdict = evaluate(Tally.of(report), Limits(config.max_findings, config.max_density))
    notes += [f"Gate: {reason}." for reason in verdict.reasons]
    if statistics and output_format == "json":
        statistics_report.render_json(report, sys.stdout)
    elif statistics:
        statistics_report.render(report, sys.stdout)
    elif output_file is not None:
        _write_report(report, output_format, output_file)
    elif quiet and output_format == "full":
        full.render_findings(report, out, show_all=show_all)
    elif output_format == "full":
        full.render(report, out, show_all=show_all)
    else:
        REPORTERS[output_format](report, out)
    if output_format == "concise" and not (statistics or output_file or quiet):
        print(summary_line(report), file=sys.stderr)
    if show_fixes:
        show_fixed(report, out)
    human = statistics or output_file is not None or output_format in ("full", "concise")
    for note in [] if quiet else notes:
        print(note, file=out if human else sys.stderr)
    concise_summary = output_format == "concise" and not statistics
    in_summary = output_format == "full" or output_file is not None or concise_summary
    summarised = quiet or in_summary or (statistics and output_format != "json")
    _report_errors(report.errors, summarised=summarised)
    say(f"done in {time.perf_counter() - started:.2f} s")
    code = verdict.exit_code
    if exit_non_zero_on_fix and report.fixed_count and code == 0:
        code = 1
    raise typer.Exit(0 if exit_zero and code == 1 else code)


class _Verbose:
    """``-v``: what the run uses, on stderr, so it never mixes with the report."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(f"cnlint: {message}", file=sys.stderr)


def _report_errors(errors: list[FileResult], *, summarised: bool) -> None:
    """Each file that could not be checked on stderr, whatever the format, then why in sum
    (unless the report's own summary, on the terminal, already says it)."""
    print_errors(errors, sys.stderr)
    if errors and not summarised:
        print(f"cnlint: {errors_summary(errors)}", file=sys.stderr)


def _check_stdin(
    raw: bytes, name: str | None, linter: Linter, *, fix: bool, unsafe: bool, emit: bool
) -> FileResult:
    """Lint stdin; with ``emit`` the fixed bytes (or the input, if unfixable) go to stdout."""
    result, output = process_stdin(raw, name or "-", linter, fix=fix, unsafe=unsafe)
    if emit:
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    return result


def _report_streamed(
    results: Iterable[FileResult],
    output_format: str,
    fail_on: Severity,
    limits: Limits,
    *,
    quiet: bool = False,
) -> int:
    """Report each file's findings as soon as it is linted, keeping only counts: memory
    stays flat however large the corpus (the line-per-finding formats need no totals)."""
    render = REPORTERS[output_format]
    tally = Tally(fail_on)
    counts = Counts()
    for result in results:
        render(Report([result], fail_on), sys.stdout)
        tally.add(result)
        counts.add(result)
        print_errors([result], sys.stderr)
    verdict = evaluate(tally, limits)
    for reason in [] if quiet else verdict.reasons:
        print(f"Gate: {reason}.", file=sys.stdout if output_format == "concise" else sys.stderr)
    # concise: the summary goes to stderr, so stdout stays one line per finding (for editors'
    # problem matchers and grep); the other streamed formats are for machines.
    if output_format == "concise" and not quiet:
        print(summary_line(counts), file=sys.stderr)
    elif counts.errors and not quiet:
        print(f"cnlint: {errors_summary(counts.errors)}", file=sys.stderr)
    return verdict.exit_code


def _run(files: list[Path], job: FileJob, jobs: int) -> list[FileResult]:
    results = run_files(files, job, jobs)
    if len(files) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return list(results)
    collected = []
    from rich.progress import Progress  # only for a long run on a terminal: not at start-up

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Linting", total=len(files))
        for result in results:
            collected.append(result)
            progress.advance(task)
    return collected


def _print_diff(results: list[FileResult], stdin_raw: bytes | None, *, quiet: bool) -> None:
    """The fixes as one patch on stdout (for ``git apply``/``patch``); what it holds, what it
    could not show and the files that could not be checked go to stderr."""
    shown, hidden = [], []
    for result in results:
        if not result.changed:
            continue
        encoding = result.documents[-1].doc.encoding if result.documents else "utf-8"
        compressed = compression_of(result.path) is not None
        if not patch.shows_as_text(encoding, compressed):
            hidden.append((result, "compressed" if compressed else encoding))
            continue
        old = stdin_raw if stdin_raw is not None else _current_bytes(result)
        sys.stdout.buffer.write(
            patch.unified_patch(result.path, old, result.new_text.encode(encoding))
        )
        shown.append(result)
    sys.stdout.flush()
    for result, why in hidden:
        print(
            f"{result.path}: would fix {plural(result.fixed_count, 'finding')}; {why}, so not "
            "in the patch (`cnlint fix --out DIR` writes the fixed copy)",
            file=sys.stderr,
        )
    changed = shown + [result for result, _ in hidden]
    fixes = sum(result.fixed_count for result in changed)
    summary = f"Would fix {plural(fixes, 'finding')} in {plural(len(changed), 'file')}"
    unsafe = sum(
        1
        for result in results
        for _, finding in result.findings
        if finding.fix and finding.fix.applicability.value == "unsafe"
    )
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    if not quiet:
        print(f"{summary}{more}." if changed else "No fixes to apply.", file=sys.stderr)
    _report_errors([r for r in results if r.error], summarised=quiet)


def _current_bytes(result: FileResult) -> bytes:
    """The file as it is on disk: the patch's context must match it byte for byte."""
    try:
        return Path(result.path).read_bytes()
    except OSError:
        return result.old_text.encode("utf-8")


def _write_report(report: Report, output_format: str, output_file: Path) -> None:
    """The report goes to the file; the terminal gets the summary table and line."""
    try:
        with output_file.open("w", encoding="utf-8", errors=UNENCODABLE) as stream:
            REPORTERS[output_format](report, stream)
    except OSError as exc:
        raise fail(f"cannot write {output_file}: {exc.strerror or exc}") from exc
    console = make_console(sys.stdout)
    if report.findings:
        console.print(summary_table(report, console.width))
    console.print(summary_line(report), markup=False)
    console.print(f"Wrote the {output_format} report to {output_file}.", markup=False)


def _write_baseline(report: Report, path: Path) -> int:
    try:
        written = baseline.update(report, path)
        baseline.write(written, path)
    except baseline.BaselineError as exc:
        raise fail(str(exc)) from exc
    print(f"Wrote {written.total} findings in {len(written.files)} files to baseline {path}.")
    _report_errors(report.errors, summarised=False)
    return 2 if report.errors else 0


def _apply_baseline(report: Report, path: Path) -> list[str]:
    try:
        outcome = baseline.apply(report, baseline.load(path))
    except baseline.BaselineError as exc:
        raise fail(str(exc)) from exc
    notes = [f"Baseline: {outcome.suppressed} known findings suppressed ({path})."]
    if outcome.gone:
        notes.append(
            f"Baseline: {outcome.gone} known findings no longer occur; "
            "--update-baseline shrinks the baseline."
        )
    return notes


@app.command("fix")
@interruptible
def fix_command(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files or folders to copy fixed.")
    ],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the fixed copies.")],
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    drop_failing: Annotated[
        str | None,
        typer.Option(
            metavar="SEVERITY",
            help="Leave out documents (JSONL records, .txt files) that still have a finding "
            "at or above this severity: error, warning, info.",
        ),
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="With --drop-failing: write every dropped document, with the findings that "
            "dropped it, to this JSONL file.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Rules to enable.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Rules to disable.")
    ] = None,
    config_values: ConfigOption = None,
    text_field: TextFieldOption = None,
    id_field: IdFieldOption = None,
    respect_gitignore: RespectGitignoreOption = None,
) -> None:
    """Write fixed copies under --out with the same relative layout; sources stay untouched.

    Exit 0 when every file was copied, 2 when any could not be read or written.
    """
    if drop_failing is not None and drop_failing not in [s.value for s in Severity]:
        raise fail(f"unknown --drop-failing {drop_failing!r} (choose from error, warning, info)")
    if rejected_out is not None and drop_failing is None:
        raise fail("--rejected-out needs --drop-failing (nothing is dropped without it)")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    _, linter = configured_linter(
        config_values,
        paths[0],
        select,
        ignore,
        **input_overrides(text_field, id_field, respect_gitignore),
    )
    drop_at = Severity(drop_failing) if drop_failing else None
    try:
        with contextlib.ExitStack() as stack:
            rejected = (
                stack.enter_context(RejectedLog(rejected_out, drop_at))
                if rejected_out is not None and drop_at is not None
                else None
            )
            summary = fix_copies(
                paths, out, linter, unsafe=unsafe_fixes, drop_at=drop_at, rejected=rejected
            )
    except CopyError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write --rejected-out {rejected_out}: {exc.strerror or exc}") from exc
    for result in summary.errors:
        print(f"{result.path}: error: {result.error}", file=sys.stderr)
    print(copies_summary(summary, out, drop_at, rejected_out))
    raise typer.Exit(2 if summary.errors else 0)


CORPUS_HELP = (
    "Find duplicate and near-duplicate documents and boilerplate paragraphs: run the corpus "
    "rules, which compare documents with each other (`cnlint rules` lists them)."
)


@app.command("corpus", help=CORPUS_HELP)
def corpus_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", help="Files or folders (default: the current folder)."),
    ] = None,
    output_format: FormatOption = "full",
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show counts per code instead of each finding.")
    ] = False,
    near_threshold: Annotated[
        float | None,
        typer.Option(
            metavar="X", help="Sets the near-threshold option of the corpus rules (default 0.8)."
        ),
    ] = None,
    ngram: Annotated[
        int | None,
        typer.Option(metavar="N", help="Sets the ngram option of the corpus rules (default 5)."),
    ] = None,
    boilerplate_min_docs: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Sets the boilerplate-min-docs option of the corpus rules (default 5).",
        ),
    ] = None,
    config_path: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Config file (cnlint.toml or pyproject)."),
    ] = None,
) -> None:
    paths = paths or [Path(".")]
    if output_format not in REPORTERS:
        raise fail(f"unknown --format {output_format!r} (choose from {', '.join(REPORTERS)})")
    if near_threshold is not None and not 0 < near_threshold <= 1:
        raise fail("--near-threshold must be in (0, 1]")
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    try:
        config = load_config(config_path, paths[0])
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    flags = {
        "near-threshold": near_threshold,
        "ngram": ngram,
        "boilerplate-min-docs": boilerplate_min_docs,
    }
    linter = corpus_linter(config, options={k: v for k, v in flags.items() if v is not None})
    files = list(iter_files(paths, config))
    sources = SourceOptions.from_config(config)
    report = Report(run_corpus(files, linter, sources, lint_documents=False), config.fail_on)
    if statistics and output_format == "json":
        statistics_report.render_json(report, sys.stdout)
    elif statistics:
        statistics_report.render(report, sys.stdout)
    else:
        REPORTERS[output_format](report, sys.stdout)
    _report_errors(report.errors, summarised=statistics or output_format == "full")
    raise typer.Exit(report.exit_code())


@app.command("ray")
def ray_command(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Folders, files or globs (.txt/.jsonl/.parquet)."),
    ],
    text_column: Annotated[
        str, typer.Option(metavar="COLUMN", help="The text column of JSONL/parquet rows.")
    ] = "text",
    fix: Annotated[bool, typer.Option("--fix", help="Add the fixed text (cnlint_fixed).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes")] = False,
    drop: Annotated[
        bool, typer.Option("--drop", help="Leave out rows still failing after fixes.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Write the annotated rows as parquet into this folder."),
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="With --drop: write the dropped rows, with the findings that dropped them "
            "(cnlint_findings), as parquet into this folder.",
        ),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS", help="Ray cluster address (default: RAY_ADDRESS or local)."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="statistics or json (the check --format json records).",
        ),
    ] = "statistics",
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus",
            help="Also run the corpus pass (D201-D203) on the cluster: the findings of "
            "check --corpus.",
        ),
    ] = False,
    config_path: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Config file (cnlint.toml or pyproject)."),
    ] = None,
) -> None:
    """Lint a corpus with Ray Data (pip install 'cnlint[ray]'); same findings as check."""
    try:
        import ray
    except ImportError as exc:
        raise fail("the ray command needs Ray: pip install 'cnlint[ray]'") from exc
    from . import raydata

    if output_format not in ("statistics", "json"):
        raise fail(f"unknown --format {output_format!r} (choose from statistics, json)")
    if rejected_out is not None and not drop:
        raise fail("--rejected-out needs --drop (nothing is dropped without it)")
    if corpus and (fix or drop):
        raise fail("--corpus reports only; it cannot be combined with --fix or --drop")
    try:
        config = load_config(config_path, Path(paths[0]))
        config.validate_rules(load_registry_or_fail())
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    files = raydata.expand(paths, config)
    if not files:
        raise fail(f"nothing to lint in {', '.join(paths)}")
    ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
    if corpus:
        from .raycorpus import lint_corpus

        dataset = lint_corpus(files, config).materialize()
    else:
        dataset = _ray_lint(files, config, text_column, fix, unsafe_fixes, drop, rejected_out)
    if output is not None:
        dataset.write_parquet(str(output))
    records, errors = raydata.collect(dataset)
    if output_format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_record_statistics(records)
    for error in errors:
        print(error, file=sys.stderr)
    failing = [r for r in records if Severity(r["severity"]).rank >= config.fail_on.rank]
    raise typer.Exit(2 if errors else (1 if failing else 0))


def _ray_lint(
    files: list[str],
    config: Config,
    text_column: str,
    fix: bool,
    unsafe: bool,
    drop: bool,
    rejected_out: Path | None,
):
    """The document rules on Ray: the annotated rows kept (all of them without ``--drop``);
    with ``rejected_out`` the dropped ones are written there."""
    from . import raydata

    dataset = raydata.lint_dataset(
        raydata.read_inputs(files, text_column),
        text_column=text_column,
        config=config,
        fix=fix,
        unsafe=unsafe,
        drop=drop and rejected_out is None,
        path_column="path",
    ).materialize()
    if rejected_out is not None:
        dataset, rejected = raydata.split_failing(dataset, config)
        rejected.write_parquet(str(rejected_out))
        dataset = dataset.materialize()
    return dataset


def _print_record_statistics(records: list[dict]) -> None:
    counts = Counter((r["code"], r["name"]) for r in records)
    from rich.table import Table

    table = Table(title="Findings by rule", title_justify="left")
    for column in ("code", "rule", "count"):
        table.add_column(column)
    for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(code, name, str(count))
    make_console(sys.stdout).print(table)


@app.command("rules")
def list_rules(
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="table or json")
    ] = "table",
) -> None:
    """List every registered rule."""
    registry = load_registry_or_fail()
    if output_format == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family(),
                "severity": r.severity.value,
                "fix": r.fix_safety.value,
                "default_enabled": r.default_enabled,
                "summary": r.summary,
            }
            for r in registry
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    console = make_console(sys.stdout)
    if not console.is_terminal:
        # Piped or redirected: one rule a line, nothing wrapped or cut, easy to grep.
        for rule in registry:
            off = "" if rule.default_enabled else " (off by default)"
            fields = (
                rule.code,
                rule.name,
                rule.family(),
                rule.severity.value,
                rule.fix_safety.value,
            )
            print("\t".join(fields) + f"\t{rule.summary}{off}")
        return
    from rich.table import Table

    table = Table(title=f"{len(registry)} rules")
    for column in ("code", "name", "family", "severity", "fix"):
        table.add_column(column, no_wrap=True)
    table.add_column("finds")
    for rule in registry:
        table.add_row(
            rule.code,
            rule.name,
            rule.family(),
            rule.severity.value,
            rule.fix_safety.value,
            rule.summary,
        )
    console.print(table)


@app.command("rule")
@app.command()
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code or name, e.g. P101.")],
) -> None:
    """Show a rule's documentation and examples (`cnlint rule CODE` is the same)."""
    registry = load_registry_or_fail()
    rule = registry.get(code)
    if rule is None:
        raise fail(f"unknown rule {code!r}; see `cnlint rules`")
    text = rule_markdown(rule)
    console = make_console(sys.stdout)
    if console.is_terminal:
        from rich.markdown import Markdown  # imports markdown-it: only for explain's page

        console.print(Markdown(text))
    else:
        sys.stdout.write(text)


def main() -> None:
    app()


__all__ = ["Config", "app", "main"]
