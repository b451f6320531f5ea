"""Counting character classes in one pass (numpy over UTF-16 code units), shared by the quality
rules and the non-Chinese-document rule.
"""

from __future__ import annotations

import re
from functools import cached_property

import numpy as np

from cnlint import Document
from cnlint.chars import CJK_PUNCT, HAN, HAN_CHAR, INVISIBLE, bmp_characters
from cnlint.patterns import LazyPattern, regex


def content_of(doc: Document) -> str:
    """The document without whitespace: what every metric here counts (computed once)."""
    return doc.view(strip_whitespace)


def strip_whitespace(doc: Document) -> str:
    # str.split() drops exactly what the regex \s drops (str.isspace), 4x faster than re.sub.
    return "".join(doc.text.split())


# Everything a Chinese text is made of; what is left over is a "symbol": markup, emoji,
# box drawing, mojibake (¡£»), binary debris. CJK punctuation is text, not a symbol, which
# is where Data-Juicer's special-character ratio goes wrong on Chinese (0.13-0.19 on clean
# text against a 0.25 threshold).
# Invisible characters (a BOM, zero-width spaces) are neither: E102/E103 report and remove
# them, so they count on neither side of the ratio.
SYMBOL = regex(f"[^{HAN}{CJK_PUNCT}{INVISIBLE}\\w\\s.,;:!?'\"()\\-%/·…—“”‘’《》]")
INVISIBLE_CHAR = regex(f"[{INVISIBLE}]")


class CharacterCounter:
    """Counts a text's characters in up to eight classes with one numpy pass.

    A lookup table gives each BMP character one byte: the set of classes it belongs to,
    one bit per class. Counting those bytes over the text (``bincount``) tells how many
    characters fell in each set, and a class's count is the sum over the sets that hold it:
    a few microseconds a document, where a regex scans the whole text for each count, and
    one pass however many classes (the quality rules and the language rule share one). The
    table is built from the classes' own regexes, one character at a time, so the counts are
    theirs. Characters beyond the BMP (emoji, rare Han) are not in the table: they are counted
    apart, in a last number, for the caller to bound with.
    """

    # Texts this long or longer are not counted (None): the callers measure such a text
    # their own way, and their findings on it follow that way.
    MAX_CHARS = 1 << 21

    def __init__(self, *classes: LazyPattern | re.Pattern[str]) -> None:
        if len(classes) > 8:
            raise ValueError("a CharacterCounter counts at most 8 classes (one byte)")
        self.classes = classes

    @cached_property
    def table(self) -> np.ndarray:
        table = np.zeros(0x10000, dtype=np.uint8)
        for bit, pattern in enumerate(self.classes):
            # Deleting the class's characters from the BMP leaves the others, each its own
            # code point: one pass in C instead of a match object per member (the symbol
            # class holds most of the BMP).
            others = pattern.sub("", bmp_characters()).encode("utf-32-le", "surrogatepass")
            members = np.ones(0x10000, dtype=bool)
            members[np.frombuffer(others, dtype=np.uint32)] = False
            table[members] |= np.uint8(1 << bit)
        return table

    @cached_property
    def _membership(self) -> np.ndarray:
        """Row k: 1 for each set of classes (a table byte) that holds class k."""
        sets = np.arange(1 << len(self.classes))
        return np.array([(sets >> bit) & 1 for bit in range(len(self.classes))], dtype=np.int64)

    def count(self, text: str, units: np.ndarray | None = None) -> list[int] | None:
        """The number of characters in each class, then of those beyond the BMP.

        ``units`` are the text's UTF-16 code units when the caller has them already
        (``doc.view(code_units)``: one encoding per document for every counter).
        """
        if len(text) >= self.MAX_CHARS:
            return None
        points = utf16_units(text) if units is None else units
        beyond = 0
        if len(points) != len(text):  # surrogate pairs: take code points instead
            points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            in_bmp = points <= 0xFFFF
            beyond = len(points) - int(np.count_nonzero(in_bmp))
            points = points[in_bmp]
        sets = np.bincount(np.take(self.table, points), minlength=len(self._membership[0]))
        return [*(self._membership @ sets).tolist(), beyond]


def code_units(doc: Document) -> np.ndarray:
    """The document's UTF-16 code units (a doc.view shared by the character counters)."""
    return utf16_units(doc.text)


def utf16_units(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


# Letters of alphabetic scripts (Latin with Latin-1 mojibake such as ÃñÉú, Greek, Cyrillic)
# and syllabic characters (kana, hangul): what non-chinese-document weighs against Han.
ALPHABETIC_LETTER = regex("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
SYLLABIC = regex("[\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]")

# Whitespace, invisible characters outside it and symbols (what Q101 and Q102 count), then
# Han, alphabetic letters and syllabic characters (what L102 counts): one pass for all.
CHARACTER_COUNTER = CharacterCounter(
    regex(r"\s"),
    regex(f"(?!\\s){INVISIBLE_CHAR.pattern}"),
    SYMBOL,
    HAN_CHAR,
    ALPHABETIC_LETTER,
    SYLLABIC,
)


def character_counts(doc: Document) -> list[int] | None:
    """CHARACTER_COUNTER's counts of the document, computed once for every rule that asks;
    None for a text too long to count."""
    return doc.view(count_characters)


def count_characters(doc: Document) -> list[int] | None:
    return CHARACTER_COUNTER.count(doc.text, doc.view(code_units))


def census(doc: Document) -> tuple[int, int, int] | None:
    """Characters of the content (no whitespace), invisible ones among them, and at most
    how many symbols (the BMP's, plus every character beyond it, which may be one),
    computed once per document; None for a text too long to count."""
    counts = character_counts(doc)
    if counts is None:
        return None
    spaces, invisible, symbols, *_, beyond_bmp = counts
    return len(doc.text) - spaces, invisible, symbols + beyond_bmp


def letter_census(doc: Document) -> list[int] | None:
    """Han characters of the BMP, letters of alphabetic words, syllabic characters and
    characters beyond the BMP (computed once per document); None for a text too long."""
    counts = character_counts(doc)
    return None if counts is None else counts[3:]
