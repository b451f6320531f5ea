"""``cnlint fix SRC... --out DIR``: fixed copies in another folder, the sources untouched.

Each file lands at the same path relative to the source argument it was found under (a file
named directly lands at its own name). Documents are dropped only when asked: with
``drop_at``, a document (a JSONL record, or a whole ``.txt`` file) that still has a finding at
or above that severity after fixing is left out of the copy, and counted; with ``rejected``
too, it is written there with the findings that dropped it (see ``rejected.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.run import FileResult, read_and_process
from cnlint.finding import Severity
from cnlint.inputs.discovery import discover
from cnlint.inputs.writer import write_atomic
from cnlint.report.rejected import RejectedLog
from cnlint.report.summary import plural


class CopyError(Exception):
    """A usage problem with the output folder, worded for the user."""


@dataclass
class CopySummary:
    results: list[FileResult] = field(default_factory=list)
    written: int = 0
    changed: int = 0
    dropped_records: int = 0
    dropped_files: int = 0

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    @property
    def fixed_count(self) -> int:
        """Fixes in the copies written: a copy that could not be written fixed nothing."""
        return sum(r.fixed_count for r in self.results if not r.error)


def plan(sources: list[Path], out: Path, config: Config) -> tuple[list[tuple[Path, Path]], list]:
    """(source file, target file) pairs and the folders that could not be read."""
    out_resolved = out.resolve()
    if out_resolved.exists() and not out_resolved.is_dir():
        raise CopyError(f"--out {out} is a file; give a folder for the copies")
    pairs: list[tuple[Path, Path]] = []
    problems: list[tuple[str, str]] = []
    targets: dict[Path, Path] = {}
    for root in sources:
        refuse_overlap(root, out)
        found = discover([root], config)
        problems += found.problems
        for path in found.files:
            if out_resolved in path.resolve().parents:  # a symlink in the source points there
                raise CopyError(f"{path} lies inside --out {out}; a copy could overwrite it")
            target = out / (path.relative_to(root) if root.is_dir() else path.name)
            if target in targets:
                raise CopyError(f"{path} and {targets[target]} would both be written to {target}")
            targets[target] = path
            pairs.append((path, target))
    return pairs, problems


def refuse_overlap(root: Path, out: Path) -> None:
    """--out must lie outside every source, and hold none: a copy would overwrite a source, or
    the next run would read the copies as sources."""
    source, target = root.resolve(), out.resolve()
    if source == target:
        raise CopyError(f"--out {out} is a source folder; the copies would overwrite it")
    if source in target.parents:
        raise CopyError(
            f"--out {out} is inside the source folder {root}; choose a folder outside it"
        )
    if target in source.parents:
        raise CopyError(f"--out {out} contains the source {root}; the copies would overwrite it")


def fix_copies(
    sources: list[Path],
    out: Path,
    linter: Linter,
    *,
    unsafe: bool = False,
    drop_at: Severity | None = None,
    rejected: RejectedLog | None = None,
) -> CopySummary:
    pairs, problems = plan(sources, out, linter.config)
    summary = CopySummary()
    for path, target in pairs:
        source, result = read_and_process(path, linter, fix=True, unsafe=unsafe)
        summary.results.append(result)
        if source is None or source.problems:
            continue  # a partly unreadable file gets no copy
        texts: list[str | None] = [d.doc.text for d in result.documents]
        if drop_at is not None:
            texts = [
                None if any(f.severity.rank >= drop_at.rank for f in d.findings) else text
                for d, text in zip(result.documents, texts, strict=True)
            ]
        dropped = texts.count(None)
        if rejected is not None and dropped:
            for document, text in zip(result.documents, texts, strict=True):
                if text is None:
                    rejected.add(document.doc, document.findings)
        if source.documents and dropped and source.documents[0].record is None:
            summary.dropped_files += 1
            continue
        summary.dropped_records += dropped
        encoding = result.documents[-1].doc.encoding if result.documents else "utf-8"
        data = source.raw if not (result.changed or dropped) else source.render(texts, encoding)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        except OSError as exc:
            result.error = f"cannot write {target}: {exc.strerror or exc}"
            continue
        summary.written += 1
        summary.changed += data != source.raw
    summary.results += [FileResult(path, error=reason) for path, reason in problems]
    return summary


def summary_line(
    summary: CopySummary, out: Path, drop_at: Severity | None, rejected: Path | None = None
) -> str:
    parts = [
        f"Wrote {plural(summary.written, 'file')} to {out} ({summary.changed} changed, "
        f"{plural(summary.fixed_count, 'finding')} fixed)."
    ]
    if drop_at is not None:
        parts.append(
            f"Dropped {plural(summary.dropped_records, 'JSONL record')} and "
            f"{plural(summary.dropped_files, 'text file')} "
            f"with findings at or above {drop_at.value}."
        )
    if rejected is not None:
        parts.append(f"Dropped documents and their findings: {rejected}.")
    if summary.errors:
        parts.append(f"{plural(len(summary.errors), 'file')} could not be read or written.")
    return " ".join(parts)
