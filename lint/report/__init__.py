"""Reporters: each turns a :class:`~cnlint.run.Report` into text on a stream."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..run import Report

Reporter = Callable[["Report", TextIO], None]


def _render_of(module: str) -> Reporter:
    """The ``render`` of a report module, imported on the first call: a run uses one format,
    and importing all of them (rich tables, the HTML assets) cost every start."""

    def render(report: Report, stream: TextIO, *args: Any, **kwargs: Any) -> None:
        import_module(f"{__name__}.{module}").render(report, stream, *args, **kwargs)

    return render


REPORTERS: dict[str, Reporter] = {
    "full": _render_of("full"),
    "concise": _render_of("concise"),
    "json": _render_of("json_format"),
    "html": _render_of("html"),
    "jsonl": _render_of("jsonl"),
    "sarif": _render_of("sarif"),
    "github": _render_of("github"),
    "junit": _render_of("junit"),
    "gitlab": _render_of("gitlab"),
}
