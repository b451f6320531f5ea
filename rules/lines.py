"""Line helpers for rules that judge whole lines (boilerplate): what a line holds, how to drop it.

These rules judge the line, not the substring: a junk phrase inside a sentence
("他用手机下载了文件。") is prose. So they look at one line at a time, ignore lines that are
long or end sentences, and drop a junk line whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cnlint import Document, Edit
from cnlint.rules.chars import HAN

HAN_CHAR = re.compile(f"[{HAN}]")
# Marks that end or split sentences: a line holding one is written prose, not page chrome.
SENTENCE_MARKS = re.compile("[。！？!?；]")
# Surrounding whitespace (U+3000 indentation included) and HTML tags left by the scraper
# (<p>…</P> in the CCTV transcripts): they do not change what a line is.
EDGE = re.compile(r"^(?:\s|<[^<>]{1,40}>)+|(?:\s|<[^<>]{1,40}>)+$")
# A URL or bare domain (www.txtsk.com, http://www.zxcs8.com/, bmsy.net).
URL = re.compile(
    r"(?:https?://|www\.)[!-~]+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|cc|info|tv|me|top|la)\b[!-~]*",
    re.IGNORECASE,
)
# Decoration around chrome and watermark lines: bullets, rules, separators, brackets.
DECORATION = re.compile(r"[\s\-–—=*~•·|｜/\\〓【】\[\]()（）<>《》»«›‹>＞:：,，、]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its index, its span (with indentation) and its core text."""

    index: int
    start: int
    end: int
    core: str  # the text without surrounding whitespace and HTML tags


def text_lines(doc: Document) -> Iterator[Line]:
    """The document's non-blank lines."""
    text = doc.text
    for index, span in enumerate(doc.lines):
        raw = text[span.start : span.end]
        core = EDGE.sub("", raw)
        if core:
            yield Line(index, span.start, span.end, core)


def is_prose(core: str) -> bool:
    """A line that holds a sentence mark is written text, whatever phrases it contains."""
    return SENTENCE_MARKS.search(core) is not None


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))


def is_url_only(core: str) -> bool:
    """A line that is nothing but a URL or domain and decoration (a site watermark)."""
    if URL.search(core) is None:
        return False
    return not DECORATION.sub("", URL.sub("", core))


def drop_line(doc: Document, line: Line) -> Edit:
    """An edit that removes the whole line with its newline.

    The last line has no newline of its own; its text goes and the newline before it stays,
    so the file still ends with a newline and no neighbouring line changes.
    """
    starts = doc.line_starts
    if line.index + 1 < len(starts):
        return Edit(line.start, starts[line.index + 1], "")
    return Edit(line.start, line.end, "")
