"""`cnlint check`: lint files, folders or stdin; fix, diff, report, gate."""

import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cnlint import check as library  # the command named check is a function here
from cnlint.ci.limits import Limits
from cnlint.cli.app import app
from cnlint.cli.check_output import (
    apply_baseline_file,
    collect,
    group_metrics,
    print_diff,
    print_statistics,
    report_statistics,
    report_streamed,
    reporter,
    write_baseline,
    write_report,
)
from cnlint.cli.common import (
    ConfigOption,
    FormatOption,
    Verbose,
    configured_linter,
    fail,
    interruptible,
    report_errors,
)
from cnlint.cli.input_options import (
    IdFieldOption,
    RespectGitignoreOption,
    StdinFilenameOption,
    TextFieldOption,
    input_overrides,
)
from cnlint.config import TARGET_SCRIPTS
from cnlint.engine.cache import CACHE_DIR
from cnlint.engine.linter import Linter
from cnlint.engine.run import FileResult, Report, process_stdin
from cnlint.finding import Severity
from cnlint.inputs.gitdiff import GitError
from cnlint.report import REPORTERS, WRITERS, full
from cnlint.report.rendered import RENDERED_FORMATS, Recorder, Renderer
from cnlint.report.summary import show_fixed, summary_line
from cnlint.rule import CorpusRule


@app.command()
@interruptible
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...",
            help="Files or folders (default: the current folder); - reads stdin.",
            readable=False,  # an unreadable file gets its error line; the others are linted
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
    group_by: Annotated[
        str | None,
        typer.Option(
            metavar="folder|FIELD",
            help="With --statistics: counts and document metrics (percentiles) per folder, or "
            "per value of a JSONL field (a URL: per host).",
        ),
    ] = None,
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
    if group_by is not None and not statistics:
        raise fail("--group-by needs --statistics")
    if max_density is not None and not max_density >= 0:  # nan: the gate would never fail
        raise fail(f"--max-density must be a number of 0 or more, got {max_density}")
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
    say = Verbose(verbose)
    say(f"config: {config.source}")
    # The corpus rules (D201-D203) are selected by default but run only with --corpus.
    running = [rule.code for rule in linter.rules if corpus or not isinstance(rule, CorpusRule)]
    say(f"{len(running)} rules: {' '.join(running)}")

    reading_stdin = [str(p) for p in paths] == ["-"]
    stdin_raw = sys.stdin.buffer.read() if reading_stdin else None
    if stdin_raw is not None:
        emit = fix and not diff
        results = [
            _check_stdin(
                stdin_raw,
                stdin_filename,
                linter,
                fix=fix or diff,
                unsafe=unsafe_fixes,
                emit=emit,
                jsonl=text_field is not None or id_field is not None,
            )
        ]
    else:
        try:
            selection = library.select_files(
                paths, config, baseline=baseline_file, changed_since=changed_since
            )
        except GitError as exc:
            raise fail(f"--changed-since {changed_since}: {exc}") from exc
        if not selection.discovered and not selection.problems:
            where = ", ".join(str(p) for p in paths)
            patterns = ", ".join(config.include)
            Console(stderr=True, highlight=False).print(
                f"cnlint: warning: no files to check in {where} (include: {patterns})",
                markup=False,
            )
        files = selection.files
        say(f"{len(files)} files to check")
        streamed = output_format in WRITERS and not (
            corpus
            or diff
            or statistics
            or output_file
            or baseline_file
            or update_baseline
            or show_fixes
            or exit_non_zero_on_fix
        )
        # --statistics needs no document text: workers send each file's record instead.
        recorded = statistics and not (
            fix
            or diff
            or corpus
            or baseline_file
            or update_baseline
            or show_fixes
            or exit_non_zero_on_fix
        )
        metrics = group_metrics(linter.registry, config) if recorded and group_by else ()
        finish = None
        if streamed and output_format in RENDERED_FORMATS:
            # Streamed formats are rendered where each file is linted (in the workers): only
            # each file's fragment of the report and its counts come back.
            finish = Renderer(output_format, config.fail_on)
        elif recorded:
            finish = Recorder(config.fail_on, metrics)
        results = library.iter_results(
            selection,
            linter,
            fix=fix or diff,
            unsafe=unsafe_fixes,
            write=fix and not diff,
            corpus=corpus,
            jobs=jobs,
            cache=not no_cache,
            join=not streamed,  # streamed formats keep counts only: a large file comes in parts
            finish=finish,
        )
        if streamed:
            limits = Limits(config.max_findings, config.max_density)
            code = report_streamed(results, output_format, config.fail_on, limits, quiet=quiet)
            say(f"done in {time.perf_counter() - started:.2f} s")
            raise typer.Exit(0 if exit_zero and code == 1 else code)
        if recorded:
            records = collect(results, len(files))
            grouping = (group_by, paths, None) if group_by else None
            summarised = quiet or output_file is not None or output_format != "json"
            code = report_statistics(
                records, output_format, grouping, metrics, config, quiet, summarised=summarised
            )
            say(f"done in {time.perf_counter() - started:.2f} s")
            raise typer.Exit(0 if exit_zero and code == 1 else code)
        # The corpus pass reads every file before its first result: no progress to show.
        results = list(results) if corpus else collect(results, len(files))
    report = Report(results, config.fail_on)
    if diff:
        print_diff(results, stdin_raw, quiet=quiet)
        code = 2 if report.errors else (1 if any(r.changed for r in results) else 0)
        raise typer.Exit(0 if exit_zero and code == 1 else code)
    out = sys.stderr if fix and reading_stdin else sys.stdout  # stdout carries the fixed text
    if update_baseline:
        raise typer.Exit(write_baseline(report, baseline_file))
    notes = apply_baseline_file(report, baseline_file) if baseline_file else []
    verdict = library.verdict(report, config)
    notes += [f"Gate: {reason}." for reason in verdict.reasons]
    if statistics:
        grouping = (group_by, paths, stdin_raw) if group_by else None
        metrics = group_metrics(linter.registry, config) if group_by else ()
        print_statistics(report, output_format, grouping, metrics)
    elif output_file is not None:
        render = reporter(output_format, config, linter.registry)
        write_report(report, output_format, output_file, render)
    elif quiet and output_format == "full":
        full.render_findings(report, out, show_all=show_all)
    elif output_format == "full":
        full.render(report, out, show_all=show_all)
    else:
        reporter(output_format, config, linter.registry)(report, out)
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
    report_errors(report.errors, summarised=summarised)
    say(f"done in {time.perf_counter() - started:.2f} s")
    code = verdict.exit_code
    if exit_non_zero_on_fix and report.fixed_count and code == 0:
        code = 1
    raise typer.Exit(0 if exit_zero and code == 1 else code)


def _check_stdin(
    raw: bytes,
    name: str | None,
    linter: Linter,
    *,
    fix: bool,
    unsafe: bool,
    emit: bool,
    jsonl: bool,
) -> FileResult:
    """Lint stdin; with ``emit`` the fixed bytes (or the input, if unfixable) go to stdout.

    Without ``--stdin-filename`` it is text, or JSON Lines when ``jsonl`` (a JSONL field was
    named on the command line: what else would it name?)."""
    read_as = name or ("-.jsonl" if jsonl else "-")
    result, output = process_stdin(
        raw, read_as, linter, fix=fix, unsafe=unsafe, display=name or "-"
    )
    if emit:
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    return result
