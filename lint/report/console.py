"""The rich console every terminal reporter prints through."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console

# A JSON record can hold a lone surrogate ({"text":"絲\ud800"}) that no encoding accepts; it
# prints as the escape it came from instead of failing the whole report.
UNENCODABLE = "backslashreplace"


def make_console(stream: TextIO) -> Console:
    # rich honours NO_COLOR and drops styling when the stream is not a terminal.
    return Console(file=stream, highlight=False, soft_wrap=True)


def escape_unencodable(*streams: TextIO) -> None:
    """Make the streams print what their encoding cannot hold as ``\\ud800``-style escapes."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=UNENCODABLE)
