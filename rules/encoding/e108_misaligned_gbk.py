"""E108 misaligned-gbk."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules._text.mojibake import debris_of


class MisalignedGbk(Rule):
    code = "E108"
    name = "misaligned-gbk"
    summary = "GBK decoded out of step: ?１颈ㄍㄑ对薄≌叛蕖∷ between Chinese characters"
    why = (
        "When a GBK byte is lost, every following pair is read one byte out of step: the "
        "Chinese turns into other Han characters mixed with GBK's symbol rows (full-width "
        "ASCII, ≌ ∷, kana, bopomofo, box drawing), and the lost byte shows as '?' or U+FFFD. "
        "Each piece is a valid character, so no decoder complains, and punctuation and "
        "full-width fixes would tidy the debris into plausible text. A run is reported when "
        "a lost byte sits within three characters of such a symbol; a question mark that "
        "ends a sentence, or full-width digits in a sentence, are not debris on their own."
    )
    severity = Severity.ERROR
    # No prefilter: one (a lost byte and a symbol within DEBRIS_GAP characters) would skip
    # few documents, whose debris check is cheap and mostly shared with P103 and E107, and
    # its character classes cost more in the gate's scan than that saves.
    triggers = ("?", "\ufffd")
    examples = Examples(
        clean=["你好吗?我很好。", "全国１５０个城市，增长1,000人。", "他问：“是吗?”Ａ股收盘。"],
        bad=[
            Bad(
                "胶南市委书记张德?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?“十分钟”",
                flagged=["?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?"],
                note="dirty/sogoucs_006.txt",
            ),
            Bad(
                "不曾被关注的风险黑洞由此浮现。?＞莶煌耆?统计",
                flagged=["?＞莶煌耆?"],
                note="dirty/sogoucs_024.txt",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for start, end in doc.view(debris_of):
            yield self.finding(
                start, end, f"Misaligned GBK debris {doc.text[start:end]!r}: bytes were lost"
            )
