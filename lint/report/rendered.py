"""Line reports rendered where a file is linted: a worker sends lines and counts, not documents.

The line-per-finding formats (concise, jsonl, github) need nothing of a file's documents but
their lines and the run's counts, so a worker renders them itself: what crosses back to the
parent is the rendered text and a few numbers, instead of every document's text and every
finding object (about 1.5 bytes pickled per byte of input, and the parent unpickling them was
what kept two workers far from twice as fast). The parent writes the text in task order, so
the output is the same bytes as rendering there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from cnlint.ci.limits import Tally
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Severity, pickled_by_fields
from cnlint.report import REPORTERS
from cnlint.report.summary import Counts

# The formats of one line per finding, with no header or totals.
LINE_FORMATS = ("concise", "jsonl", "github")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RenderedResult:
    """One file's (or part's) report lines, its error, and what the run's totals need of it."""

    path: str
    lines: str
    error: str | None
    counts: Counts
    tally: Tally


@dataclass(frozen=True)
class LineRenderer:
    """Renders a result in ``output_format`` (a line format): run in the worker."""

    output_format: str
    fail_on: Severity

    def __call__(self, result: FileResult) -> RenderedResult:
        stream = io.StringIO()
        REPORTERS[self.output_format](Report([result], self.fail_on), stream)
        counts = Counts.of_result(result)
        tally = Tally(self.fail_on)
        tally.add(result)
        return RenderedResult(result.path, stream.getvalue(), result.error, counts, tally)
