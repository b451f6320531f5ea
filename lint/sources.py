"""Reading files into documents and writing fixed documents back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .document import Document

BINARY_SNIFF_BYTES = 8192


class SourceError(Exception):
    """A file that cannot be linted; the message is one line, worded for the user."""


@dataclass
class SourceFile:
    """A file on disk and the documents read from it."""

    path: Path
    display: str
    raw: bytes
    documents: list[Document]

    def render(self, texts: list[str], encoding: str) -> bytes:
        """The file's new bytes after its documents' texts were replaced."""
        (text,) = texts
        return text.encode(encoding)


def decode(raw: bytes) -> tuple[str, str, float]:
    """Decode bytes: strict UTF-8 first (the fast common case), else charset-normalizer.

    Returns the text, the encoding name and the detection's confidence (0..1).
    """
    try:
        return raw.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError("cannot decode: not UTF-8 and no other encoding fits")
    confidence = max(0.0, 1.0 - float(best.chaos))
    return str(best), best.encoding, round(confidence, 3)


def read_text_file(path: Path, display: str | None = None) -> SourceFile:
    display = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in raw[:BINARY_SNIFF_BYTES] and not _looks_utf16(raw):
        raise SourceError("binary file (contains NUL bytes), skipped")
    text, encoding, confidence = decode(raw)
    doc = Document(text, path=display, encoding=encoding, encoding_confidence=confidence)
    return SourceFile(path, display, raw, [doc])


def _looks_utf16(raw: bytes) -> bool:
    return raw[:2] in (b"\xff\xfe", b"\xfe\xff")
