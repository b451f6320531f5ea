"""P105 ellipsis-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import CHINESE_CHAR
from cnlint.patterns import regex

ELLIPSIS_MARKS = "。.…⋯·・"
# A whole run of ellipsis-like marks that is a wrong ellipsis: one kind of mark only (mixed
# runs such as ……。 are left to the other punctuation rules), and a single …, any ⋯, or
# three or more 。 . · ・. Each branch starts with its mark (so `re` jumps from mark to mark);
# the lookbehind right after it makes the run start there, the lookahead end it.
_WHOLE_RUN = f"(?<![{ELLIPSIS_MARKS}]{{mark}}){{rest}}(?![{ELLIPSIS_MARKS}])"
WRONG_ELLIPSIS = regex(
    "|".join(
        [
            "…" + _WHOLE_RUN.format(mark="…", rest=""),
            "⋯" + _WHOLE_RUN.format(mark="⋯", rest="⋯*"),
            *(
                f"{mark}{_WHOLE_RUN.format(mark=mark, rest=mark + mark + '+')}"
                for mark in map(re.escape, "。.·・")
            ),
        ]
    )
)


class EllipsisStyle(Rule):
    code = "P105"
    name = "ellipsis-style"
    summary = "An ellipsis written as 。。。, ..., ···, ⋯ or a single … in Chinese text"
    why = (
        "The Chinese ellipsis is …… (two U+2026, six dots). Dots, stops or a single … are "
        "typing shortcuts or normalisation damage (NFKC turns …… into ......), and they make "
        "one sentence several strings for deduplication and tokenizers. Dots are flagged only "
        "next to Chinese text (not in URLs, code or English); a single middle dot (文峰汇·十二府) "
        "is a separator, not an ellipsis."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Replaces the run with ……."
    triggers = ("。。。", "...", "…", "⋯", "···", "・・・")
    examples = Examples(
        clean=[
            "同志们好！……让我们继续前进。",
            "文峰汇·十二府",
            "Loading... please wait",
            "访问 www.example.com 了解",
            "……",
        ],
        bad=[
            Bad("我想想。。。好吧", fixed="我想想……好吧", flagged=["。。。"]),
            Bad("然后呢...他走了", fixed="然后呢……他走了", flagged=["..."]),
            Bad("等等…我来了", fixed="等等……我来了", flagged=["…"]),
            Bad("这个嘛···算了", fixed="这个嘛……算了", flagged=["···"]),
            Bad("未完待续⋯⋯", fixed="未完待续……", flagged=["⋯⋯"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in WRONG_ELLIPSIS.finditer(text):
            run = match[0]
            before = text[match.start() - 1 : match.start()]
            after = text[match.end() : match.end() + 1]
            if not (CHINESE_CHAR.match(before) or CHINESE_CHAR.match(after)):
                continue
            yield self.finding(
                match.start(),
                match.end(),
                f"Ellipsis written as {run!r}; use ……",
                replacement="……",
                title="Replace with ……",
            )
