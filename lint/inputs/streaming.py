"""JSONL files read as a stream of blocks, so memory follows one block, not the file.

A block is whole lines, about ``BLOCK_BYTES`` of them, parsed into a :class:`SourceFile`
that knows the line it starts at. Compressed files are decompressed as they are read; no
line is ever held longer than ``max-document-size``. In a compressed file a longer line
ends the read with an error (a decompression bomb expands to one endless line), in a plain
file it is skipped as one unreadable record, as the whole-file reader does.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import zstandard

from cnlint.inputs import jsonl
from cnlint.inputs.compression import compression_of, long_line
from cnlint.inputs.sources import SourceError, SourceFile, SourceOptions

BLOCK_BYTES = 1 << 20
SKIP_CHUNK = 1 << 20
READ_ERRORS = (OSError, EOFError, zlib.error, zstandard.ZstdError)


def open_payload(path: Path) -> BinaryIO:
    """The file's uncompressed bytes as a buffered stream."""
    kind = compression_of(path.name)
    handle = path.open("rb")
    if kind == "gzip":
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    if kind == "zstd":
        reader = zstandard.ZstdDecompressor().stream_reader(handle, read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return handle


def blocks(path: Path, options: SourceOptions, display: str) -> Iterator[SourceFile]:
    """The file's records, block by block; raises :class:`SourceError` where reading fails."""
    compressed = compression_of(path.name) is not None
    try:
        with open_payload(path) as stream:
            yield from _blocks(stream, options, display, compressed)
    except READ_ERRORS as exc:
        if isinstance(exc, OSError) and not compressed:
            raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
        kind = compression_of(path.name)
        raise SourceError(f"corrupt {kind} data ({exc})") from exc


def _blocks(
    stream: BinaryIO, options: SourceOptions, display: str, compressed: bool
) -> Iterator[SourceFile]:
    limit = options.max_document_size
    lines: list[bytes] = []
    size, first_line, number = 0, 1, 0
    while line := stream.readline(limit + 2):  # a record, its \r\n, and one byte more
        number += 1
        if len(line) > limit + 1 and not line.endswith(b"\n"):
            if compressed:
                raise SourceError(long_line(number, limit))
            line = line[: limit + 1] + _rest_of_line(stream)
        lines.append(line)
        size += len(line)
        if size >= BLOCK_BYTES:
            block = _parse(b"".join(lines), options, display, first_line)
            yield block
            if first_line == 1 and _not_json_lines(block):
                return  # one JSON value (an array, a dump): said once, not line by line
            lines, size, first_line = [], 0, number + 1
    if lines or first_line == 1:
        yield _parse(b"".join(lines), options, display, first_line)


def _rest_of_line(stream: BinaryIO) -> bytes:
    """Skip an over-long line in chunks, keeping only its ending (it is reported, not linted)."""
    while chunk := stream.readline(SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return b"\n"
    return b""


def _not_json_lines(block: SourceFile) -> bool:
    return bool(block.problems) and jsonl.WHOLE_FILE_HINT in block.problems[0]


def _parse(payload: bytes, options: SourceOptions, display: str, first_line: int) -> SourceFile:
    documents, layout, problems = jsonl.parse(payload, display, options, first_line)
    return SourceFile(None, display, payload, documents, layout, None, problems)
