"""T201 blank-lines."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import PADDING
from cnlint.patterns import regex

# Two or more line ends with only spaces between them. The pattern starts with its literal
# newline, so re scans at memchr speed (70x faster than a leading optional class); the
# spaces (and \r) before that first newline are added by blank_runs.
BLANK_RUN = regex(r"\n(?:[ \t\u3000\u00a0]*\r?\n)+")


def blank_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``(?:[ \t\u3000\u00a0]*\r?\n){2,}`` in ``text``, found newline-first."""
    for match in BLANK_RUN.finditer(text):
        start = match.start()
        if start and text[start - 1] == "\r":
            start -= 1
        while start and text[start - 1] in PADDING:
            start -= 1
        yield start, match.end()


class BlankLines(Rule):
    code = "T201"
    name = "blank-lines"
    summary = "Blank lines at the start or end of a document, or more than one in a row"
    why = (
        "Runs of blank lines are page-layout leftovers. They carry no content, inflate line "
        "counts, and break tools that take one blank line as the paragraph separator."
    )
    severity = Severity.INFO
    fix_safety = FixSafety.SAFE
    fix_note = "Drops leading blank lines, and shrinks a run inside the text to one blank line."
    triggers = "\n"
    examples = Examples(
        clean=["第一段。\n\n第二段。\n", "第一段。\n第二段。\n"],
        bad=[
            Bad("\n\n\n\n东方风来。\n", fixed="东方风来。\n", flagged=["\n\n\n\n"]),
            Bad("第一段。\n\n\n\n第二段。\n", fixed="第一段。\n\n第二段。\n", flagged=["\n\n\n"]),
            Bad("第一段。\n\n\n", fixed="第一段。\n", flagged=["\n\n"]),
            Bad(
                "第一段。\r\n\r\n\r\n\r\n第二段。\r\n",
                fixed="第一段。\r\n\r\n第二段。\r\n",
                flagged=["\r\n\r\n\r\n"],
                note="a CRLF file keeps CRLF",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for start, end in blank_runs(text):
            if start == 0:
                yield self._finding(0, end, "Blank lines at the start of the document", "")
                continue
            # The run starts with the newline that ends the previous line; keep that one.
            first_newline = text.index("\n", start) + 1
            if end == len(text):
                if end > first_newline:
                    yield self._finding(
                        first_newline, end, "Blank lines at the end of the document", ""
                    )
                continue
            blank_lines = text.count("\n", start, end) - 1
            if blank_lines >= 2:
                # One blank line stays, written with the file's own line ending.
                newline = "\r\n" if "\r\n" in text[first_newline:end] else "\n"
                yield self._finding(
                    first_newline, end, f"{blank_lines} blank lines in a row", newline
                )

    def _finding(self, start: int, end: int, message: str, replacement: str) -> Finding:
        return self.finding(start, end, message, replacement=replacement, title="Remove")
