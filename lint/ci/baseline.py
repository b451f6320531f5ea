"""Baselines: accept the findings a corpus already has, fail only on new ones.

A finding is known by its *identity*: the rule code, the record id (JSONL) and the offending text
with whitespace collapsed. Nothing about its place or surroundings is part of it, so inserting,
appending or removing text next to a known finding, editing the sentence beside it or moving
its paragraph leaves it known.

The same identity can occur many times in one file (a doubled comma in similar sentences). The
baseline stores, for each occurrence, a hash of the few characters around it on its line: its
*context*. A check accepts at most as many occurrences as the baseline knows; when there are
more, the context alone tells which ones are new (an occurrence whose context the baseline
knows is the known one; the others are new, in text order, once the known count is used up).

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

from cnlint.document import Document
from cnlint.engine.run import Report
from cnlint.finding import Finding

FORMAT_VERSION = 2
# Characters of context on each side of the span (within its line) that tell occurrences apart.
CONTEXT_CHARS = 12
WHITESPACE_RUN = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; worded for the user."""


def normalize(text: str) -> str:
    """Collapse whitespace runs so a re-wrapped or re-indented defect keeps its identity.

    Deliberately no NFKC: it turns ，；：（） into ASCII and would merge a defect with its fix.
    """
    return WHITESPACE_RUN.sub(" ", text)


def hashable(text: str) -> bytes:
    """The text's UTF-8 bytes to hash. A JSON escape can leave a lone surrogate (\\ud800) in a
    record, which strict UTF-8 refuses; ``surrogatepass`` hashes it and leaves every other
    text's bytes, and so every existing fingerprint, unchanged."""
    return text.encode("utf-8", "surrogatepass")


def fingerprint(doc: Document, finding: Finding) -> str:
    """Identity and context in one hash, for report formats that want one key per finding
    (SARIF ``partialFingerprints``, GitLab); the baseline keeps the two apart."""
    record = doc.record.id if doc.record is not None and doc.record.id else ""
    offending = normalize(doc.text[finding.start : finding.end])
    key = "\x1f".join((finding.code, record, offending, context(doc, finding)))
    return hashlib.sha256(hashable(key)).hexdigest()[:24]


def identity(doc: Document, finding: Finding) -> str:
    """What makes a finding the same finding anywhere in its file: rule, record, text."""
    record = doc.record.id if doc.record is not None and doc.record.id else ""
    key = "\x1f".join((finding.code, record, offending_text(doc, finding)))
    return hashlib.sha256(hashable(key)).hexdigest()[:24]


def offending_text(doc: Document, finding: Finding) -> str:
    """The finding's text, whitespace collapsed and trimmed: a line a rule drops takes its
    newline along only when one follows (it had none while it was the file's last line)."""
    return normalize(doc.text[finding.start : finding.end]).strip()


def context(doc: Document, finding: Finding) -> str:
    """A hash of the characters around a finding on its line: tells occurrences apart."""
    line = doc.lines[doc.line_index(finding.start)]
    end = min(max(finding.end, finding.start), line.end)
    before = doc.text[max(line.start, finding.start - CONTEXT_CHARS) : finding.start]
    after = doc.text[end : min(line.end, end + CONTEXT_CHARS)]
    return hashlib.sha256(hashable(normalize(f"{before}\x00{after}"))).hexdigest()[:16]


@dataclass
class Entry:
    """One identity in one file, with the context of each of its occurrences."""

    identity: str
    code: str
    text: str
    contexts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.contexts)


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
        mark = identity(doc, finding)
        if mark not in entries:
            entries[mark] = Entry(mark, finding.code, offending_text(doc, finding))
        entries[mark].contexts.append(context(doc, finding))

    def to_json(self) -> str:
        """JSON with one entry per line, sorted, so baseline updates diff well in review."""
        blocks = []
        for path, entries in sorted(self.files.items()):
            if not entries:
                continue
            rows = [
                json.dumps(
                    {
                        "identity": e.identity,
                        "code": e.code,
                        "text": e.text,
                        "count": e.count,
                        "contexts": sorted(e.contexts),
                    },
                    ensure_ascii=False,
                )
                for e in sorted(entries.values(), key=lambda e: (e.code, e.identity))
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
    if isinstance(data, dict) and data.get("tool") == "cnlint" and data.get("version") == 1:
        raise BaselineError(
            f"baseline {path} is version 1, whose fingerprints an edit next to a finding "
            "changed; write it again with --update-baseline"
        )
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"baseline {path}: not a cnlint baseline (version {FORMAT_VERSION})")
    baseline = Baseline(path.resolve().parent)
    try:
        for file_path, entries in data["files"].items():
            baseline.files[file_path] = {
                e["identity"]: Entry(e["identity"], e["code"], e["text"], list(e["contexts"]))
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
    """Drop the report's findings that the baseline knows, up to each identity's count."""
    outcome = Outcome()
    for result in report.files:
        known = baseline.files.get(baseline.key(result.path), {})
        occurrences: dict[str, list[tuple[Finding, str]]] = {}
        for document in result.documents:
            for finding in document.findings:
                mark = identity(document.doc, finding)
                occurrences.setdefault(mark, []).append((finding, context(document.doc, finding)))
        accepted: set[int] = set()
        spare = 0
        for mark, entry in known.items():
            matched, left = _match(occurrences.get(mark, []), entry.contexts)
            accepted.update(map(id, matched))
            spare += left
        outcome.suppressed += len(accepted)
        for document in result.documents:
            document.findings = [f for f in document.findings if id(f) not in accepted]
        if not result.error:
            outcome.gone += spare
    return outcome


def _match(found: list[tuple[Finding, str]], known: list[str]) -> tuple[list[Finding], int]:
    """The occurrences the baseline accepts, and how many known ones were not found.

    Occurrences whose context is known come first; then the others in text order while known
    occurrences are left (their context changed: an edit next to them)."""
    contexts = Counter(known)
    matched, unmatched = [], []
    for finding, where in found:
        if contexts[where] > 0:
            contexts[where] -= 1
            matched.append(finding)
        else:
            unmatched.append(finding)
    left = sum(contexts.values())
    taken = unmatched[:left]
    return matched + taken, left - len(taken)
