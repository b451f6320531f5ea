"""The one-line summary after a run, the fix marks, and ``--show-fixes``: counted one way for
every format, so the terminal, ``--statistics``, JSON and HTML say the same numbers.

A finding's mark says what can fix it: ``[*]`` a safe fix (``--fix``), ``[~]`` an unsafe one
(``--fix --unsafe-fixes``), nothing when no fix exists. A JSONL file holds many documents (one
per record): the summary counts documents when they are not one per file.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import TextIO

from cnlint.engine.run import FileResult, Report
from cnlint.finding import Applicability, Finding, pickled_by_fields
from cnlint.report.errors import errors_summary

MARKS = {Applicability.SAFE: "[*]", Applicability.UNSAFE: "[~]"}


def fix_mark(finding: Finding) -> str:
    """``[*]`` (safe fix), ``[~]`` (unsafe fix) or "" (no fix)."""
    applicability = finding.fix_applicability
    return "" if applicability is None else MARKS[applicability]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@pickled_by_fields  # a worker sends one per file it renders (cnlint.report.rendered)
@dataclass
class Counts:
    """What a run found and fixed; added up file by file, so a streamed run keeps no findings."""

    files: int = 0
    files_with_findings: int = 0
    documents: int = 0
    documents_with_findings: int = 0
    findings: int = 0
    safe: int = 0
    unsafe: int = 0
    fixed: int = 0
    errors: list[FileResult] = field(default_factory=list)
    # The file the last result came from, and whether it had findings so far: the parts of a
    # large JSONL file come one after another and count as one file.
    _path: str | None = field(default=None, repr=False, compare=False)
    _path_had_findings: bool = field(default=False, repr=False, compare=False)

    @classmethod
    def of(cls, report: Report) -> Counts:
        counts = cls()
        for result in report.files:
            counts.add(result)
        return counts

    def add(self, result: FileResult) -> None:
        self.merge(Counts.of_result(result), path=result.path)

    @classmethod
    def of_result(cls, result: FileResult) -> Counts:
        """The counts of one file's result (or of one part of a large JSONL file)."""
        counts = cls()
        if result.error:
            counts.errors.append(FileResult(result.path, error=result.error))
        if result.error and not result.documents:
            return counts  # not checked at all: counted among the errors only
        counts.files = 1
        counts.documents = len(result.documents)
        counts.fixed = result.fixed_count
        found = [f for d in result.documents for f in d.findings]
        counts.files_with_findings = int(bool(found))
        counts.documents_with_findings = sum(1 for d in result.documents if d.findings)
        counts.findings = len(found)
        for finding in found:
            applicability = finding.fix_applicability
            if applicability is not None:
                if applicability is Applicability.SAFE:
                    counts.safe += 1
                else:
                    counts.unsafe += 1
        return counts

    def merge(self, other: Counts, path: str | None = None) -> None:
        """Add the counts of another result (a worker's, of the file it linted), from
        ``path``: a part of the file the previous result came from adds no file."""
        for name in NUMBERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        if path is not None and path == self._path:
            self.files -= other.files
            if self._path_had_findings:
                self.files_with_findings -= other.files_with_findings
        else:
            self._path, self._path_had_findings = path, False
        self._path_had_findings |= bool(other.files_with_findings)

    def where(self) -> str:
        """``in 3 of 5 files``, or ``in 40 of 120 documents in 2 files`` for JSONL."""
        if self.documents == self.files:
            return f"in {self.files_with_findings} of {plural(self.files, 'file')}"
        return (
            f"in {self.documents_with_findings} of {plural(self.documents, 'document')} "
            f"in {plural(self.files, 'file')}"
        )


NUMBERS = tuple(f.name for f in fields(Counts) if f.name != "errors" and f.name[0] != "_")


def _checked(counts: Counts) -> str:
    """``5 files`` or ``120 documents in 2 files``: what was read."""
    return counts.where().split(" of ", 1)[1]


def summary_line(report: Report | Counts) -> str:
    """``Found 1550 findings in 5 of 5 files (1490 fixable with --fix [*]; 36 more with
    --unsafe-fixes [~]).``; after ``--fix`` it starts with what was fixed."""
    counts = report if isinstance(report, Counts) else Counts.of(report)
    parts = []
    if counts.fixed:
        # One fix can clear several findings (a caption line dropped by an unsafe fix and the
        # half-width ',' in it), so fewer fixes than findings with a fix can leave none: say
        # what is left, not a difference.
        done = f"Fixed {plural(counts.fixed, 'finding')}"
        if counts.safe:
            left = f"{plural(counts.safe, 'finding')} with a safe fix left: it overlaps another"
            parts.append(f"{done} ({left}).")
        elif counts.findings:
            parts.append(f"{done} (no finding with a safe fix is left; one fix can clear several).")
        else:
            parts.append(f"{done}.")
    if counts.findings:
        extras = []
        if counts.safe:
            extras.append(f"{counts.safe} fixable with --fix [*]")
        if counts.unsafe:
            extras.append(f"{counts.unsafe} more with --unsafe-fixes [~]")
        text = f"Found {plural(counts.findings, 'finding')} {counts.where()}"
        parts.append(text + (f" ({'; '.join(extras)})." if extras else "."))
    elif not counts.errors:
        parts.append(f"All checks passed ({_checked(counts)}).")
    elif counts.files:  # beside files that could not be checked, "passed" would overstate
        parts.append(f"No findings in {_checked(counts)}.")
    if counts.errors:
        parts.append(errors_summary(counts.errors))
    return " ".join(parts)


def show_fixed(report: Report, stream: TextIO) -> None:
    """``--show-fixes``: per file, the lines ``--fix`` changed (numbered as the file was read)
    and the fixes by rule: ``article.txt:3,7: 5 × P103 (halfwidth-punctuation)``."""
    total = report.fixed_count
    if not total:
        print("No fixes applied.", file=stream)
        return
    print(f"Fixed {plural(total, 'finding')}:", file=stream)
    for result in report.files:
        fixed = Counter((f.code, f.name) for d in result.documents for f in d.fixed)
        if not fixed:
            continue
        rules = ", ".join(f"{n} × {code} ({name})" for (code, name), n in sorted(fixed.items()))
        print(f"  {result.path}:{_lines(changed_lines(result))}: {rules}", file=stream)


def changed_lines(result: FileResult) -> list[int]:
    """The numbers of the file's lines (as read) that the fixes changed or removed."""
    old = result.old_text.split("\n")
    new = result.new_text.split("\n")
    lines: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            lines.extend(range(first + 1, last + 1))
        elif tag == "insert":
            lines.append(min(first + 1, len(old)))  # text added after the line before
    return sorted(set(lines))


def _lines(numbers: list[int], shown: int = 10) -> str:
    listed = ",".join(map(str, numbers[:shown]))
    return listed + (f",… ({len(numbers)} lines)" if len(numbers) > shown else "")
