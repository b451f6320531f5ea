"""What `cnlint check` prints once it has linted: the statistics, the streamed formats, the
diff, a report written to a file, and the baseline's notes."""

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from cnlint import check as library
from cnlint.ci.limits import Limits, Tally, evaluate
from cnlint.cli.common import PROGRESS_MIN_FILES, fail, report_errors
from cnlint.config import Config
from cnlint.engine.registry import Registry
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Severity
from cnlint.inputs.compression import compression_of
from cnlint.report import REPORTERS, WRITERS
from cnlint.report.console import UNENCODABLE, make_console
from cnlint.report.errors import errors_summary, print_errors
from cnlint.report.full import summary_table
from cnlint.report.rendered import RenderedResult
from cnlint.report.summary import Counts, plural, summary_line

if TYPE_CHECKING:
    from cnlint.report.metrics import DocumentMetric
    from cnlint.report.stats import RecordStats


def print_statistics(
    report: "Report | RecordStats",
    output_format: str,
    grouping: tuple[str, list[Path], bytes | None] | None,
    metrics: "tuple[DocumentMetric, ...]",
) -> None:
    """``--statistics`` of a report or of its files' records, with ``--group-by`` (its key,
    the checked paths, stdin's bytes) by ``metrics`` (the records' own, when from records)."""
    from cnlint.report import statistics as statistics_report  # as each format: when asked for

    render = statistics_report.render_json if output_format == "json" else statistics_report.render
    if grouping is None:
        render(report, sys.stdout)
        return
    from cnlint.report.groups import GroupBy  # only a grouped run reads sources again

    key, paths, stdin_raw = grouping
    group_by = GroupBy(key, tuple(map(str, paths)), stdin_raw)
    for problem in render(report, sys.stdout, group_by, list(metrics)):
        print(f"cnlint: warning: {problem}", file=sys.stderr)


def group_metrics(registry: Registry, config: Config) -> "tuple[DocumentMetric, ...]":
    from cnlint.report.metrics import document_metrics  # only a grouped run measures documents

    return tuple(document_metrics(registry, config))


def report_statistics(
    results: list[RenderedResult],
    output_format: str,
    grouping: tuple[str, list[Path], None] | None,
    metrics: "tuple[DocumentMetric, ...]",
    config: Config,
    quiet: bool,
    *,
    summarised: bool,
) -> int:
    """``--statistics`` from the files' records (made by :class:`Recorder` in the workers,
    with ``metrics`` measured when grouping), as a whole report's are printed, followed by
    the gate's notes and the files that could not be checked."""
    from cnlint.report.stats import RecordStats

    tally = Tally(config.fail_on)
    for result in results:
        tally.merge(result.tally)
    verdict = evaluate(tally, Limits(config.max_findings, config.max_density))
    stats = RecordStats(result.fragment for result in results)
    print_statistics(stats, output_format, grouping, metrics)
    for reason in [] if quiet else verdict.reasons:
        print(f"Gate: {reason}.", file=sys.stdout)
    errors = [FileResult(file.path, error=file.error) for file in stats.errors]
    report_errors(errors, summarised=summarised)
    return verdict.exit_code


def report_streamed(
    results: Iterable[FileResult | RenderedResult],
    output_format: str,
    fail_on: Severity,
    limits: Limits,
    *,
    quiet: bool = False,
) -> int:
    """Report each file's findings as soon as it is linted, keeping only counts (and what
    the format itself must keep): memory stays flat however large the corpus. Each file's
    fragment of the report comes rendered by the worker that linted it; a result the worker
    could not render is rendered here."""
    writer = WRITERS[output_format](sys.stdout)
    tally = Tally(fail_on)
    counts = Counts()
    for result in results:
        if isinstance(result, RenderedResult):
            writer.add_part(result.path, result.error, result.fragment)
            tally.merge(result.tally)
            counts.merge(result.counts, path=result.path)
        else:
            writer.add(result)
            tally.add(result)
            counts.add(result)
        print_errors([result], sys.stderr)
    writer.close()
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


def collect(
    results: Iterator[FileResult | RenderedResult], files: int
) -> list[FileResult | RenderedResult]:
    """The results, with a progress bar of ``files`` on a terminal for a long run."""
    if files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return list(results)
    collected = []
    from rich.progress import Progress  # only for a long run on a terminal: not at start-up

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Linting", total=files)
        last = None
        for result in results:
            collected.append(result)
            if result.path != last:  # the parts of a large JSONL file count as one file
                progress.advance(task)
                last = result.path
    return collected


def print_diff(results: list[FileResult], stdin_raw: bytes | None, *, quiet: bool) -> None:
    """The fixes as one patch on stdout (for ``git apply``/``patch``); what it holds, what it
    could not show and the files that could not be checked go to stderr."""
    from cnlint.report import patch

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
    report_errors([r for r in results if r.error], summarised=quiet)


def _current_bytes(result: FileResult) -> bytes:
    """The file as it is on disk: the patch's context must match it byte for byte."""
    try:
        return Path(result.path).read_bytes()
    except OSError:
        return result.old_text.encode("utf-8")


def reporter(output_format: str, config: Config, registry: Registry) -> Callable:
    """The format's reporter; the HTML report also draws the metrics with the run's thresholds."""
    if output_format != "html":
        return REPORTERS[output_format]
    from cnlint.report import html
    from cnlint.report.metrics import document_metrics

    return functools.partial(
        html.render, registry=registry, metrics=document_metrics(registry, config)
    )


def write_report(report: Report, output_format: str, output_file: Path, render: Callable) -> None:
    """The report goes to the file; the terminal gets the summary table and line."""
    try:
        with output_file.open("w", encoding="utf-8", errors=UNENCODABLE) as stream:
            render(report, stream)
    except OSError as exc:
        raise fail(f"cannot write {output_file}: {exc.strerror or exc}") from exc
    console = make_console(sys.stdout)
    if report.findings:
        console.print(summary_table(report, console.width))
    console.print(summary_line(report), markup=False)
    console.print(f"Wrote the {output_format} report to {output_file}.", markup=False)


def write_baseline(report: Report, path: Path) -> int:
    from cnlint.ci.baseline import BaselineError  # only a run with a baseline needs it

    try:
        written = library.update_baseline(report, path)
    except BaselineError as exc:
        raise fail(str(exc)) from exc
    print(f"Wrote {written.total} findings in {len(written.files)} files to baseline {path}.")
    report_errors(report.errors, summarised=False)
    return 2 if report.errors else 0


def apply_baseline_file(report: Report, path: Path) -> list[str]:
    from cnlint.ci.baseline import BaselineError

    try:
        outcome = library.apply_baseline(report, path)
    except BaselineError as exc:
        raise fail(str(exc)) from exc
    notes = [f"Baseline: {outcome.suppressed} known findings suppressed ({path})."]
    if outcome.gone:
        notes.append(
            f"Baseline: {outcome.gone} known findings no longer occur; "
            "--update-baseline shrinks the baseline."
        )
    return notes
