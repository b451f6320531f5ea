"""Baselines: accept the findings a corpus already has, fail only on new ones.

A finding is matched by a *fingerprint*, not by its line: the rule code, the
offending text (whitespace collapsed) and a hash of the few characters around it
on the same line. Inserting or deleting paragraphs elsewhere shifts lines but
leaves fingerprints alone; an edit next to a finding gives it a new fingerprint.

The same fingerprint can occur many times in one file (a doubled comma in
similar sentences). The baseline stores how many times, and a check suppresses
at most that many: the next occurrence is new.

The baseline file is JSON, keyed by path relative to the baseline file's folder,
so it works from any working directory and can be committed beside the corpus.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .finding import Finding
from .run import Report

FORMAT_VERSION = 1
# Characters of context on each side of the span (within its line) that identify a finding.
CONTEXT_CHARS = 12
WHITESPACE_RUN = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; worded for the user."""


def normalize(text: str) -> str:
    """Collapse whitespace runs so a re-wrapped or re-indented defect keeps its identity.

    Deliberately no NFKC: it turns ，；：（） into ASCII and would merge a defect with its fix.
    """
    return WHITESPACE_RUN.sub(" ", text)


def fingerprint(doc: Document, finding: Finding) -> str:
    """A stable identity for a finding: rule + normalized offending text + context hash."""
    line = doc.lines[doc.line_index(finding.start)]
    end = min(max(finding.end, finding.start), line.end)
    before = doc.text[max(line.start, finding.start - CONTEXT_CHARS) : finding.start]
    after = doc.text[end : min(line.end, end + CONTEXT_CHARS)]
    context = hashlib.sha256(normalize(f"{before}\x00{after}").encode()).hexdigest()[:16]
    record = doc.record.id if doc.record is not None and doc.record.id else ""
    offending = normalize(doc.text[finding.start : finding.end])
    key = "\x1f".join((finding.code, record, offending, context))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


@dataclass
class Entry:
    """One fingerprint of one file, and how often it occurs there."""

    fingerprint: str
    code: str
    text: str
    count: int = 1


@dataclass
class Baseline:
    """Known findings per file (paths relative to ``root``)."""

    root: Path
    files: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def key(self, path: str) -> str:
        """The path as stored: relative to the baseline's folder, POSIX style."""
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()

    @property
    def total(self) -> int:
        return sum(entry.count for entry in self._entries())

    def _entries(self) -> Iterable[Entry]:
        for entries in self.files.values():
            yield from entries.values()

    def add(self, path: str, doc: Document, finding: Finding) -> None:
        entries = self.files.setdefault(self.key(path), {})
        mark = fingerprint(doc, finding)
        if mark in entries:
            entries[mark].count += 1
        else:
            offending = normalize(doc.text[finding.start : finding.end])
            entries[mark] = Entry(mark, finding.code, offending)

    def to_json(self) -> str:
        """JSON with one entry per line, sorted, so baseline updates diff well in review."""
        blocks = []
        for path, entries in sorted(self.files.items()):
            if not entries:
                continue
            rows = [
                json.dumps(
                    {
                        "fingerprint": e.fingerprint,
                        "code": e.code,
                        "text": e.text,
                        "count": e.count,
                    },
                    ensure_ascii=False,
                )
                for e in sorted(entries.values(), key=lambda e: (e.code, e.fingerprint))
            ]
            body = ",\n".join(f"    {row}" for row in rows)
            blocks.append(f"  {json.dumps(path, ensure_ascii=False)}: [\n{body}\n  ]")
        files = "{\n" + ",\n".join(blocks) + "\n }" if blocks else "{}"
        return f'{{\n "version": {FORMAT_VERSION},\n "tool": "cnlint",\n "files": {files}\n}}\n'


@dataclass
class Outcome:
    """What applying a baseline did: findings hidden, and known findings that are gone."""

    suppressed: int = 0
    gone: int = 0


def same_file(candidate: Path, baseline_path: Path) -> bool:
    return candidate.resolve() == baseline_path.resolve()


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"baseline {path}: not a cnlint baseline (version {FORMAT_VERSION})")
    baseline = Baseline(path.resolve().parent)
    try:
        for file_path, entries in data["files"].items():
            baseline.files[file_path] = {
                e["fingerprint"]: Entry(e["fingerprint"], e["code"], e["text"], int(e["count"]))
                for e in entries
            }
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BaselineError(f"baseline {path}: malformed entry ({exc!r})") from exc
    return baseline


def from_report(report: Report, path: Path) -> Baseline:
    """A baseline holding every finding of a report."""
    baseline = Baseline(path.resolve().parent)
    for result in report.files:
        baseline.files.setdefault(baseline.key(result.path), {})
        for doc, finding in result.findings:
            baseline.add(result.path, doc, finding)
    return baseline


def update(report: Report, path: Path) -> Baseline:
    """The report's findings, plus the old baseline's entries for files this run did not check.

    Checking a subset (``--changed-since``, one folder) must not forget the rest.
    """
    fresh = from_report(report, path)
    if path.exists():
        for file_path, entries in load(path).files.items():
            if file_path not in fresh.files and (fresh.root / file_path).exists():
                fresh.files[file_path] = entries
    return fresh


def write(baseline: Baseline, path: Path) -> None:
    try:
        path.write_text(baseline.to_json(), encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from exc


def apply(report: Report, baseline: Baseline) -> Outcome:
    """Drop the report's findings that the baseline knows, up to each fingerprint's count."""
    outcome = Outcome()
    for result in report.files:
        known = baseline.files.get(baseline.key(result.path), {})
        remaining = Counter({mark: entry.count for mark, entry in known.items()})
        for document in result.documents:
            kept = []
            for finding in document.findings:
                mark = fingerprint(document.doc, finding)
                if remaining[mark] > 0:
                    remaining[mark] -= 1
                    outcome.suppressed += 1
                else:
                    kept.append(finding)
            document.findings = kept
        if not result.error:
            outcome.gone += sum(remaining.values())
    return outcome
