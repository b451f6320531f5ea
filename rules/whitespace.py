"""Whitespace hygiene (T2xx): blank-line runs, trailing spaces, the final newline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity

# Whitespace that ends a line; U+3000 is trailing too, though it is fine as indentation.
TRAILING = re.compile("[ \t\u3000\u00a0]+(?=\r?\n|$)")
# Two or more line ends with only spaces between them. The pattern starts with its literal
# newline, so re scans at memchr speed (70x faster than a leading optional class); the
# spaces (and \r) before that first newline are added by blank_runs.
BLANK_RUN = re.compile(r"\n(?:[ \t\u3000\u00a0]*\r?\n)+")
LINE_SPACE = " \t\u3000\u00a0"
# A line end right after whitespace. Found newline-first, like BLANK_RUN, and looked behind
# from there: 6x faster than trying TRAILING at every space of a text that has many.
SPACE_BEFORE_NEWLINE = re.compile("\n(?<=[ \t\u3000\u00a0]\n)|\n(?<=[ \t\u3000\u00a0]\r\n)")


def blank_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``(?:[ \t\u3000\u00a0]*\r?\n){2,}`` in ``text``, found newline-first."""
    for match in BLANK_RUN.finditer(text):
        start = match.start()
        if start and text[start - 1] == "\r":
            start -= 1
        while start and text[start - 1] in LINE_SPACE:
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


class TrailingWhitespace(Rule):
    code = "T202"
    name = "trailing-whitespace"
    summary = "Spaces, tabs or U+3000 at the end of a line"
    why = (
        "Invisible trailing space makes identical paragraphs differ byte for byte, which "
        "defeats exact deduplication, and it is never content."
    )
    severity = Severity.INFO
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the trailing whitespace."
    triggers = (" ", "\t", "\u3000", "\u00a0")
    examples = Examples(
        clean=["　　段首的全角空格是缩进。\n", "没有多余空格。"],
        bad=[
            Bad("现场体验实弹射击。  \n下一段", fixed="现场体验实弹射击。\n下一段", flagged=["  "]),
            Bad("标题\u3000\n", fixed="标题\n", flagged=["\u3000"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # No prefilter: trailing space at the very end of the text needs an anchor, which the
        # gate's patterns may not use. Asking the two places where it can be is as cheap.
        text = doc.text
        if text[-1:] not in LINE_SPACE and not SPACE_BEFORE_NEWLINE.search(text):
            return
        for match in TRAILING.finditer(text):
            yield self.finding(
                match.start(),
                match.end(),
                "Trailing whitespace",
                replacement="",
                title="Remove trailing whitespace",
            )


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
