"""Foreign scripts (kana, hangul, Cyrillic …) and whether a span of them is another language
rather than Chinese text, shared by the script rules.
"""

from __future__ import annotations

import re

import numpy as np

from cnlint.document import Span
from cnlint.rules._text.chars import HAN
from cnlint.rules._text.script_tables import code_points

FOREIGN_SCRIPTS = {
    "Japanese kana": "\u3040-\u309f\u30a0-\u30fa\u31f0-\u31ff\uff66-\uff9d",
    "Korean hangul": "\uac00-\ud7af\u1100-\u11ff\u3131-\u318e",
    "Cyrillic": "\u0400-\u04ff",
    "Thai": "\u0e01-\u0e5b",
    "Arabic": "\u0600-\u06ff",
    "Hebrew": "\u05d0-\u05ea",
    "Devanagari": "\u0900-\u097f",
}
FOREIGN = "".join(FOREIGN_SCRIPTS.values())
# A run of foreign letters; spaces, the katakana middle dot and the long-vowel mark may join them.
FOREIGN_RUN = re.compile(f"[{FOREIGN}](?:[{FOREIGN}\u30fb\u30fc]|[ \u3000](?=[{FOREIGN}]))*")


# One flag per code point. Counting the Han characters of a paragraph by a numpy lookup is
# 14x faster than re's findall, which builds a string for every character it finds.
def code_point_flags(ranges: str) -> np.ndarray:
    """A flag per code point, set for a regex class body of characters and ``a-b`` ranges."""
    flags = np.zeros(0x110000, dtype=np.bool_)
    for first, last in re.findall("(.)(?:-(.))?", ranges, flags=re.DOTALL):
        flags[ord(first) : ord(last or first) + 1] = True
    return flags


IS_HAN = code_point_flags(HAN)
# A paragraph where foreign letters make up this share of the letters is written in that
# language (a quotation, a bilingual line): not a leak into Chinese.
WHOLE_LANGUAGE_SHARE = 0.3


def foreign_share(text: str, span: Span) -> float:
    """Share of foreign-script letters among the letters (foreign and Han) of a paragraph."""
    foreign = sum(
        len(m[0].replace(" ", "")) for m in FOREIGN_RUN.finditer(text, span.start, span.end)
    )
    if not foreign:
        return 0.0
    han = han_count(text[span.start : span.end])
    return foreign / (foreign + han)


def han_count(text: str) -> int:
    return int(np.count_nonzero(IS_HAN[code_points(text)]))


def other_language(text: str, span: Span) -> bool:
    """A paragraph written in another language (Japanese kanji are not traditional Chinese)."""
    return foreign_share(text, span) >= WHOLE_LANGUAGE_SHARE
