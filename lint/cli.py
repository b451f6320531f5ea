"""The command line: a thin typer layer over the library."""

from __future__ import annotations

import contextlib
import difflib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.progress import Progress
from rich.table import Table

from . import __version__, baseline
from .cache import CACHE_DIR
from .config import Config, ConfigError, load_config
from .copies import CopyError, fix_copies
from .copies import summary_line as copies_summary
from .corpus import CORPUS_CHECKS, CorpusOptions, run_corpus
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
from .report import REPORTERS
from .report import statistics as statistics_report
from .report.console import make_console
from .report.full import summary_line, summary_table
from .run import FileResult, Report, process_stdin
from .sources import SourceOptions

app = typer.Typer(
    help="cnlint: a data-quality linter for scraped Chinese text.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
PROGRESS_MIN_FILES = 20
# Formats of one line per finding, no header or totals: written file by file as results come.
STREAMED_FORMATS = ("concise", "jsonl", "github")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cnlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """cnlint finds and fixes defects in scraped Chinese text."""


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


FormatOption = Annotated[
    str,
    typer.Option("--format", metavar="FORMAT", help=f"Output format: {', '.join(REPORTERS)}."),
]


def configured_linter(
    config_path: Path | None,
    start: Path,
    select: list[str] | None,
    ignore: list[str] | None,
    **overrides: Any,
) -> tuple[Config, Linter]:
    """The config found for ``start`` with the command line's values on top, and its linter."""
    registry = load_registry_or_fail()
    for flag, selectors in (("--select", _split(select)), ("--ignore", _split(ignore))):
        unknown = [s for s in selectors or () if not registry.matching(s)]
        if unknown:
            raise fail(f"unknown rule selector {unknown[0]!r} ({flag}); see `cnlint rules`")
    try:
        config = load_config(config_path, start).with_overrides(
            select=_split(select), ignore=_split(ignore), **overrides
        )
        config.validate_rules(registry)
        return config, Linter(config, registry)
    except ConfigError as exc:
        raise fail(str(exc)) from exc


@app.command()
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
    config_path: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Config file (cnlint.toml or pyproject)."),
    ] = None,
    corpus: Annotated[
        bool,
        typer.Option("--corpus", help="Also run the corpus pass (D201-D203, see `cnlint corpus`)."),
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
    if update_baseline and baseline_file is None:
        raise fail("--update-baseline needs --baseline FILE")
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    config, linter = configured_linter(
        config_path,
        paths[0],
        select,
        ignore,
        fail_on=Severity(fail_on) if fail_on else None,
        **input_overrides(text_field, id_field, respect_gitignore),
        max_findings=max_findings,
        max_density=max_density,
    )

    reading_stdin = [str(p) for p in paths] == ["-"]
    if reading_stdin:
        results = [
            _check_stdin(
                stdin_filename, linter, fix=fix or diff, unsafe=unsafe_fixes, emit=fix and not diff
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
        problems = [FileResult(path, error=reason) for path, reason in found.problems]
        mode = Mode(fix=fix or diff, unsafe=unsafe_fixes, write=fix and not diff)
        cache_dir = None if no_cache else (config.root or Path.cwd()) / CACHE_DIR
        job = FileJob(linter, mode, cache_dir)
        streamed = output_format in STREAMED_FORMATS and not (
            corpus or diff or statistics or output_file or baseline_file or update_baseline
        )
        if streamed:
            limits = Limits(config.max_findings, config.max_density)
            results = chain(run_files(files, job, jobs or default_jobs()), problems)
            raise typer.Exit(_report_streamed(results, output_format, config.fail_on, limits))
        if corpus:
            results = run_corpus(files, CorpusOptions(), linter)
        else:
            results = _run(files, job, jobs or default_jobs())
        results += problems
    report = Report(results, config.fail_on)
    if diff:
        _print_diff(results)
        raise typer.Exit(2 if report.errors else (1 if any(r.changed for r in results) else 0))
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
    else:
        REPORTERS[output_format](report, out)
    human = statistics or output_file is not None or output_format in ("full", "concise")
    for note in notes:
        print(note, file=out if human else sys.stderr)
    raise typer.Exit(verdict.exit_code)


def _check_stdin(
    name: str | None, linter: Linter, *, fix: bool, unsafe: bool, emit: bool
) -> FileResult:
    """Lint stdin; with ``emit`` the fixed bytes (or the input, if unfixable) go to stdout."""
    result, output = process_stdin(
        sys.stdin.buffer.read(), name or "-", linter, fix=fix, unsafe=unsafe
    )
    if emit:
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    return result


def _report_streamed(
    results: Iterable[FileResult], output_format: str, fail_on: Severity, limits: Limits
) -> int:
    """Report each file's findings as soon as it is linted, keeping only counts: memory
    stays flat however large the corpus (the line-per-finding formats need no totals)."""
    render = REPORTERS[output_format]
    tally = Tally(fail_on)
    for result in results:
        render(Report([result], fail_on), sys.stdout)
        tally.add(result)
    verdict = evaluate(tally, limits)
    for reason in verdict.reasons:
        print(f"Gate: {reason}.", file=sys.stdout if output_format == "concise" else sys.stderr)
    return verdict.exit_code


def _run(files: list[Path], job: FileJob, jobs: int) -> list[FileResult]:
    results = run_files(files, job, jobs)
    if len(files) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return list(results)
    collected = []
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Linting", total=len(files))
        for result in results:
            collected.append(result)
            progress.advance(task)
    return collected


def _print_diff(results: list[FileResult]) -> None:
    for result in results:
        if result.changed:
            sys.stdout.writelines(
                difflib.unified_diff(
                    result.old_text.splitlines(keepends=True),
                    result.new_text.splitlines(keepends=True),
                    fromfile=f"a/{result.path}",
                    tofile=f"b/{result.path}",
                )
            )
            if not result.new_text.endswith("\n"):
                sys.stdout.write("\n")
    for result in results:
        if result.error:
            print(f"{result.path}: error: {result.error}", file=sys.stderr)


def _write_report(report: Report, output_format: str, output_file: Path) -> None:
    """The report goes to the file; the terminal gets the summary table and line."""
    try:
        with output_file.open("w", encoding="utf-8") as stream:
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
def fix_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to copy fixed.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the fixed copies.")],
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    drop_failing: Annotated[
        str | None,
        typer.Option(
            help="Leave out documents (JSONL records, .txt files) that still have a finding "
            "at or above this severity: error, warning, info."
        ),
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            help="With --drop-failing: write every dropped document, with the findings that "
            "dropped it, to this JSONL file."
        ),
    ] = None,
    select: Annotated[list[str] | None, typer.Option(help="Rules to enable.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to disable.")] = None,
    config_path: Annotated[Path | None, typer.Option("--config", help="Config file.")] = None,
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
        config_path,
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


CORPUS_HELP = "Find duplicate and near-duplicate documents and boilerplate paragraphs.\n\n" + (
    "\n\n".join(f"{c.code} {c.name}: {c.summary}" for c in CORPUS_CHECKS)
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
        float, typer.Option(help="MinHash Jaccard similarity at which D202 fires (0-1).")
    ] = CorpusOptions.near_threshold,
    ngram: Annotated[int, typer.Option(help="Character n-gram size for D202.")] = (
        CorpusOptions.ngram
    ),
    boilerplate_min_docs: Annotated[
        int, typer.Option(help="Distinct documents a paragraph must appear in for D203.")
    ] = CorpusOptions.boilerplate_min_docs,
    config_path: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Config file (cnlint.toml or pyproject)."),
    ] = None,
) -> None:
    paths = paths or [Path(".")]
    if output_format not in REPORTERS:
        raise fail(f"unknown --format {output_format!r} (choose from {', '.join(REPORTERS)})")
    if not 0 < near_threshold <= 1:
        raise fail("--near-threshold must be in (0, 1]")
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    try:
        config = load_config(config_path, paths[0])
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    options = CorpusOptions(
        ngram=ngram, near_threshold=near_threshold, boilerplate_min_docs=boilerplate_min_docs
    )
    files = list(iter_files(paths, config))
    sources = SourceOptions.from_config(config)
    report = Report(run_corpus(files, options, sources=sources), config.fail_on)
    if statistics and output_format == "json":
        statistics_report.render_json(report, sys.stdout)
    elif statistics:
        statistics_report.render(report, sys.stdout)
    else:
        REPORTERS[output_format](report, sys.stdout)
    raise typer.Exit(report.exit_code())


@app.command("ray")
def ray_command(
    paths: Annotated[
        list[str], typer.Argument(help="Folders, files or globs (.txt/.jsonl/.parquet).")
    ],
    text_column: Annotated[
        str, typer.Option(help="The text column of JSONL/parquet rows.")
    ] = "text",
    fix: Annotated[bool, typer.Option("--fix", help="Add the fixed text (cnlint_fixed).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes")] = False,
    drop: Annotated[
        bool, typer.Option("--drop", help="Leave out rows still failing after fixes.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option(help="Write the annotated rows as parquet into this folder.")
    ] = None,
    rejected_out: Annotated[
        Path | None,
        typer.Option(
            help="With --drop: write the dropped rows, with the findings that dropped them "
            "(cnlint_findings), as parquet into this folder."
        ),
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: RAY_ADDRESS or local).")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="statistics or json (the check --format json records).")
    ] = "statistics",
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
    try:
        config = load_config(config_path, Path(paths[0]))
        config.validate_rules(load_registry_or_fail())
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    files = raydata.expand(paths, config)
    if not files:
        raise fail(f"nothing to lint in {', '.join(paths)}")
    ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
    dataset = raydata.lint_dataset(
        raydata.read_inputs(files, text_column),
        text_column=text_column,
        config=config,
        fix=fix,
        unsafe=unsafe_fixes,
        drop=drop and rejected_out is None,
        path_column="path",
    ).materialize()
    if rejected_out is not None:
        dataset, rejected = raydata.split_failing(dataset, config)
        rejected.write_parquet(str(rejected_out))
        dataset = dataset.materialize()
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


def _print_record_statistics(records: list[dict]) -> None:
    counts = Counter((r["code"], r["name"]) for r in records)
    table = Table(title="Findings by rule", title_justify="left")
    for column in ("code", "rule", "count"):
        table.add_column(column)
    for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(code, name, str(count))
    make_console(sys.stdout).print(table)


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
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


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code or name, e.g. P101.")]) -> None:
    """Show a rule's documentation and examples."""
    registry = load_registry_or_fail()
    rule = registry.get(code)
    if rule is None:
        raise fail(f"unknown rule {code!r}; see `cnlint rules`")
    text = rule_markdown(rule)
    console = make_console(sys.stdout)
    if console.is_terminal:
        console.print(Markdown(text))
    else:
        sys.stdout.write(text)


def main() -> None:
    app()


__all__ = ["Config", "app", "main"]
