"""Telling binary files from text files that happen to hold a NUL byte.

A scraped text file can carry a stray U+0000 (a C string terminator copied along); the
``invisible-char`` rule exists to report it, so one NUL must not get a text file skipped.
A file is binary only on evidence, all taken from its first ``SNIFF_BYTES``:

- it starts with the magic number of a known binary format (image, archive, executable …);
- it holds NUL bytes and is not UTF-8 there (and not UTF-16, whose ASCII has NUL halves);
- it is UTF-8, but more than ``MAX_NUL_SHARE`` of those bytes are NULs: padding, not text.
"""

from __future__ import annotations

from cnlint.inputs import decoding

SNIFF_BYTES = 8192
MAX_NUL_SHARE = 0.01
UTF8_LONGEST_CHARACTER = 4

# (prefix, what it is), checked at offset 0; prefixes long enough that no text starts so.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\x00asm", "WebAssembly module"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS\x00", "Ogg media"),
)


def binary_kind(payload: bytes) -> str | None:
    """Why ``payload`` is binary (``"PNG image"``, ``"contains NUL bytes"``), or None for text."""
    for magic, kind in MAGIC_NUMBERS:
        if payload.startswith(magic):
            return kind
    sample = payload[:SNIFF_BYTES]
    nuls = sample.count(0)
    if not nuls or decoding.looks_utf16(payload):
        return None
    if nuls > MAX_NUL_SHARE * len(sample) or not _utf8_prefix(sample, len(payload)):
        return "contains NUL bytes"
    return None


def _utf8_prefix(sample: bytes, total: int) -> bool:
    """Whether ``sample`` is UTF-8, allowing a character cut at its end when the file goes on."""
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        cut = total > len(sample) and exc.start >= len(sample) - UTF8_LONGEST_CHARACTER
        return cut and exc.reason == "unexpected end of data"
