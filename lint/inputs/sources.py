"""Reading sources into documents, and rendering fixed documents back into the source's bytes.

A source is a file on disk (or stdin) in one of these formats, chosen by its name:

- ``.txt``: one document per file, any encoding (UTF-8 first, else detected);
- ``.jsonl`` / ``.json``: JSON Lines, one document per record (see :mod:`cnlint.inputs.jsonl`);
- either of them compressed: ``.gz`` or ``.zst``; a fix is written back compressed.

Reading and rendering are pure functions of the bytes and :class:`SourceOptions`, so callers
can run them in any process.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cnlint.document import Document
from cnlint.inputs import decoding, jsonl
from cnlint.inputs.binary import binary_kind
from cnlint.inputs.compression import (
    CompressionError,
    compress,
    compression_of,
    decompress,
    inner_name,
)

JSONL_SUFFIXES = (".jsonl", ".json")
# A compressed JSONL file read whole (stdin, `fix --out`, the corpus pass) is held in memory:
# this bounds it, and no line may pass max-document-size. `check` streams it instead.
MAX_DECOMPRESSED_BYTES = 4 << 30


class SourceError(Exception):
    """A file that cannot be linted; the message is one line, worded for the user."""


@dataclass(frozen=True)
class SourceOptions:
    """How to read sources: the JSONL fields and the largest document cnlint will lint."""

    text_field: str = "text"
    id_field: str = "id"
    max_document_size: int = 16_000_000
    suppression_field: str = "cnlint"

    @classmethod
    def from_config(cls, config) -> SourceOptions:
        return cls(
            config.text_field,
            config.id_field,
            config.max_document_size,
            suppression_field=config.suppression_field,
        )


class Layout(Protocol):
    """How a format turns its documents' (possibly fixed) texts back into bytes."""

    def encode(self, texts: list[str | None], encoding: str) -> bytes: ...


class PlainText:
    """A ``.txt`` file is its one document's text, in the document's encoding."""

    def encode(self, texts: list[str | None], encoding: str) -> bytes:
        (text,) = texts
        if text is None:
            raise ValueError("a text file cannot drop its only document; skip the file instead")
        return text.encode(encoding)


@dataclass
class SourceFile:
    """A source and the documents read from it.

    ``raw`` is the bytes as stored (compressed if the file is); ``problems`` names the parts
    (JSONL records) that could not be read: the rest is still linted, but never written.
    """

    path: Path | None
    display: str
    raw: bytes
    documents: list[Document]
    layout: Layout = field(default_factory=PlainText)
    compression: str | None = None
    problems: list[str] = field(default_factory=list)

    def render(self, texts: list[str | None], encoding: str) -> bytes:
        """The file's new bytes after its documents' texts were replaced by ``texts``.

        A ``None`` text drops that document (a JSONL record's line)."""
        return compress(self.layout.encode(texts, encoding), self.compression, self.raw)

    def payload_text(self, texts: list[str], encoding: str) -> str:
        """The uncompressed file as text, for diffs."""
        return self.layout.encode(texts, encoding).decode(encoding, errors="replace")


def decode(raw: bytes) -> tuple[str, str, float]:
    """Decode bytes (see :mod:`cnlint.inputs.decoding`): text, encoding, confidence (0..1)."""
    try:
        return decoding.decode(raw)
    except decoding.DecodeError as exc:
        raise SourceError(f"cannot decode: {exc}") from exc


def is_jsonl(name: str) -> bool:
    return inner_name(name).endswith(JSONL_SUFFIXES)


def read_source(
    path: Path, options: SourceOptions | None = None, display: str | None = None
) -> SourceFile:
    """Read and parse one file; raises :class:`SourceError` with a one-line reason."""
    options = options or SourceOptions()
    display = display or str(path)
    if compression_of(path.name) is None and not is_jsonl(path.name):
        _check_size(path, options)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(read_error(path, exc)) from exc
    return parse_source(raw, path.name, options, display, path)


def parse_source(
    raw: bytes,
    name: str,
    options: SourceOptions | None = None,
    display: str | None = None,
    path: Path | None = None,
) -> SourceFile:
    """Parse bytes stored under file name ``name`` (which picks format and compression)."""
    options = options or SourceOptions()
    display = display or name
    kind = compression_of(name)
    jsonl_format = is_jsonl(name)
    limit = MAX_DECOMPRESSED_BYTES if jsonl_format else options.max_document_size
    max_line = options.max_document_size if jsonl_format else None
    try:
        payload = decompress(raw, kind, limit, max_line)
    except CompressionError as exc:
        raise SourceError(str(exc)) from exc
    if jsonl_format:
        documents, layout, problems = jsonl.parse(payload, display, options)
        return SourceFile(path, display, raw, documents, layout, kind, problems)
    doc = parse_text(payload, display, options)
    return SourceFile(path, display, raw, [doc], PlainText(), kind)


def parse_text(payload: bytes, display: str, options: SourceOptions) -> Document:
    if len(payload) > options.max_document_size:
        raise SourceError(_too_large(len(payload), options))
    kind = binary_kind(payload)
    if kind is not None:
        raise SourceError(f"binary file ({kind}), skipped")
    text, encoding, confidence = decode(payload)
    return Document(text, path=display, encoding=encoding, encoding_confidence=confidence)


def read_text_file(path: Path, display: str | None = None) -> SourceFile:
    """A ``.txt`` file with default options (kept for scripts that read one seed)."""
    return read_source(path, SourceOptions(), display)


def _check_size(path: Path, options: SourceOptions) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(read_error(path, exc)) from exc
    if size > options.max_document_size:
        raise SourceError(_too_large(size, options))


def _too_large(size: int, options: SourceOptions) -> str:
    return (
        f"document is {size / 1e6:.1f} MB, over max-document-size "
        f"({options.max_document_size / 1e6:.1f} MB); skipped"
    )


def read_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: symlink loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"cannot read: broken symlink (target {os.readlink(path)!r} does not exist)"
    if exc.errno == errno.EISDIR:
        return "cannot read: is a folder"
    return f"cannot read: {exc.strerror or exc}"
