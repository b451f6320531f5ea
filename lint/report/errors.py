"""Files that could not be checked: one stderr line each, and a summary of why.

Every output format sends these lines to stderr, never into the findings on stdout, so a
pipe of findings stays parseable and a person always sees the errors. The formats that have
a place for them also carry them (SARIF ``toolExecutionNotifications``, a JUnit ``<error>``
case, a GitHub ``::error`` annotation, ``errors`` in ``--statistics --format json``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from cnlint.engine.run import FileResult

# The start of a reason (as sources.py, jsonl.py, compression.py and run.py word it) and the
# short name the summary counts it under. First match wins.
KINDS = (
    ("binary file", "binary"),
    ("cannot decode", "undecodable"),
    ("cannot read", "unreadable"),
    ("document is", "too large"),
    ("corrupt ", "corrupt compressed data"),
    ("expands to more than", "too large"),
    ("cannot write fix", "fix not written"),
    ("line ", "with unreadable JSONL records"),
)


def error_kind(reason: str) -> str:
    """The short name of why a file could not be checked, for the summary."""
    # A rule that failed on one document, or fixes that never settle (run.py words them so,
    # after a record's ``line N:`` where there is one): the text was fine, cnlint was not.
    if "internal error in " in reason or "records could not be checked" in reason:
        return "with an internal rule error"
    if "fixes of " in reason and " not fixed" in reason:
        return "with fixes that do not settle"
    if "records unreadable" in reason:
        return "with unreadable JSONL records"
    for start, kind in KINDS:
        if reason.startswith(start):
            return kind
    return "other error"


def error_line(result: FileResult) -> str:
    return f"{result.path}: error: {result.error}"


def print_errors(results: Iterable[FileResult], stream: TextIO) -> None:
    for result in results:
        if result.error:
            print(error_line(result), file=stream)


def error_kinds(errors: Iterable[FileResult]) -> str:
    """Why files could not be checked, most common first: ``2 binary, 1 undecodable``."""
    kinds = Counter(error_kind(result.error or "") for result in errors)
    ranked = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{count} {kind}" for kind, count in ranked)


def errors_summary(errors: list[FileResult]) -> str:
    """``2 files could not be checked: 1 binary, 1 undecodable.``, or "" without errors."""
    if not errors:
        return ""
    noun = "file" if len(errors) == 1 else "files"
    return f"{len(errors)} {noun} could not be checked: {error_kinds(errors)}."
