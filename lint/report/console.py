"""The rich console every terminal reporter prints through."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console


def make_console(stream: TextIO) -> Console:
    # rich honours NO_COLOR and drops styling when the stream is not a terminal.
    return Console(file=stream, highlight=False, soft_wrap=True)
