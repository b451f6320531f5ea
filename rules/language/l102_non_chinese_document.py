"""L102 non-chinese-document."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import HAN_CHAR, han_count
from cnlint.patterns import regex
from cnlint.rule import Metric
from cnlint.rules._text.census import (
    ALPHABETIC_LETTER,
    SYLLABIC,
    CharacterCounter,
    letter_census,
)

# Words of alphabetic scripts (Latin with Latin-1 mojibake such as ÃñÉú, Greek, Cyrillic) and
# single characters of syllabic ones (kana, hangul: SYLLABIC), which count like Han characters.
ALPHABETIC_WORD = regex("[A-Za-z\u00c0-\u024f]+|[\u0370-\u03ff]+|[\u0400-\u04ff]+")
OTHER_LETTER = regex(
    "[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]"
)
# HTML tags and URLs are scraping debris, not the document's language: they are not counted.
MARKUP = regex(r"<[^<>]*>|(?:https?://|www\.)[!-~]+")
# A Chinese word is 1.5 characters on average (segmented news text), so 1.5 Han characters
# weigh as much as one English word: one quoted English word no longer outweighs five Han.
CHARS_PER_WORD = 1.5
# Han, letters of the alphabetic words, syllabic characters: counted in one numpy pass (on a
# whole document, with the quality rules' classes: census.letter_census).
LETTER_COUNTER = CharacterCounter(HAN_CHAR, ALPHABETIC_LETTER, SYLLABIC)


class NonChineseDocument(Rule):
    code = "L102"
    name = "non-chinese-document"
    summary = "A document whose words are mostly not Chinese"
    why = (
        "A Chinese corpus collects English pages, code listings, mojibake (涓枃 read as "
        "Ã¤Â¸Â­) and infobox dumps along the way. They are not Chinese text and skew every "
        "Chinese statistic. The share compares words, not letters, so a Chinese notice that "
        "quotes English titles (Domain理论, Achim Jung) stays Chinese: an English, Greek or "
        "Cyrillic word counts once, and Han characters, kana and hangul count 1.5 to a word "
        "(the average length of a Chinese word). Flagged below `min-chinese-share` (0.5: most "
        "of the words are not Chinese). Digits, punctuation, spaces, HTML tags and URLs do "
        "not count; documents with fewer than `min-words` words are not judged."
    )
    severity = Severity.WARNING
    document_verdict = True
    options: ClassVar[dict] = {"min-chinese-share": 0.5, "min-words": 20}
    option_docs: ClassVar[dict] = {
        "min-chinese-share": (
            "Chinese words (Han characters / 1.5) as a share of all words; below it, flagged."
        ),
        "min-words": "Shorter documents (in words) are not judged.",
    }
    metric = Metric("Chinese share", "min-chinese-share", flags_above=False)
    examples = Examples(
        clean=[
            "他买了一部iPhone 13，用Python写了个脚本，运行在Linux服务器上，效果很好，大家都很满意。"
            "今年GDP增长5%，5G基站和APP用户都在增加，城市的数字化水平不断提高。",
            # dirty corpus cwt_dirty_004.txt: a Chinese award notice quoting English names
            "（3）Domain结构的拓扑性质研究：在拟连续L-domain框架下，回答了著名domain理论学家"
            "Michael Mislove和Jimmie Lawson在1990年提出的公开问题——函数空间上Scott拓扑与"
            "Isbell拓扑的一致性；刻画了弱良滤dcpo上Scott拓扑的凝聚性。",
        ],
        bad=[
            Bad(
                "Latest Submit(811)\nMedicine, Pharmacy (228)\nEnvironmental Sciences, Resource "
                "Sciences (86)\nDynamic and Electric Engineering (78)\nCivil Engineering and "
                "Building Construction (66)\nLibrary Science，Information Science (65)\n"
                "Linguistics and Applied Linguistics (4)\n何军(9)\n",
                flagged=["Latest Submit(811)"],
                note="dirty corpus cwt_dirty_010.txt",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        threshold, min_words = (
            self.option_values["min-chinese-share"],
            self.option_values["min-words"],
        )
        counted = letter_census(doc)
        # A flagged document has more than (1 - threshold) × min-words foreign words, and
        # each holds a letter: with fewer foreign letters than that, nothing is counted.
        letters = counted[1] + counted[2] if counted else len(OTHER_LETTER.findall(doc.text))
        if letters < min_words * (1 - threshold):
            return
        tagged = "<" in doc.text
        text = MARKUP.sub("", doc.text) if tagged else doc.text
        if tagged:
            counted = LETTER_COUNTER.count(text)  # a tag may have held Han characters
        if counted and self._stays_chinese(*counted[:3]):
            return  # most documents with letters: far more Han than letters
        if not tagged:
            text = MARKUP.sub("", text)  # URLs
        share = self._share(text)
        if share is not None and share < threshold:
            first = doc.paragraphs[0]
            shown, minimum = percentages(share, threshold)
            yield self.finding(
                first.start,
                first.end,
                f"Chinese words are {shown} of the words (below {minimum}): not a Chinese document",
            )

    def measure(self, doc: Document) -> float | None:
        return self._share(MARKUP.sub("", doc.text))

    def _share(self, text: str) -> float | None:
        """Chinese words as a share of the words of ``text`` (the document without markup);
        None with fewer than ``min-words`` words."""
        foreign = len(ALPHABETIC_WORD.findall(text)) + len(SYLLABIC.findall(text)) / CHARS_PER_WORD
        chinese = han_count(text) / CHARS_PER_WORD
        if chinese + foreign < self.option_values["min-words"]:
            return None
        return chinese / (chinese + foreign)

    def _stays_chinese(self, han: int, letters: int, syllabic: int) -> bool:
        """Is the Chinese share at or above the threshold even if every letter were a word?

        Counted on the text without markup, or on the whole text when it has no tag (a URL
        is ASCII: removing it loses letters, never Han or syllabic characters). Each word
        has a letter, and Han beyond the BMP only adds to the Chinese side, so the share
        computed from words is at least this one.
        """
        chinese = han / CHARS_PER_WORD
        most_foreign = letters + syllabic / CHARS_PER_WORD
        total = chinese + most_foreign
        return bool(total) and chinese / total >= self.option_values["min-chinese-share"]


def percentages(share: float, threshold: float) -> tuple[str, str]:
    """``share`` and ``threshold`` as whole percentages, or to a tenth (the share cut, the
    threshold rounded up) where whole ones would read the same: 0.4996 is below 0.5, and
    "50% (below 50%)" says otherwise."""
    shown = f"{share:.0%}", f"{threshold:.0%}"
    if shown[0] != shown[1]:
        return shown
    return f"{math.floor(share * 1000) / 10:.1f}%", f"{math.ceil(threshold * 1000) / 10:.1f}%"
