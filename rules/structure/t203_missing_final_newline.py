"""T203 missing-final-newline."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity


class MissingFinalNewline(Rule):
    code = "T203"
    name = "missing-final-newline"
    summary = "A text file that does not end with a newline"
    why = (
        "Without a final newline, concatenating files glues the last line of one document to "
        "the first of the next, and line-based tools drop or merge the last line. Documents "
        "inside JSONL records are not files and are not checked."
    )
    severity = Severity.INFO
    fix_safety = FixSafety.SAFE
    fix_note = "Appends one newline, CRLF when the file's lines end in CRLF."
    examples = Examples(
        clean=["最后一行。\n", ""],
        bad=[
            Bad("最后一行。", fixed="最后一行。\n", flagged=[""]),
            Bad("第一行。\r\n最后一行。", fixed="第一行。\r\n最后一行。\r\n", flagged=[""]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if doc.record is None and text and not text.endswith("\n"):
            end = len(text)
            first_break = text.find("\n")
            newline = "\r\n" if first_break > 0 and text[first_break - 1] == "\r" else "\n"
            yield self.finding(
                end, end, "No newline at end of file", replacement=newline, title="Add a newline"
            )
