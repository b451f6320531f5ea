"""Linting and fixing files: one file in, one result out, errors kept per file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .finding import Finding, Severity
from .linter import Linter, derive
from .sources import SourceError, SourceFile, read_text_file
from .writer import StaleFileError, write_atomic


@dataclass
class DocumentResult:
    """Findings of one document; positions refer to ``doc.text`` (the fixed text after a fix)."""

    doc: Document
    findings: list[Finding]
    fixed: list[Finding] = field(default_factory=list)


@dataclass
class FileResult:
    path: str
    documents: list[DocumentResult] = field(default_factory=list)
    error: str | None = None
    old_text: str = ""
    new_text: str = ""
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text

    @property
    def findings(self) -> list[tuple[Document, Finding]]:
        return [(d.doc, f) for d in self.documents for f in d.findings]

    @property
    def fixed_count(self) -> int:
        return sum(len(d.fixed) for d in self.documents)


@dataclass
class Report:
    files: list[FileResult]
    fail_on: Severity = Severity.WARNING

    @property
    def findings(self) -> list[tuple[Document, Finding]]:
        return [pair for result in self.files for pair in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [result for result in self.files if result.error]

    @property
    def fixed_count(self) -> int:
        return sum(result.fixed_count for result in self.files)

    def failing(self) -> list[Finding]:
        return [f for _, f in self.findings if f.severity.rank >= self.fail_on.rank]

    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.failing() else 0


def process_file(
    path: Path,
    linter: Linter,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    display: str | None = None,
) -> FileResult:
    """Lint one file, or fix it; with ``write`` the fixed bytes replace the file atomically."""
    display = display or str(path)
    try:
        source = read_text_file(path, display)
    except SourceError as exc:
        return FileResult(display, error=str(exc))
    return process_source(source, linter, fix=fix, unsafe=unsafe, write=write)


def process_source(
    source: SourceFile, linter: Linter, *, fix: bool, unsafe: bool, write: bool
) -> FileResult:
    result = FileResult(source.display)
    texts: list[str] = []
    encoding = source.documents[0].encoding if source.documents else "utf-8"
    for doc in source.documents:
        if fix:
            outcome = linter.fix(doc, unsafe=unsafe)
            encoding = outcome.encoding
            final = derive(doc, outcome.text, outcome.encoding)
            result.documents.append(DocumentResult(final, outcome.remaining, outcome.fixed))
            texts.append(outcome.text)
        else:
            result.documents.append(DocumentResult(doc, linter.lint(doc)))
            texts.append(doc.text)
    result.old_text = "\n".join(d.text for d in source.documents)
    result.new_text = "\n".join(texts)
    if write and result.changed:
        try:
            write_atomic(source.path, source.render(texts, encoding), expected=source.raw)
            result.written = True
        except (OSError, StaleFileError) as exc:
            result.error = f"cannot write fix: {exc}"
    return result
