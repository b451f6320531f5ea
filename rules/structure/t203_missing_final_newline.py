"""T203 missing-final-newline."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.patterns import regex


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
    fix_note = (
        "Appends one line break of the file's own kind: CRLF when its lines end in CRLF, CR in "
        "a CR-only file, LF otherwise."
    )
    examples = Examples(
        clean=["最后一行。\n", "", "第一行。\r最后一行。\r"],
        bad=[
            Bad("最后一行。", fixed="最后一行。\n", flagged=[""]),
            Bad("第一行。\r\n最后一行。", fixed="第一行。\r\n最后一行。\r\n", flagged=[""]),
            Bad(
                "第一行。\r最后一行。",
                fixed="第一行。\r最后一行。\r",
                flagged=[""],
                note="a CR-only file gets a CR, not an LF",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # A CR-only file (classic Mac OS) ends its lines, the last one too, with a CR.
        if doc.record is None and text and not text.endswith(("\n", "\r")):
            end = len(text)
            yield self.finding(
                end,
                end,
                "No newline at end of file",
                replacement=line_ending(text),
                title="Add a newline",
            )


def line_ending(text: str) -> str:
    """The file's own line ending, from its first line break: LF, CRLF or a lone CR."""
    match = LINE_BREAK.search(text)
    return match[0] if match else "\n"


LINE_BREAK = regex("\r\n|\r|\n")
