"""Reporters: each turns a :class:`~cnlint.engine.run.Report` into text on a stream.

The machine and line formats are also written file by file (:data:`WRITERS`): a writer takes
each file's result as it comes and keeps no more than what its format must (nothing, or the
current file's), so a run's memory stays flat however many findings it reports. Their
``render`` is the same writer fed a whole report, so both give the same bytes. A writer also
takes a file's fragment already rendered by a worker (``add_part``, see
:mod:`cnlint.report.rendered`); ``add`` renders the fragment and adds it the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from cnlint.engine.run import FileResult, Report

Reporter = Callable[["Report", TextIO], None]


# The module of each format.
MODULES = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "html": "html",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
}


def _render_of(module: str) -> Reporter:
    """The ``render`` of a report module, imported on the first call: a run uses one format,
    and importing all of them (rich tables, the HTML assets) cost every start."""

    def render(report: Report, stream: TextIO, *args: Any, **kwargs: Any) -> None:
        import_module(f"{__name__}.{module}").render(report, stream, *args, **kwargs)

    return render


REPORTERS: dict[str, Reporter] = {name: _render_of(module) for name, module in MODULES.items()}


class Writer(Protocol):
    def add(self, result: FileResult) -> None: ...

    def add_part(self, path: str, error: str | None, fragment: Any) -> None: ...

    def close(self) -> None: ...


class LineWriter:
    """A format of one line per finding and no header or totals: each file rendered alone."""

    def __init__(self, render: Reporter, stream: TextIO) -> None:
        self.render = render
        self.stream = stream

    def add(self, result: FileResult) -> None:
        from cnlint.engine.run import Report

        self.render(Report([result]), self.stream)

    def add_part(self, path: str, error: str | None, fragment: str) -> None:
        self.stream.write(fragment)

    def close(self) -> None:
        pass


def _writer_of(module: str) -> Callable[[TextIO], Writer]:
    """A format's ``Writer`` class, imported when a run first asks for it."""
    return lambda stream: import_module(f"{__name__}.{module}").Writer(stream)


WRITERS: dict[str, Callable[[TextIO], Writer]] = {
    "concise": lambda stream: LineWriter(REPORTERS["concise"], stream),
    "jsonl": lambda stream: LineWriter(REPORTERS["jsonl"], stream),
    "github": lambda stream: LineWriter(REPORTERS["github"], stream),
    **{name: _writer_of(MODULES[name]) for name in ("json", "sarif", "junit", "gitlab")},
}
