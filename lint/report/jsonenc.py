"""JSON for the machine formats, fast: orjson's encoder, laid out byte for byte as the standard
library's ``json.dumps(..., ensure_ascii=False)`` lays it out (compact, or indented by two),
for what the formats hold: strings, integers, booleans, null, arrays, objects (no floats, which
the two spell differently: ``1e16``, ``1e+16``).

orjson escapes exactly what ``json`` escapes without ``ensure_ascii`` (``"``, ``\\`` and the
control characters, in the same spelling) and, like ``json`` with ``indent=2``, writes empty
containers as ``[]`` and ``{}``. A value orjson refuses goes through ``json`` instead: a lone
surrogate that a JSON escape left in a record (not valid UTF-8; ``json`` writes it and the
output stream escapes it, ``\\ud800``, as every other format does), or an integer beyond 64 bits.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import orjson

# Between two elements of an :class:`IndentedArray`.
ELEMENT_SEPARATOR = ",\n  "


def compact(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` as it appears ``level`` containers
    deep: every line after the first indented by two more spaces a level (a JSON string
    never holds a raw newline, so each newline of the output starts a line of its layout)."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level else text


class IndentedArray:
    """A JSON array written element by element onto a stream, laid out as
    ``json.dump(elements, stream, ensure_ascii=False, indent=2)`` lays out the whole list."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.empty = True

    def add(self, value: Any) -> None:
        self.add_laid_out(indented(value, 1))

    def add_laid_out(self, elements: str) -> None:
        """One or more elements already laid out as the array holds them: each
        ``indented(value, 1)``, joined by :data:`ELEMENT_SEPARATOR`."""
        self.stream.write(("[\n  " if self.empty else ELEMENT_SEPARATOR) + elements)
        self.empty = False

    def close(self) -> None:
        self.stream.write("[]" if self.empty else "\n]")
