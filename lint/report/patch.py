"""Unified diffs that ``git apply`` and ``patch`` accept, built from a file's bytes.

A patch is bytes, not text: a GBK file's lines go into it in GBK, a CRLF file's lines keep their
CR, so the context matches the file byte for byte. Lines are split at LF only (a lone CR, U+2028
or a form feed is inside a line for patch tools, unlike ``str.splitlines``). A last line without
LF gets the ``\\ No newline at end of file`` marker that both tools require.
"""

from __future__ import annotations

import difflib

NO_NEWLINE = b"\\ No newline at end of file\n"
# Encodings whose bytes patch tools treat as binary (NUL bytes in every ASCII character).
BINARY_ENCODINGS = ("utf-16", "utf-32")


def split_lines(data: bytes) -> list[bytes]:
    """``data`` cut after each LF; the last piece has no LF when the data does not end with one."""
    lines = data.split(b"\n")
    last = lines.pop()
    pieces = [line + b"\n" for line in lines]
    return [*pieces, last] if last else pieces


def unified_patch(path: str, old: bytes, new: bytes, context: int = 3) -> bytes:
    """The patch that turns ``old`` into ``new`` at ``path`` (``a/PATH``, ``b/PATH``, as git)."""
    if old == new:
        return b""
    out = bytearray()
    hunks = difflib.diff_bytes(
        difflib.unified_diff,
        split_lines(old),
        split_lines(new),
        fromfile=f"a/{path}".encode(),
        tofile=f"b/{path}".encode(),
        n=context,
    )
    for line in hunks:
        out += line
        if not line.endswith(b"\n"):
            out += b"\n" + NO_NEWLINE
    return bytes(out)


def shows_as_text(encoding: str, compressed: bool) -> bool:
    """Whether a file's change can be a text patch (not compressed, not UTF-16/32)."""
    return not compressed and not encoding.lower().replace("_", "-").startswith(BINARY_ENCODINGS)
