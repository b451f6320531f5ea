"""P103 halfwidth-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule
from cnlint.chars import CHINESE, CHINESE_CHAR, PINYIN_LETTERS, TONED_VOWELS
from cnlint.rules._text.mojibake import debris_of, in_debris

FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# A half-width mark in Chinese text (a run of ! and ? counts as one: 好啊!! is one finding).
# The pattern starts with the marks, so `re` jumps from mark to mark (a leading lookbehind or
# group makes it try every position: 4x slower), then checks the context right after the
# first mark, in this order:
# - a Chinese character before it: the mark, the rest of a !? run, and the spaces after it
#   when Chinese follows them (they go too when the mark becomes full-width);
# - else, at the start of a run (inside a !? run, fail at once: linear time on !!!!…), a
#   Chinese character right after the run (no space between).
HALFWIDTH_MARK = re.compile(
    "[!?,:;]"
    f"(?:(?<=[{CHINESE}][!?,:;])(?:(?<=[!?])[!?]*)?(?: +(?=[{CHINESE}]))?"
    f"|(?<![!?][!?])(?:(?<=[!?])[!?]*)?(?=[{CHINESE}]))"
)
# One level of nesting is allowed: 街(社區(qū)) holds a leaked annotation inside an aside.
PAREN_PAIR = re.compile(r"\(((?:[^()\n]|\([^()\n]*\)){0,200})\)")
PINYIN_CONTENT = re.compile(f"[{PINYIN_LETTERS}]*[{TONED_VOWELS}][{PINYIN_LETTERS}]*")


@lru_cache(maxsize=4096)
def halfwidth_fix(marks: str) -> tuple[str, str, str]:
    """Message, full-width replacement and fix title for a run of half-width marks.

    Computed once per distinct run (there are a handful: , : ; ! ? !! …), not per finding.
    """
    wide = "".join(FULLWIDTH[mark] for mark in marks)
    return f"Half-width {marks!r} in Chinese text; use {wide!r}", wide, f"Replace with {wide!r}"


class HalfwidthPunctuation(Rule):
    code = "P103"
    name = "halfwidth-punctuation"
    summary = "ASCII , : ; ! ? ( ) used inside Chinese sentences instead of ， ： ； ！ ？ （ ）"
    why = (
        "Chinese text uses full-width marks. Half-width ones inside Chinese sentences come from "
        "careless normalisation (NFKC, ftfy's width fix) or from scrapers; they make the same "
        "sentence look like two different strings to deduplication and teach a model mixed "
        "typography. Marks between digits (1,000 or 08:31), in URLs, code and English "
        "sentences are left alone: only a mark with a Chinese character or Chinese mark beside "
        "it is flagged, and parentheses only when they hold Chinese or follow a Chinese character."
    )
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Replaces the mark with its full-width form and drops spaces right after it; "
        "parentheses are converted as a pair."
    )
    triggers = ",:;!?("
    examples = Examples(
        clean=[
            "共计1,000人，时间08:31。",
            "访问 https://www.gov.cn/ 了解详情。",
            "He said: hello, world! Is it ok?",
            "函数f(x)的值为0。",
            "(1)加强组织领导。",
            "据《人民日报》报道：“三基”，“三化”。",
        ],
        bad=[
            Bad(
                "签订责任状”,并明确",
                fixed="签订责任状”，并明确",
                flagged=[","],
                note="a comma after a closing quote",
            ),
            Bad(
                "来源:山西日报时间:2021-09-17",
                fixed="来源：山西日报时间：2021-09-17",
                flagged=[":", ":"],
            ),
            Bad("“咚!咚!咚!”", fixed="“咚！咚！咚！”", flagged=["!", "!", "!"]),
            Bad("好的,谢谢!!", fixed="好的，谢谢！！", flagged=[",", "!!"]),
            Bad("文峰区(高新区)深化改革", fixed="文峰区（高新区）深化改革", flagged=["(高新区)"]),
            Bad("你好, 世界", fixed="你好，世界", flagged=[", "]),
            Bad(
                "张德?１颈ㄍㄑ对薄≌叛蕖∷。你好?",
                fixed="张德?１颈ㄍㄑ对薄≌叛蕖∷。你好？",
                flagged=["?"],
                note="dirty/sogoucs_006.txt: the first ? is a lost byte (misaligned-gbk)",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        debris = doc.view(debris_of)
        for match in HALFWIDTH_MARK.finditer(text):
            start, end = match.span()
            marks = match[0].rstrip(" ")
            if debris and in_debris(debris, start, start + len(marks)):
                continue  # a lost byte, not a mark: misaligned-gbk reports it
            message, wide, title = halfwidth_fix(marks)
            yield self.finding(start, end, message, replacement=wide, title=title)
        if "(" in text:
            yield from self._parentheses(text)

    def _parentheses(self, text: str) -> Iterator[Finding]:
        for match in PAREN_PAIR.finditer(text):
            inner = match[1]
            before = text[match.start() - 1 : match.start()]
            # Chinese inside, or after Chinese unless it is a leaked pinyin annotation
            # (pinyin-annotation drops it whole). Pinyin holds no Chinese, so the costlier
            # pinyin test only runs for the second case.
            if CHINESE_CHAR.search(inner) or (
                inner and CHINESE_CHAR.match(before) and not PINYIN_CONTENT.fullmatch(inner)
            ):
                yield self.finding(
                    match.start(),
                    match.end(),
                    f"Half-width parentheses around {inner!r} in Chinese text; use （ ）",
                    edits=[
                        Edit(match.start(), match.start() + 1, "（"),
                        Edit(match.end() - 1, match.end(), "）"),
                    ],
                    title="Replace with （ ）",
                )
