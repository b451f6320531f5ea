"""Line helpers for rules that judge whole lines (boilerplate): what a line holds, how to drop it.

These rules judge the line, not the substring: a junk phrase inside a sentence
("他用手机下载了文件。") is prose. So they look at one line at a time, ignore lines that are
long or end sentences, and drop a junk line whole.

Also the pieces their prefilters share (``GAP``, ``URL_PREFILTER``); the prefilter builders
are public, in ``cnlint.prefilter``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Document, Edit
from cnlint.chars import bmp_characters
from cnlint.patterns import regex

# Marks that end or split sentences: a line holding one is written prose, not page chrome.
LINE_SENTENCE_MARKS = regex("[。！？!?；]")
# HTML tags left by the scraper at a line's edges (<p>…</P> in the CCTV transcripts).
LEADING_TAGS = regex(r"(?:<[^<>]{1,40}>\s*)+")
TRAILING_TAG = regex(r"\s*<[^<>]{1,40}>")
# A URL or bare domain (www.txtsk.com, http://www.zxcs8.com/, bmsy.net).
URL = regex(
    r"(?:https?://|www[./])[!-~]+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|cc|info|tv|me|top|la)\b[!-~]*",
    re.IGNORECASE,
)
# Decoration around chrome and watermark lines: bullets, rules, separators, brackets.
DECORATION = regex(r"[\s\-–—=*~•·|｜/\\〓【】\[\]()（）<>《》»«›‹>＞:：,，、]+")

# Whitespace and decoration (what the line rules ignore between characters), for prefilters:
# a superset written as a few ranges (control characters, ASCII space and punctuation,
# U+0080-U+07FF, U+1680-U+30FF and U+FF00-U+FFEF, which hold every other space and mark),
# which Hyperscan compiles and scans far faster than the exact classes spelled out.
GAP = r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u0080-\u07ff\u1680-\u30ff\uff00-\uffef]"
# What str.isspace() takes for whitespace but the line breaks \n and \r.
INLINE_SPACE = "".join(c for c in bmp_characters() if c.isspace() and c not in "\n\r")
# What every URL holds, with the spaces is_url_only ignores: "://", "www" before . or /, or a
# dot before a listed top-level domain (IGNORECASE lets i match İ and ı).
TLD_START = r"[cnotimlCNOTIML\u0130\u0131]"
URL_PREFILTER = rf":/|: +/|w[./]|W[./]|w +[./]|W +[./]|\.{TLD_START}|\. +{TLD_START}"


def line_cores(doc: Document) -> list[str]:
    """Each line's core text, without surrounding whitespace and HTML tags ('' for a blank
    line), by line index (as ``doc.lines``).

    Every line rule reads it through ``doc.view(line_cores)``, computed once per document: one
    split and one strip per line, several times cheaper than a span object per line. A rule
    asks for offsets (``core_start``, ``drop_line``) only for the lines it reports.
    """
    text = doc.text
    cores = [raw.strip() for raw in text.split("\n")]
    if "<" in text or ">" in text:  # only then can a line start or end with a tag
        for index, core in enumerate(cores):
            if core and (core[0] == "<" or core[-1] == ">"):
                cores[index] = _strip_tags(core)
    return cores


def core_start(doc: Document, index: int) -> int:
    """The offset in the text where line ``index``'s core begins."""
    return doc.text.index(doc.view(line_cores)[index], doc.line_starts[index])


def short_lines(doc: Document, limit: int) -> Iterator[tuple[int, str]]:
    """(index, core) of the lines of at most ``limit`` characters that hold no sentence mark:
    the only candidates for junk, and most prose lines fail the length test before any regex
    runs."""
    for index, core in enumerate(doc.view(line_cores)):
        if core and len(core) <= limit and not has_sentence_mark(core):
            yield index, core


def last_line_index(cores: list[str]) -> int:
    """The index of the last non-blank line (-1 if there is none)."""
    for index in range(len(cores) - 1, -1, -1):
        if cores[index]:
            return index
    return -1


def _strip_tags(core: str) -> str:
    leading = LEADING_TAGS.match(core)
    core = core[leading.end() :] if leading else core
    while core.endswith(">"):
        match = TRAILING_TAG.search(core, max(0, len(core) - 60))
        if match is None or match.end() != len(core):
            break
        core = core[: match.start()]
    return core.strip()


def has_sentence_mark(core: str) -> bool:
    """A line that holds a sentence mark is written text, whatever phrases it contains."""
    return LINE_SENTENCE_MARKS.search(core) is not None


def is_url_only(core: str) -> bool:
    """A line that is nothing but a URL or domain and decoration (a site watermark).

    Spaces do not count: e-book sites write their address spaced out to dodge filters
    (w w w/xiao shu otx t.com).
    """
    if "." not in core and "/" not in core:  # every URL holds one (www. or ://, or .com)
        return False
    core = core.replace(" ", "")
    if URL.search(core) is None:
        return False
    return not DECORATION.sub("", URL.sub("", core))


def drop_line(doc: Document, index: int) -> Edit:
    """An edit that removes line ``index`` whole, with its newline.

    The last line has no newline of its own; its text goes and the newline before it stays,
    so the file still ends with a newline and no neighbouring line changes.
    """
    starts = doc.line_starts
    if index + 1 < len(starts):
        return Edit(starts[index], starts[index + 1], "")
    last = doc.lines[index]
    return Edit(last.start, last.end, "")
