"""Q102 symbol-ratio."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules._text.census import INVISIBLE_CHAR, SYMBOL, census, content_of
from cnlint.rules._text.examples import CLEAN_NEWS


class SymbolRatio(Rule):
    code = "Q102"
    name = "symbol-ratio"
    summary = "Too many characters that are neither text nor punctuation (markup, mojibake, junk)"
    why = (
        "Markup (<p>, **), emoji runs, box drawing, mojibake (¡£»¶) and binary debris mean "
        "the document was not extracted as text. Gopher caps the ratio of # and … to words "
        "at 0.1; on Chinese that ratio is meaningless (no word boundaries), and generic "
        "'special character' ratios count every CJK mark as special. Here Han characters, "
        "letters and digits of any script, CJK punctuation and common ASCII punctuation are "
        "text; the rest are symbols. The clean corpus stays under 0.005; the default flags "
        "documents over 0.05."
    )
    severity = Severity.WARNING
    options = {"max-ratio": 0.05}
    option_docs = {"max-ratio": "Highest allowed share of symbols among non-space characters."}
    examples = Examples(
        clean=[CLEAN_NEWS, "共计1,000人，增长10%（同比）。时间08:31，网址 https://www.gov.cn/ 。"],
        bad=[
            # dirty/mnbvc_charset_001.txt: GBK bytes read as latin-1
            Bad("¸ü¶à¾«Ð£Ð¡ËµÃâ·ÑÏÂÔØ£ºhttp://www.zxcs8.com/\n", flagged=[""]),
            # dirty/xwlb_cctv_*: HTML markup left in the transcript
            Bad("<p>本台消息</p><p>国务院召开常务会议。</p>", flagged=[""]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        counted = census(doc)
        if counted and not self._may_exceed(counted):
            return  # most documents: the census proves the share is under the maximum
        content = content_of(doc)
        size = len(content) - len(INVISIBLE_CHAR.findall(content))
        if not size:
            return
        symbols = len(SYMBOL.findall(content))  # few on any text worth keeping: cheap
        share = symbols / size
        if share > self.option_values["max-ratio"]:
            yield self.finding(
                0,
                0,
                f"Symbol ratio {share:.3f} (maximum {self.option_values['max-ratio']}): "
                f"{symbols} of {size} characters are not text",
            )

    def _may_exceed(self, counted: tuple[int, int, int]) -> bool:
        content, invisible, most_symbols = counted
        size = content - invisible
        return bool(size) and most_symbols / size > self.option_values["max-ratio"]
