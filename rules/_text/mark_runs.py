"""Runs of doubled punctuation in Chinese text, read by the repeated- and
conflicting-punctuation rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint.chars import CHINESE_CHAR
from cnlint.patterns import regex

# Marks that are never written twice in a row, grouped by kind (both widths are one kind).
MARK_KIND = {",": ",", "，": ",", "、": "、", ";": ";", "；": ";", ":": ":", "：": ":", "。": "。"}
MARK_RUN = regex("[,，、;；:：。]{2,}")
# The marks of each kind, as a regex class body: {",": ",，", "、": "、", ...}.
KIND_MARKS = {
    kind: "".join(mark for mark, its_kind in MARK_KIND.items() if its_kind == kind)
    for kind in dict.fromkeys(MARK_KIND.values())
}


def mark_runs(text: str) -> Iterator[re.Match[str]]:
    """Runs of two or more marks that sit in Chinese text.

    A run made only of ASCII marks with no Chinese neighbour (``std::cout``) is not Chinese text.
    """
    for match in MARK_RUN.finditer(text):
        run = match[0]
        if not run.isascii():
            yield match
            continue
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if CHINESE_CHAR.match(before) or CHINESE_CHAR.match(after):
            yield match
