"""The document model: a text, its lines and paragraphs, and offset -> line/column mapping."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import TypeVar

from cnlint.finding import pickled_by_fields, slot_init

T = TypeVar("T")
# Paragraphs are split at \n only: the rules that key paragraphs split the text the same way.
PARAGRAPH = re.compile(r"[^\s](?:[^\n]*[^\s])?")
# Lines (and so every finding's line and column) also end at a lone \r (classic Mac files).
LONE_CR = re.compile(r"\r(?!\n)")
NEWLINES = ("\n", "\r\n", "\r")
# A JSON escape such as \ud800 without its other half decodes to a lone surrogate: a code
# point that is no character and that UTF-8 cannot encode (Python joins valid pairs).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _cached_view:
    """``functools.cached_property`` without its lock: Python 3.11 takes a lock on every
    first computation (about 1 µs; 3.12 dropped it), and a document computes half a dozen
    of these per lint. A view is a function of the text, so two threads that compute it at
    once store the same value."""

    def __init__(self, compute: Callable) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: object, owner: type | None = None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@pickled_by_fields
@slot_init  # a document makes one per line and paragraph: 1.6x faster to build
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets ``[start, end)`` in a document's text."""

    start: int
    end: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Record:
    """Where a document sits inside a multi-document file (a JSONL record)."""

    line: int
    id: str | None = None
    # Rule selectors the record itself suppresses (see jsonl.suppressions).
    ignore: tuple[str, ...] = ()


@dataclass(eq=False)
class Document:
    """One document: its text plus where it came from.

    Lines and paragraphs are computed lazily, once, and shared by every rule.
    A *line* ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` and excludes that ending; a
    document's own ending (what a fix that adds a line break writes) is :attr:`newline`.
    A *paragraph* is a ``\\n``-separated line that holds something other than whitespace,
    with the surrounding whitespace (including U+3000 indentation) trimmed off its span.

    Rules that look at a few places of a long document ask about those places only
    (``paragraph_at``, ``paragraphs_after``, ``paragraphs_before``, ``group_by_paragraph``):
    these find paragraphs from the lines around an offset, without splitting the whole text,
    and give the same spans as ``paragraphs``.
    """

    text: str
    path: str = "<text>"
    record: Record | None = None
    encoding: str = "utf-8"
    encoding_confidence: float = 1.0
    _views: dict = field(default_factory=dict, init=False, repr=False)

    def __getstate__(self) -> dict:
        """Pickle the fields only (results cross processes in ``--jobs`` runs): cached lines,
        paragraphs and views are cheaper to recompute where needed than to ship."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._views = {}

    def view(self, compute: Callable[[Document], T]) -> T:
        """``compute(self)``, computed once per document and shared by every rule that asks.

        For derived views several rules need (the lines without decoration, character
        counts …): ``doc.view(line_cores)`` costs one computation per document, not one
        per rule. ``compute`` must depend on the text only.
        """
        try:
            return self._views[compute]
        except KeyError:
            value = self._views[compute] = compute(self)
            return value

    @_cached_view
    def line_starts(self) -> list[int]:
        text = self.text
        if "\r" in text and LONE_CR.search(text):
            return [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return starts

    @_cached_view
    def newline(self) -> str:
        """The line ending most lines use (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``); ``"\\n"``
        when the text has no line break. A fix that adds a line break writes this one."""
        text = self.text
        crlf = text.count("\r\n")
        counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
        return max(NEWLINES, key=lambda ending: counts[ending])  # ties: the earlier in NEWLINES

    @_cached_view
    def lines(self) -> list[Span]:
        text = self.text
        starts = self.line_starts
        ends = [start - 1 for start in starts[1:]]  # each line break's offset
        ends.append(len(text))
        if "\r" not in text:
            return list(map(Span, starts, ends))
        spans = []
        for start, end in zip(starts, ends, strict=True):
            if end > start and text[end - 1] == "\r":
                end -= 1
            spans.append(Span(start, end))
        return spans

    @_cached_view
    def paragraphs(self) -> list[Span]:
        # One regex scan instead of a strip per line (3x faster): from a line's first
        # non-whitespace character to its last; \s is str.isspace, as strip() uses.
        return [Span(m.start(), m.end()) for m in PARAGRAPH.finditer(self.text)]

    @_cached_view
    def paragraph_texts(self) -> list[str]:
        """The text of each paragraph, sliced once for every rule that reads them."""
        return [self.text[span.start : span.end] for span in self.paragraphs]

    @_cached_view
    def _paragraph_starts(self) -> list[int]:
        return [span.start for span in self.paragraphs]

    def paragraph_index(self, offset: int) -> int:
        """Index in ``paragraphs`` of the paragraph that holds ``offset`` (the last one that
        starts at or before it)."""
        return bisect_right(self._paragraph_starts, offset) - 1

    def line_end(self, offset: int) -> int:
        """Offset of the newline that ends the line holding ``offset`` (or of the text's end)."""
        end = self.text.find("\n", offset)
        return len(self.text) if end == -1 else end

    def paragraph_on_line(self, line_start: int, line_end: int) -> Span | None:
        """The paragraph of the line ``[line_start, line_end)``, or ``None`` if it is blank."""
        line = self.text[line_start:line_end]
        stripped = line.lstrip()
        if not stripped:
            return None
        return Span(line_start + len(line) - len(stripped), line_start + len(line.rstrip()))

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph on the line that holds ``offset``, or ``None`` on a blank line."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.paragraph_on_line(line_start, self.line_end(offset))

    def paragraphs_after(self, offset: int) -> Iterator[Span]:
        """The paragraphs on the lines below the one that holds ``offset``, in order."""
        text = self.text
        newline = text.find("\n", offset)
        while newline != -1:
            start = newline + 1
            newline = text.find("\n", start)
            span = self.paragraph_on_line(start, len(text) if newline == -1 else newline)
            if span:
                yield span

    def paragraphs_before(self, end: int | None = None) -> Iterator[Span]:
        """The paragraphs that end at or before ``end`` (a line's end or start; default the
        text's end), from the last one back."""
        text = self.text
        end = len(text) if end is None else end
        while True:
            line_start = text.rfind("\n", 0, end) + 1
            span = self.paragraph_on_line(line_start, end)
            if span:
                yield span
            if not line_start:
                return
            end = line_start - 1

    def group_by_paragraph(self, offsets: Iterable[int]) -> dict[Span, list[int]]:
        """Ascending offsets, each inside a paragraph, grouped by that paragraph (each
        paragraph found once, from its own line)."""
        grouped: dict[Span, list[int]] = {}
        span = Span(0, 0)
        for offset in offsets:
            if offset >= span.end:
                span = self.paragraph_at(offset)
                grouped[span] = []
            grouped[span].append(offset)
        return grouped

    @_cached_view
    def lone_surrogates(self) -> list[Span]:
        """Where the text holds lone surrogates (one character each); usually none."""
        return [Span(m.start(), m.end()) for m in LONE_SURROGATE.finditer(self.text)]

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def line_index(self, offset: int) -> int:
        """0-based index of the line that holds ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1
