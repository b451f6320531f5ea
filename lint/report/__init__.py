"""Reporters: each turns a :class:`~cnlint.run.Report` into text on a stream.

The machine and line formats are also written file by file (:data:`WRITERS`): a writer takes
each file's result as it comes and keeps no more than what its format must (nothing, or the
current file's), so a run's memory stays flat however many findings it reports. Their
``render`` is the same writer fed a whole report, so both give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from ..run import FileResult, Report
from . import concise, full, github, gitlab, html, json_format, jsonl, junit, sarif

Reporter = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_format.render,
    "html": html.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
}


class Writer(Protocol):
    def add(self, result: FileResult) -> None: ...

    def close(self) -> None: ...


class LineWriter:
    """A format of one line per finding and no header or totals: each file rendered alone."""

    def __init__(self, render: Reporter, stream: TextIO) -> None:
        self.render = render
        self.stream = stream

    def add(self, result: FileResult) -> None:
        self.render(Report([result]), self.stream)

    def close(self) -> None:
        pass


WRITERS: dict[str, Callable[[TextIO], Writer]] = {
    "concise": lambda stream: LineWriter(concise.render, stream),
    "jsonl": lambda stream: LineWriter(jsonl.render, stream),
    "github": lambda stream: LineWriter(github.render, stream),
    "json": json_format.Writer,
    "sarif": sarif.Writer,
    "junit": junit.Writer,
    "gitlab": gitlab.Writer,
}
