"""Prose paragraphs that stop open at a line end and the paragraphs below them, shared by the
broken- and truncated-paragraph rules.
"""

from __future__ import annotations

from cnlint import Document, Span
from cnlint.chars import HAN, HAN_CHAR, LINE_SPACE
from cnlint.patterns import regex
from cnlint.rules._text.blocks import (
    COMMAS,
    OPEN_MARKS,
    is_caption,
    is_prose,
    last_stop,
    starts_as_continuation,
)


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


# A line end after a Han character, a comma or whitespace. Newline-first: re jumps from line
# end to line end at memchr speed and looks one character back.
LINE_END_AFTER_OPEN = regex(f"\n(?<=[{HAN}，,、{LINE_SPACE}]\n)")
# What makes a line prose (blocks.is_prose): a stop or a comma somewhere in it.
PROSE_MARK = regex("[。！？!?；;，,]")


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
        span = doc.paragraph_on_line(start, end)
        if span and (text[span.end - 1] in OPEN_MARKS or HAN_CHAR.match(text[span.end - 1])):
            found.append((span, text[span.start : span.end]))
    return found


def continued(doc: Document, span: Span) -> bool:
    """Whether ``blocks.continuation_index`` finds a continuation for the paragraph ``span``,
    asked from the lines after it, without splitting the document into paragraphs."""
    for following in doc.paragraphs_after(span.end):
        paragraph = doc.slice(following)
        if not is_caption(paragraph):
            return starts_as_continuation(paragraph) and is_prose(paragraph)
    return False
