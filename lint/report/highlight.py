"""A document's text as HTML with every finding marked in place.

Findings may overlap, so the text is cut at every finding boundary and each piece
covered by findings becomes one ``<mark data-f="ids">``. Zero-width findings (an
insertion point such as a missing final newline) become an empty mark at their offset.
The marks' text content, read in order, is exactly the document text: what a reader
(or a test) sees at an offset is what the linter saw there.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# The HTML parser turns CR and CRLF into LF and drops NUL: write them as references
# (CR) or a same-length stand-in (NUL, lone surrogates) so offsets survive the round trip.
_UNSAFE_CHARS = re.compile("[\r\x00\ud800-\udfff]")
_NEWLINE = '<span class="nl"></span>\n'


@dataclass(frozen=True, slots=True)
class Marked:
    """A finding to mark: ``[start, end)`` in the text, the id of its note, its severity."""

    start: int
    end: int
    note_id: str
    severity: str = "warning"


SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


def escape_text(text: str) -> str:
    """Escape text for element content so that the DOM holds exactly these characters."""
    escaped = html.escape(text, quote=True)
    return _UNSAFE_CHARS.sub(lambda m: "&#13;" if m.group() == "\r" else "\ufffd", escaped)


def visible(text: str) -> str:
    """Name the characters a reader cannot see, for a fix preview (before → after)."""
    out = []
    for char in text:
        if char == "\n":
            out.append("↵")
        elif char == " ":
            out.append("␣")
        elif char == "\u3000":
            out.append("□")
        elif char == "\t":
            out.append("⇥")
        elif unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)


def _mark(text: str, marks: list[Marked]) -> str:
    """One marked piece; the most severe finding colours it, a blank one shows what it holds."""
    body = escape_text(text).replace("\n", _NEWLINE)
    ids = " ".join(m.note_id for m in marks)
    severity = max((m.severity for m in marks), key=lambda s: SEVERITY_RANK.get(s, 0))
    shown = "" if "\n" in text or text.strip() else f' data-show="{html.escape(visible(text))}"'
    if not text:
        shown = ' data-show="‸"'
    return f'<mark data-f="{ids}" data-sev="{severity}"{shown}>{body}</mark>'


def highlight(text: str, marks: Sequence[Marked]) -> str:
    """``text`` as HTML with ``marks`` (offsets within ``text``; clipped to it)."""
    size = len(text)
    clipped = [
        Marked(min(m.start, size), min(max(m.end, m.start), size), m.note_id, m.severity)
        for m in marks
    ]
    points: dict[int, list[Marked]] = {}
    cuts = {0, size}
    for mark in clipped:
        if mark.start == mark.end:
            points.setdefault(mark.start, []).append(mark)
        cuts.update((mark.start, mark.end))
    spans = sorted((m for m in clipped if m.start < m.end), key=lambda m: m.start)
    active: list[Marked] = []
    out: list[str] = []
    next_span = 0
    for left, right in pairwise(sorted(cuts)):
        if left in points:
            out.append(_mark("", points[left]))
        while next_span < len(spans) and spans[next_span].start <= left:
            active.append(spans[next_span])
            next_span += 1
        active = [m for m in active if m.end > left]
        piece = text[left:right]
        out.append(_mark(piece, active) if active else escape_text(piece))
    if size in points:
        out.append(_mark("", points[size]))
    return "".join(out)
