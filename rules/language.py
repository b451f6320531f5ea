"""Language rules (L): English leaking into Chinese sentences, documents that are not Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules.chars import HAN
from cnlint.rules.phrases import configured_phrases
from cnlint.rules.quality import CharacterCounter, code_units

VOWEL = re.compile("[aeiouy]")
# A run of lowercase Latin words (the pattern starts with a character class, so the scan is
# fast); a leak needs a Chinese character on both sides, checked after the match.
LOWER_RUN = re.compile("[a-z]+(?:[ ]+[a-z]+)*")
HAN_AT = re.compile(f"[{HAN}]")
SPACES = " \u3000"


class EnglishLeak(Rule):
    code = "L101"
    name = "english-leak"
    summary = "English words left inside a Chinese sentence: 积极性 and 主动性"
    why = (
        "A translation or template step that missed a word leaves English function words in "
        "Chinese sentences (seed 004: 积极性 and 主动性). A model trained on it learns to "
        "switch language mid-sentence. What passes: acronyms and anything capitalised (GDP, "
        "APP, iPhone, Python, WiFi), words with digits (5G, iPhone13), units and symbols "
        "(kg, km, mAh), URLs, e-mail addresses and code (anything with . / _ = or brackets), and "
        "a single lowercase content word (app, case), which is ordinary code-switching, and a "
        "single word typed between Chinese characters without spaces (温柔or霸道, 你会pick谁): "
        "internet writers glue one English word in on purpose, while a translation or "
        "template step that drops English leaves it spaced like English (积极性 and 主动性). "
        "Flagged: "
        "a run of lowercase English words between Chinese characters that holds a function "
        "word (and, or, the, of …; data/english-function-words.txt) or has `min-words` words."
    )
    severity = Severity.WARNING
    # Every finding is a lowercase run between Han characters (spaces allowed around it)
    # with a word of two letters or more, and a space somewhere in between: a second word,
    # or a space on one side (a single word glued to Han on both sides passes).
    prefilter = (
        f"[{HAN}][ \u3000a-z]*"
        "(?:[a-z][a-z][ \u3000a-z]*[ \u3000]|[ \u3000][ \u3000a-z]*[a-z][a-z])"
        f"[ \u3000a-z]*[{HAN}]"
    )
    options: ClassVar[dict] = {"min-words": 3, "extra-phrases": [], "phrases-file": ""}
    option_docs: ClassVar[dict] = {
        "min-words": "A run of this many lowercase words is a leak even without a function word.",
        "extra-phrases": "English function words added to the built-in list.",
        "phrases-file": "A word file (one a line, `#` comments) that replaces the built-in list.",
    }
    examples = Examples(
        clean=[
            "今年GDP增长5%，5G基站和APP用户都在增加。",
            "他买了一部iPhone 13，用Python写了个脚本。",
            "每天步行3 km，下载 app 很方便。",
            "访问 https://www.gov.cn/ 了解详情。",
            "调用 os.path.join 函数即可。",
            # dirty corpus weibo_kw_001.txt, line 24
            "各地基层干部的大喇叭喊话，温柔or霸道，你会pick谁？",
        ],
        bad=[
            Bad(
                "激发了广大党员为群众办事的积极性 and 主动性。",
                flagged=["and"],
                note="seed 004, line 91",
            ),
            Bad("这是一个 very good 的机会。", flagged=["very good"]),
            Bad("我们需要 make it happen 才行。", flagged=["make it happen"]),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        words = configured_phrases("english-function-words", self.config)
        self.function_words = frozenset(w.lower() for w in words)

    def check(self, doc: Document) -> Iterator[Finding]:
        min_words = self.config["min-words"]
        text = doc.text
        for match in LOWER_RUN.finditer(text):
            if not self._between_chinese(text, match.start(), match.end()):
                continue  # part of a word with capitals or digits (iPhone, 5g), a URL, code
            run = match[0]
            words = run.split()
            if all(len(w) == 1 for w in words):
                continue  # a站, x光: a letter used as a Chinese word
            if len(words) == 1 and self._glued(text, match.start(), match.end()):
                continue  # 温柔or霸道: code-switching typed on purpose, not a missed translation
            function_word = any(w in self.function_words for w in words)
            # Without a function word, only a run of real words counts: ls mv rm is code.
            phrase = len(words) >= min_words and all(VOWEL.search(w) for w in words)
            if function_word or phrase:
                yield self.finding(
                    match.start(), match.end(), f"English {run!r} inside a Chinese sentence"
                )

    @staticmethod
    def _glued(text: str, start: int, end: int) -> bool:
        """The run touches Han characters on both sides, with no space between."""
        return (
            start > 0
            and HAN_AT.match(text, start - 1) is not None
            and HAN_AT.match(text, end) is not None
        )

    @staticmethod
    def _between_chinese(text: str, start: int, end: int) -> bool:
        before = start - 1
        while before >= 0 and text[before] in SPACES:
            before -= 1
        after = end
        while after < len(text) and text[after] in SPACES:
            after += 1
        return (
            before >= 0
            and HAN_AT.match(text, before) is not None
            and HAN_AT.match(text, after) is not None
        )


# Words of alphabetic scripts (Latin with Latin-1 mojibake such as ÃñÉú, Greek, Cyrillic) and
# single characters of syllabic ones (kana, hangul), which are counted like Han characters.
ALPHABETIC_WORD = re.compile("[A-Za-z\u00c0-\u024f]+|[\u0370-\u03ff]+|[\u0400-\u04ff]+")
SYLLABIC = re.compile("[\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]")
OTHER_LETTER = re.compile(
    "[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]"
)
HAN_CHAR = re.compile(f"[{HAN}]")
# HTML tags and URLs are scraping debris, not the document's language: they are not counted.
MARKUP = re.compile(r"<[^<>]*>|(?:https?://|www\.)[!-~]+")
# A Chinese word is 1.5 characters on average (segmented news text), so 1.5 Han characters
# weigh as much as one English word: one quoted English word no longer outweighs five Han.
CHARS_PER_WORD = 1.5
# Han, letters of the alphabetic words, syllabic characters: counted in one numpy pass.
ALPHABETIC_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
COUNTER = CharacterCounter(HAN_CHAR, ALPHABETIC_LETTER, SYLLABIC)


def letter_census(doc: Document) -> list[int] | None:
    """Han characters of the BMP, letters of alphabetic words, syllabic characters and
    characters beyond the BMP (computed once per document); None for a text too long."""
    return doc.view(count_letters)


def count_letters(doc: Document) -> list[int] | None:
    return COUNTER.count(doc.text, doc.view(code_units))


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
    options: ClassVar[dict] = {"min-chinese-share": 0.5, "min-words": 20}
    option_docs: ClassVar[dict] = {
        "min-chinese-share": (
            "Chinese words (Han characters / 1.5) as a share of all words; below it, flagged."
        ),
        "min-words": "Shorter documents (in words) are not judged.",
    }
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
        threshold, min_words = self.config["min-chinese-share"], self.config["min-words"]
        counted = letter_census(doc)
        # A flagged document has more than (1 - threshold) × min-words foreign words, and
        # each holds a letter: with fewer foreign letters than that, nothing is counted.
        letters = counted[1] + counted[2] if counted else len(OTHER_LETTER.findall(doc.text))
        if letters < min_words * (1 - threshold):
            return
        tagged = "<" in doc.text
        text = MARKUP.sub("", doc.text) if tagged else doc.text
        if tagged:
            counted = COUNTER.count(text)  # a tag may have held Han characters
        if counted and self._stays_chinese(*counted[:3]):
            return  # most documents with letters: far more Han than letters
        if not tagged:
            text = MARKUP.sub("", text)  # URLs
        foreign = len(ALPHABETIC_WORD.findall(text)) + len(SYLLABIC.findall(text)) / CHARS_PER_WORD
        chinese = len(HAN_CHAR.findall(text)) / CHARS_PER_WORD
        if chinese + foreign < min_words:
            return
        share = chinese / (chinese + foreign)
        if share < threshold:
            first = doc.paragraphs[0]
            yield self.finding(
                first.start,
                first.end,
                f"Chinese words are {share:.0%} of the words "
                f"(below {threshold:.0%}): not a Chinese document",
            )

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
        return bool(total) and chinese / total >= self.config["min-chinese-share"]
