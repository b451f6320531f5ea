"""UTF-16 debris: UTF-16 text read one byte a character (a UTF-8 or Latin-1 reader's view).

Its ASCII shows as a letter and a NUL in turn (i\\x00P\\x00h\\x00…) and its Chinese as pairs of
Latin-1 characters and C1 controls (微 → ®_). Encoded back as Latin-1 and decoded as UTF-16
the run gives the text again, so it belongs to the encoding rules: a fix that deletes its NULs
or controls makes it undecodable.
"""

from __future__ import annotations

from cnlint import Document
from cnlint.patterns import regex

# A run of characters that each stand for one byte, holding a NUL or a C1 control (the
# characters UTF-16 bytes make and text does not have), on one line.
BYTE_RUN = regex("[\x00-\x09\x0b\x0c\x0e-\xff]{4,}")
BYTE_DEBRIS = regex("[\x00\x80-\x9f]")
# Of the decoded characters, this share must be Chinese or printable ASCII: random bytes give
# code points all over the planes.
READABLE_SHARE = 0.8


def utf16_debris(doc: Document) -> list[tuple[int, int]]:
    """Sorted spans of the document that are UTF-16 text read one byte a character."""
    text = doc.text
    if "\x00" not in text and not BYTE_DEBRIS.search(text):
        return []
    return [m.span() for m in BYTE_RUN.finditer(text) if decodes_as_utf16(m[0])]


def decodes_as_utf16(run: str) -> bool:
    if not BYTE_DEBRIS.search(run):
        return False
    data = run.encode("latin-1")
    for codec in ("utf-16-le", "utf-16-be"):
        for start in (0, 1):
            chunk = data[start : start + (len(data) - start) // 2 * 2]
            try:
                decoded = chunk.decode(codec)
            except UnicodeDecodeError:
                continue
            readable = sum(1 for char in decoded if readable_char(char))
            if decoded and readable >= READABLE_SHARE * len(decoded):
                return True
    return False


def readable_char(char: str) -> bool:
    return " " <= char <= "~" or "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
