"""Foreign scripts (kana, hangul, Cyrillic …) and whether a span of them is another language
rather than Chinese text, shared by the script rules.
"""

from __future__ import annotations

from cnlint import Span
from cnlint.chars import han_count
from cnlint.patterns import regex

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
FOREIGN_RUN = regex(f"[{FOREIGN}](?:[{FOREIGN}\u30fb\u30fc]|[ \u3000](?=[{FOREIGN}]))*")


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


def other_language(text: str, span: Span) -> bool:
    """A paragraph written in another language (Japanese kanji are not traditional Chinese)."""
    return foreign_share(text, span) >= WHOLE_LANGUAGE_SHARE
