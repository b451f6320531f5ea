"""Line helpers for rules that judge whole lines (boilerplate): what a line holds, how to drop it.

These rules judge the line, not the substring: a junk phrase inside a sentence
("他用手机下载了文件。") is prose. So they look at one line at a time, ignore lines that are
long or end sentences, and drop a junk line whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from cnlint import Document, Edit
from cnlint.rules.chars import HAN

HAN_CHAR = re.compile(f"[{HAN}]")
# Marks that end or split sentences: a line holding one is written prose, not page chrome.
SENTENCE_MARKS = re.compile("[。！？!?；]")
# HTML tags left by the scraper at a line's edges (<p>…</P> in the CCTV transcripts).
LEADING_TAGS = re.compile(r"(?:<[^<>]{1,40}>\s*)+")
TRAILING_TAG = re.compile(r"\s*<[^<>]{1,40}>")
# A URL or bare domain (www.txtsk.com, http://www.zxcs8.com/, bmsy.net).
URL = re.compile(
    r"(?:https?://|www[./])[!-~]+"
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


# Every line rule reads the same lines; they are computed once per document.
_LINES: WeakKeyDictionary[Document, list[Line]] = WeakKeyDictionary()


def text_lines(doc: Document) -> list[Line]:
    """The document's non-blank lines (computed once per document, shared by the rules)."""
    lines = _LINES.get(doc)
    if lines is None:
        text = doc.text
        lines = []
        for index, span in enumerate(doc.lines):
            core = text[span.start : span.end].strip()
            if core.startswith("<") or core.endswith(">"):
                core = _strip_tags(core)
            if core:
                lines.append(Line(index, span.start, span.end, core))
        _LINES[doc] = lines
    return lines


def short_lines(doc: Document, limit: int) -> Iterator[Line]:
    """Lines of at most ``limit`` characters that hold no sentence mark: the only candidates
    for junk, and most prose lines fail the length test before any regex runs."""
    for line in text_lines(doc):
        if len(line.core) <= limit and not is_prose(line.core):
            yield line


def _strip_tags(core: str) -> str:
    core = LEADING_TAGS.sub("", core, count=1) if core.startswith("<") else core
    while core.endswith(">"):
        match = TRAILING_TAG.search(core, max(0, len(core) - 60))
        if match is None or match.end() != len(core):
            break
        core = core[: match.start()]
    return core.strip()


def is_prose(core: str) -> bool:
    """A line that holds a sentence mark is written text, whatever phrases it contains."""
    return SENTENCE_MARKS.search(core) is not None


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))


def is_url_only(core: str) -> bool:
    """A line that is nothing but a URL or domain and decoration (a site watermark).

    Spaces do not count: e-book sites write their address spaced out to dodge filters
    (w w w/xiao shu otx t.com).
    """
    core = core.replace(" ", "")
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
