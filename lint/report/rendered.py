"""Reports rendered where a file is linted: a worker sends its file's fragment, not documents.

The streamed formats (concise, jsonl, github, json, sarif, junit, gitlab) need nothing of a
file's documents but the bytes that file contributes to the report and a few numbers for the
run's totals, so a worker renders that fragment itself: what crosses back to the parent is
the fragment, the file's error and its counts, instead of every document's text and every
finding object (about 1.5 bytes pickled per byte of input, and the parent unpickling them
was what kept two workers far from twice as fast). JSON and SARIF fragments can be more bytes
than that (the formats are verbose), but a string costs the parent next to nothing to
unpickle and write, which objects do not. The parent's writer only joins the
fragments in task order (and writes what its format keeps for the end), so the output is the
same bytes as rendering there. What a fragment is belongs to its format: each format module's
``fragment`` makes it and its ``Writer.add_part`` writes it. ``--statistics`` gets each file's
compact record instead (:class:`Recorder`): per document its length and its findings' codes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from cnlint.ci.limits import Tally
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Severity, pickled_by_fields
from cnlint.report import MODULES, REPORTERS
from cnlint.report.stats import FileRecord
from cnlint.report.summary import Counts

if TYPE_CHECKING:
    from cnlint.report.metrics import DocumentMetric

# The formats of one line per finding, with no header or totals.
LINE_FORMATS = ("concise", "jsonl", "github")
# The formats whose workers render fragments: the line formats and the streamed documents.
RENDERED_FORMATS = (*LINE_FORMATS, "json", "sarif", "junit", "gitlab")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RenderedResult:
    """One file's (or part's) report fragment, its error, and what the run's totals need."""

    path: str
    fragment: Any
    error: str | None
    counts: Counts
    tally: Tally


@dataclass(frozen=True)
class Renderer:
    """Renders a result's fragment in ``output_format`` (one of :data:`RENDERED_FORMATS`):
    run in the worker. A result its format cannot render alone (a SARIF finding of a rule
    outside the registry, whose index only the parent's writer knows) comes back as it is."""

    output_format: str
    fail_on: Severity

    def __call__(self, result: FileResult) -> RenderedResult | FileResult:
        fragment = fragment_maker(self.output_format)(result)
        if fragment is None:
            return result
        return RenderedResult(result.path, fragment, result.error, *_totals(result, self.fail_on))


@dataclass(frozen=True)
class Recorder:
    """``--statistics``: a result's :class:`~cnlint.report.stats.FileRecord` (each document's
    length, record line, findings' codes and fixes, and ``metrics`` measured on its text), in
    place of its documents: run in the worker."""

    fail_on: Severity
    metrics: tuple[DocumentMetric, ...] = ()

    def __call__(self, result: FileResult) -> RenderedResult:
        record = FileRecord.of(result, self.metrics)
        return RenderedResult(result.path, record, result.error, *_totals(result, self.fail_on))


def _totals(result: FileResult, fail_on: Severity) -> tuple[Counts, Tally]:
    tally = Tally(fail_on)
    tally.add(result)
    return Counts.of_result(result), tally


@functools.cache
def fragment_maker(output_format: str) -> Callable[[FileResult], Any]:
    """The format's ``fragment`` function: a line format's lines, or the format module's."""
    if output_format in LINE_FORMATS:
        return functools.partial(_lines, output_format)
    return import_module(f"cnlint.report.{MODULES[output_format]}").fragment


def _lines(output_format: str, result: FileResult) -> str:
    stream = io.StringIO()
    REPORTERS[output_format](Report([result]), stream)
    return stream.getvalue()
