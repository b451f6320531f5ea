"""Compressed sources: gzip (standard library) and zstd (``zstandard``), by file name.

A fixed file is written back in the compression it was read in. Decompression is bounded so
that a small archive cannot expand into more memory than ``limit`` bytes.
"""

from __future__ import annotations

import gzip
import io
import zlib

import zstandard

SUFFIXES = {".gz": "gzip", ".zst": "zstd"}
CHUNK = 1 << 20


class CompressionError(Exception):
    """The compressed stream is corrupt, truncated, or expands past the size limit."""


def compression_of(name: str) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None`` for a file name (``x.jsonl.gz`` -> ``"gzip"``)."""
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def inner_name(name: str) -> str:
    """The name without its compression suffix (``x.jsonl.gz`` -> ``x.jsonl``)."""
    kind = compression_of(name)
    return name[: name.rfind(".")] if kind else name


def decompress(raw: bytes, kind: str | None, limit: int, max_line: int | None = None) -> bytes:
    """The decompressed bytes; :class:`CompressionError` past ``limit`` bytes in all, or
    (JSON Lines) when a line grows past ``max_line`` bytes: a bomb is stopped there."""
    if kind is None:
        return raw
    if kind == "gzip":
        stream = gzip.GzipFile(fileobj=io.BytesIO(raw))
        errors: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)
    else:
        stream = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        errors = (zstandard.ZstdError,)
    parts: list[bytes] = []
    size = 0
    line_start = 0  # offset where the current line began
    lines = 0
    try:
        with stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise CompressionError(f"expands to more than {limit:,} bytes (the size limit)")
                if max_line is not None:
                    newlines = chunk.count(b"\n")
                    if newlines:
                        lines += newlines
                        line_start = size - len(chunk) + chunk.rindex(b"\n") + 1
                    if size - line_start > max_line + 1:  # its \r may come too
                        raise CompressionError(long_line(lines + 1, max_line))
                parts.append(chunk)
    except errors as exc:
        raise CompressionError(f"corrupt {kind} data ({exc})") from exc
    return b"".join(parts)


def long_line(number: int, max_line: int) -> str:
    return (
        f"line {number}: record over max-document-size ({max_line / 1e6:.1f} MB) "
        "in compressed input; the rest is not read"
    )


def compress(data: bytes, kind: str | None, original: bytes) -> bytes:
    """Compress ``data`` like ``original`` was (gzip keeps the original header's mtime)."""
    if kind is None:
        return data
    if kind == "gzip":
        mtime = int.from_bytes(original[4:8], "little") if len(original) >= 8 else 0
        return gzip.compress(data, mtime=mtime)
    return zstandard.ZstdCompressor().compress(data)
