"""E107 fullwidth-alnum."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import characters
from cnlint.patterns import regex
from cnlint.rules._text.mojibake import debris_of, in_debris

FULLWIDTH_ALNUM = regex("[０-９Ａ-Ｚａ-ｚ]+")
TO_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


class FullwidthAlnum(Rule):
    code = "E107"
    name = "fullwidth-alnum"
    summary = "Full-width letters and digits: ＡＢＣ１２３ instead of ABC123"
    why = (
        "Full-width Latin letters and digits are a legacy of GB2312 typesetting. The same "
        "number or name then exists in two spellings (２０１２年 and 2012年), which defeats "
        "search, deduplication and number normalisation. Only letters and digits are "
        "converted: full-width punctuation (，！？) is correct Chinese and is never touched, "
        "unlike NFKC."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Replaces each letter or digit with its ASCII form."
    triggers = characters("０-９Ａ-Ｚａ-ｚ")
    examples = Examples(
        # the last one is misaligned-GBK debris (dirty/sogoucs_006.txt): left for E108
        clean=["2012年6月12日，全国150个城市。", "你好，世界！", "张德?１颈ㄍㄑ对薄≌叛蕖∷"],
        bad=[
            Bad(
                "中广网唐山６月１２日消息",
                fixed="中广网唐山6月12日消息",
                flagged=["６", "１２"],
                note="sogoucs_gbk_001 (corpus/external/dirty-encoding)",
            ),
            Bad("ＡＢＣ公司", fixed="ABC公司", flagged=["ＡＢＣ"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        debris = doc.view(debris_of)
        for match in FULLWIDTH_ALNUM.finditer(doc.text):
            start, end = match.span()
            if debris and in_debris(debris, start, end):
                continue  # misaligned-gbk reports it; half-width digits would hide the damage
            message, ascii_form, title = ascii_fix(match[0])
            yield self.finding(start, end, message, replacement=ascii_form, title=title)


@lru_cache(maxsize=4096)
def ascii_fix(run: str) -> tuple[str, str, str]:
    """Message, ASCII replacement and fix title for a run of full-width letters and digits.

    Cached: the same runs (１, ２０, ＡＢＣ) come back in every document of a source.
    """
    ascii_form = run.translate(TO_HALFWIDTH)
    return f"Full-width {run!r}; write {ascii_form!r}", ascii_form, f"Replace with {ascii_form!r}"
