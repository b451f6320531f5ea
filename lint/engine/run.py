"""Linting and fixing files: one file in, one result out, errors kept per file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cnlint.document import Document
from cnlint.engine.linter import FixNotConverging, Linter, RuleError, derive
from cnlint.finding import Finding, Severity
from cnlint.inputs.compression import compression_of
from cnlint.inputs.sources import (
    SourceError,
    SourceFile,
    SourceOptions,
    parse_source,
    read_error,
    read_source,
)
from cnlint.inputs.streaming import blocks
from cnlint.inputs.writer import AtomicStream, StaleFileError, write_atomic

if TYPE_CHECKING:  # baseline reads reports: importing it here would be a cycle
    from cnlint.ci.baseline import Outcome


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
    # A fix that transcodes the file (non-utf8-source) changes its bytes, not its text.
    transcoded: bool = False

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text or self.transcoded

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
    # What a baseline suppressed, when one was applied (see ``cnlint.check.apply_baseline``).
    baseline: Outcome | None = None

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
    return read_and_process(path, linter, fix=fix, unsafe=unsafe, write=write, display=display)[1]


def read_and_process(
    path: Path,
    linter: Linter,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    display: str | None = None,
) -> tuple[SourceFile | None, FileResult]:
    """:func:`process_file`, with the source it read (``None`` when it could not be read),
    for callers that render the documents themselves (``fix --out`` drops some)."""
    display = display or str(path)
    try:
        source = read_source(path, SourceOptions.from_config(linter.config), display)
    except SourceError as exc:
        return None, FileResult(display, error=str(exc))
    return source, process_source(source, linter, fix=fix, unsafe=unsafe, write=write)


def process_source(
    source: SourceFile, linter: Linter, *, fix: bool, unsafe: bool, write: bool
) -> FileResult:
    """Lint or fix every document of a source; write only a fully read, changed file."""
    result = FileResult(source.display)
    fix = fix and not source.problems  # a partly unreadable file is never written: report it as is
    failures = list(source.problems)
    texts: list[str] = []
    encoding = source.documents[0].encoding if source.documents else "utf-8"
    for doc in source.documents:
        try:
            checked = check_document(doc, linter, fix=fix, unsafe=unsafe)
            encoding = checked.doc.encoding if fix else encoding
            result.documents.append(checked)
            texts.append(checked.doc.text)
        except (RuleError, FixNotConverging) as exc:
            # This document alone is reported, and kept as it was; the others go on.
            failures.append(document_error(doc, exc))
            result.documents.append(DocumentResult(doc, []))
            texts.append(doc.text)
    crashed = len(failures) > len(source.problems)
    result.error = problems_line(failures, "records could not be checked" if crashed else None)
    result.transcoded = bool(source.documents) and encoding != source.documents[0].encoding
    if any(new != doc.text for new, doc in zip(texts, source.documents, strict=True)):
        original = [doc.text for doc in source.documents]
        result.old_text = source.payload_text(original, source.documents[0].encoding)
        result.new_text = source.payload_text(texts, encoding)
    if write and result.changed and source.path is not None:
        try:
            write_atomic(source.path, fixed_bytes(source, result), expected=source.raw)
            result.written = True
        except (OSError, StaleFileError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            result.error = f"cannot write fix: {reason}"
            # Nothing was fixed on disk: report the findings of the text that is still there.
            result.documents = [DocumentResult(d, linter.lint(d)) for d in source.documents]
    return result


def check_document(
    doc: Document, linter: Linter, *, fix: bool = False, unsafe: bool = False
) -> DocumentResult:
    """One document linted, or fixed (``unsafe``: with the unsafe fixes too): the core every
    way in shares, files and datasets alike. Raises ``RuleError`` or ``FixNotConverging``."""
    if not fix:
        return DocumentResult(doc, linter.lint(doc))
    outcome = linter.fix(doc, unsafe=unsafe)
    final = derive(doc, outcome.text, outcome.encoding)
    return DocumentResult(final, outcome.remaining, outcome.fixed)


def fixed_bytes(source: SourceFile, result: FileResult) -> bytes:
    """The source's bytes with the result's (fixed) texts: the raw bytes if nothing changed."""
    if not result.changed:
        return source.raw
    docs = [d.doc for d in result.documents]
    return source.render([d.text for d in docs], docs[-1].encoding)


def process_stdin(
    raw: bytes,
    name: str,
    linter: Linter,
    *,
    fix: bool = False,
    unsafe: bool = False,
    display: str | None = None,
) -> tuple[FileResult, bytes]:
    """Lint or fix bytes read from stdin as if they were file ``name`` (reported as
    ``display``, by default ``name``).

    Returns the result and the bytes to pass on: the fixed bytes, or the input unchanged when
    nothing was fixed or part of it could not be read or fixed (a pipe never loses data).
    """
    display = display or name
    try:
        source = parse_source(raw, name, SourceOptions.from_config(linter.config), display)
    except SourceError as exc:
        return FileResult(display, error=str(exc)), raw
    result = process_source(source, linter, fix=fix, unsafe=unsafe, write=False)
    return result, raw if result.error else fixed_bytes(source, result)


def document_error(doc: Document, exc: Exception) -> str:
    """The problem with one document, placed like an unreadable JSONL record: ``line N: ...``."""
    return f"line {doc.record.line}: {exc}" if doc.record is not None else str(exc)


def problems_line(problems: list[str], what: str | None = None, shown: int = 3) -> str | None:
    """The unreadable (or failed) parts of a file as one line: the first few, then a count."""
    if not problems:
        return None
    if len(problems) == 1:
        return problems[0]
    more = f"; and {len(problems) - shown} more" if len(problems) > shown else ""
    label = what or "records unreadable"
    return f"{len(problems)} {label}: " + "; ".join(problems[:shown]) + more


def process_stream(
    path: Path,
    linter: Linter,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = False,
    display: str | None = None,
) -> Iterator[FileResult]:
    """A JSONL file (plain or compressed) linted or fixed block by block, one result a block.

    Memory follows one block however large the file. A fix is streamed into the temp file
    and renamed over the file at the end (see :class:`~cnlint.inputs.writer.AtomicStream`); a file
    with an unreadable record is never written, so fixing first reads it once to check.
    The last result carries the file's error or ``written``.
    """
    display = display or str(path)
    options = SourceOptions.from_config(linter.config)
    try:
        before = path.stat()
        if fix and _has_problems(path, options, display):
            fix = write = False  # reported as it is, like a whole-file read
    except OSError as exc:
        yield FileResult(display, error=read_error(path, exc))
        return
    except SourceError as exc:
        yield FileResult(display, error=str(exc))
        return
    sink, write_error = None, None
    if write:
        try:
            sink = AtomicStream(path, compression_of(path.name), before)
        except OSError as exc:  # nothing can be fixed on disk: report the text that is there
            write_error, fix = _write_error(exc), False
    changed = False
    try:
        for block in blocks(path, options, display):
            result = process_source(block, linter, fix=fix, unsafe=unsafe, write=False)
            if sink is not None:
                sink.write(fixed_bytes(block, result))
            changed = changed or result.changed
            yield result
        if sink is not None and changed:
            sink.commit()
            yield FileResult(display, written=True)
        elif write_error:
            yield FileResult(display, error=write_error)
    except SourceError as exc:
        yield FileResult(display, error=str(exc))
    except (OSError, StaleFileError) as exc:
        yield FileResult(display, error=_write_error(exc))
    finally:
        if sink is not None:
            sink.discard()


def _has_problems(path: Path, options: SourceOptions, display: str) -> bool:
    return any(block.problems for block in blocks(path, options, display))


def _write_error(exc: Exception) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return f"cannot write fix: {reason}"


def joined(path: str, parts: Iterable[FileResult]) -> FileResult:
    """One result for a file linted in parts (blocks, or byte ranges)."""
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    errors = [part.error for part in parts if part.error]
    return FileResult(
        path,
        [doc for part in parts for doc in part.documents],
        error="; ".join(errors) or None,
        old_text="".join(part.old_text for part in parts),
        new_text="".join(part.new_text for part in parts),
        written=any(part.written for part in parts),
    )
