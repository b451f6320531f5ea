"""Q104 unterminated-lines."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rule import Metric
from cnlint.rules._text.blocks import ends_closed
from cnlint.rules._text.examples import CLEAN_NEWS


class UnterminatedLines(Rule):
    code = "Q104"
    name = "unterminated-lines"
    summary = "Much of the document's text sits in lines that do not end with punctuation"
    why = (
        "Menus, tables, lists of links, code and data dumps are lines without sentence ends. "
        'C4 drops every line not ending in `. ? ! "` and FineWeb wants 12% of lines to end '
        "in punctuation; neither knows 。！？…” so every Chinese line fails them. Here a line "
        "is terminated by Chinese or ASCII sentence marks and closing quotes or brackets, "
        "and the share is weighted by characters, so short headings (unterminated by nature) "
        "weigh little: the seeds, full of headings, stay at or under 0.15. Documents with "
        "fewer lines than min-lines are left alone (a one-line record is truncated-document's "
        "business). Off by default: verse, subtitle transcripts grouped by cue and man pages "
        "(synopses, option lists) leave most lines open by design, and on the quality "
        "benchmark 4 of its 7 findings were such texts. Select it for corpora of web prose, "
        "where open lines are menus and dumps."
    )
    severity = Severity.WARNING
    default_enabled = False
    options = {"max-share": 0.5, "min-lines": 5}
    option_docs = {
        "max-share": "Highest allowed share of characters in lines without a terminal mark.",
        "min-lines": "Documents with fewer non-empty lines are not judged.",
    }
    examples = Examples(
        clean=[CLEAN_NEWS],
        bad=[
            # dirty/webextract_006.txt: a conference programme scraped as text
            Bad(
                "会议议程\n12月10日 代表注册\n地  点：南开大学校内明珠园\n"
                "12月10日晚 经济学院院长、主任联席会\n时  间：7:00－9:30\n"
                "地  点：南开大学办公楼一楼会议室\n",
                flagged=[""],
            )
        ],
    )

    metric = Metric("unterminated share", "max-share")

    def check(self, doc: Document) -> Iterator[Finding]:
        share = self.measure(doc)
        if share is not None and share > self.option_values["max-share"]:
            yield self.finding(
                0,
                0,
                f"{share:.0%} of the text is in lines without terminal punctuation "
                f"(maximum {self.option_values['max-share']:.0%})",
            )

    def measure(self, doc: Document) -> float | None:
        lines = doc.paragraph_texts  # sliced once for every rule that reads paragraphs
        if len(lines) < self.option_values["min-lines"]:
            return None
        total = sum(map(len, lines))
        open_chars = sum(len(line) for line in lines if not ends_closed(line))
        return open_chars / total if total else None
