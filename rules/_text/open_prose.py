"""Prose paragraphs that stop open at a line end and the paragraphs below them, shared by the
broken- and truncated-paragraph rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from cnlint import Document
from cnlint.document import Span
from cnlint.rules._text.blocks import (
    COMMAS,
    HAN_CHAR,
    OPEN_MARKS,
    is_caption,
    is_prose,
    last_stop,
    starts_as_continuation,
)
from cnlint.rules._text.chars import HAN

# Whitespace around a paragraph on its line: str.isspace (what the paragraphs are stripped of)
# except the newline, as a regex class body.
LINE_SPACE = r"\t\x0b\x0c\r\x1c-\x1f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def comma_in_last_sentence(text: str) -> bool:
    """What ``blocks.is_cut_sentence`` asks, the cheap part alone: the last, unfinished
    sentence has a comma (before the line's last character). Most lines fail this, and then
    is_cut_sentence need not measure how Chinese the line is."""
    stop = last_stop(text)
    return stop >= 0 and bool(COMMAS.search(text, stop + 1, len(text) - 1))


def last_clause(text: str) -> str:
    """The text after the last punctuation mark: the unfinished clause."""
    for position in range(len(text) - 1, -1, -1):
        if not HAN_CHAR.match(text[position]) and not text[position].isalnum():
            return text[position + 1 :] or text[-1:]
    return text


ECHO_WINDOW = 5000


def line_paragraph(text: str, line_start: int, line_end: int) -> Span | None:
    """The paragraph of a line (as in ``doc.paragraphs``: the line stripped), if it has one."""
    line = text[line_start:line_end]
    stripped = line.lstrip()
    if not stripped:
        return None
    return Span(line_start + len(line) - len(stripped), line_start + len(line.rstrip()))


def line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


# A line end after a Han character, a comma or whitespace. Newline-first: re jumps from line
# end to line end at memchr speed and looks one character back.
LINE_END_AFTER_OPEN = re.compile(f"\n(?<=[{HAN}，,、{LINE_SPACE}]\n)")
# What makes a line prose (blocks.is_prose): a stop or a comma somewhere in it.
PROSE_MARK = re.compile("[。！？!?；;，,]")


def open_prose(doc: Document) -> list[tuple[Span, str]]:
    """The paragraphs, each with a line break after it, that stop on a Han character or a
    comma and hold a stop or a comma, with their text.

    A cheap superset of the open prose (``blocks.is_open_prose``) that broken- and truncated-
    paragraph look for, found from the line ends without splitting the document (a shared
    view: most documents have none, and then these rules need nothing else).
    """
    text = doc.text
    found = []
    for match in LINE_END_AFTER_OPEN.finditer(text):
        end = match.start()
        start = text.rfind("\n", 0, end) + 1
        if not PROSE_MARK.search(text, start, end):
            continue  # a heading, a name, a title: not prose
        span = line_paragraph(text, start, end)
        if span and (text[span.end - 1] in OPEN_MARKS or HAN_CHAR.match(text[span.end - 1])):
            found.append((span, text[span.start : span.end]))
    return found


def continued(text: str, span: Span) -> bool:
    """Whether ``blocks.continuation_index`` finds a continuation for the paragraph ``span``,
    asked from the lines after it, without splitting the document into paragraphs."""
    for following in paragraphs_below(text, span.end):
        paragraph = text[following.start : following.end]
        if not is_caption(paragraph):
            return starts_as_continuation(paragraph) and is_prose(paragraph)
    return False


def paragraphs_below(text: str, offset: int) -> Iterator[Span]:
    """``doc.paragraphs`` on the lines below the one that holds ``offset``."""
    newline = text.find("\n", offset)
    while newline != -1:
        start = newline + 1
        newline = text.find("\n", start)
        span = line_paragraph(text, start, len(text) if newline == -1 else newline)
        if span:
            yield span


def paragraph_indexes(spans: list[Span], wanted: list[Span]) -> Iterator[int]:
    """The index in ``spans`` (``doc.paragraphs``) of each wanted paragraph, in order."""
    for span in wanted:
        yield bisect_left(spans, span.start, key=start_of)


def start_of(span: Span) -> int:
    return span.start
