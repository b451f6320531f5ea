"""Counting character classes in one pass (numpy over UTF-16 code units), shared by the quality
rules and the non-Chinese-document rule.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from cnlint import Document
from cnlint.chars import CJK_PUNCT, HAN, INVISIBLE, bmp_characters
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
    """Counts a text's characters in up to three classes with one numpy pass.

    A lookup table gives each BMP character a 64-bit value holding a 1 in the 21-bit field
    of each class it belongs to, so the sum of the values over the text is the three counts
    side by side: a few microseconds a document, where a regex scans the whole text for
    each count. The table is built from the classes' own regexes, one character at a time,
    so the counts are theirs. Characters beyond the BMP (emoji, rare Han) are not in the
    table: they are counted apart, in a fourth number, for the caller to bound with.
    """

    FIELD = 21  # a text of 2**21 characters or more gets no counts (None)

    def __init__(self, *classes: LazyPattern) -> None:
        self.classes = classes

    @cached_property
    def table(self) -> np.ndarray:
        table = np.zeros(0x10000, dtype=np.uint64)
        for field, pattern in enumerate(self.classes):
            # Deleting the class's characters from the BMP leaves the others, each its own
            # code point: one pass in C instead of a match object per member (the symbol
            # class holds most of the BMP).
            others = pattern.sub("", bmp_characters()).encode("utf-32-le", "surrogatepass")
            members = np.ones(0x10000, dtype=bool)
            members[np.frombuffer(others, dtype=np.uint32)] = False
            table[members] += np.uint64(1 << (self.FIELD * field))
        return table

    def count(self, text: str, units: np.ndarray | None = None) -> list[int] | None:
        """The number of characters in each class, then of those beyond the BMP.

        ``units`` are the text's UTF-16 code units when the caller has them already
        (``doc.view(code_units)``: one encoding per document for every counter).
        """
        if len(text) >> self.FIELD:
            return None
        points = utf16_units(text) if units is None else units
        beyond = 0
        if len(points) != len(text):  # surrogate pairs: take code points instead
            points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            in_bmp = points <= 0xFFFF
            beyond = len(points) - int(np.count_nonzero(in_bmp))
            points = points[in_bmp]
        packed = int(np.take(self.table, points).sum())  # take: faster than table[points]
        mask = (1 << self.FIELD) - 1
        counts = [packed >> (self.FIELD * field) & mask for field in range(len(self.classes))]
        return [*counts, beyond]


def code_units(doc: Document) -> np.ndarray:
    """The document's UTF-16 code units (a doc.view shared by the character counters)."""
    return utf16_units(doc.text)


def utf16_units(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


# Whitespace, invisible characters outside it, and symbols: what Q101 and Q102 count.
QUALITY_COUNTER = CharacterCounter(regex(r"\s"), regex(f"(?!\\s){INVISIBLE_CHAR.pattern}"), SYMBOL)


def census(doc: Document) -> tuple[int, int, int] | None:
    """Characters of the content (no whitespace), invisible ones among them, and at most
    how many symbols (the BMP's, plus every character beyond it, which may be one),
    computed once per document; None for a text too long to count."""
    return doc.view(count_classes)


def count_classes(doc: Document) -> tuple[int, int, int] | None:
    counts = QUALITY_COUNTER.count(doc.text, doc.view(code_units))
    if counts is None:
        return None
    spaces, invisible, symbols, beyond_bmp = counts
    return len(doc.text) - spaces, invisible, symbols + beyond_bmp
