"""Turning a file's bytes into text: UTF-8 first, then the encodings Chinese files come in.

The order matters for speed and for honesty:

1. strict UTF-8 (the common case, ~1 GB/s); a BOM stays in the text as U+FEFF so the
   ``bom`` rule can report it;
2. UTF-16 with a BOM, or without one when NUL bytes sit on one side of the code units;
3. files that mix UTF-8 lines with lines in a legacy encoding (a GBK file with one UTF-8
   line pasted in): each line is decoded in its own encoding;
4. charset-normalizer on the whole file;
5. when charset-normalizer has no answer, the Chinese legacy encodings that decode the bytes
   without loss, the one whose text has the most everyday Chinese characters winning (none
   at all means the bytes are garbage in every encoding).

Nothing is ever decoded with replacement characters: bytes that no encoding explains raise
:class:`DecodeError`, so a fix can never write lossy text back.
"""

from __future__ import annotations

# UTF-16 is recognised from the NULs of its first bytes: in UTF-16-LE text the high byte of
# every ASCII character is a NUL at an odd offset. The sample is short because a file whose
# alignment breaks later (a stray byte) is still UTF-16 and must be reported as such.
SNIFF_BYTES = 2048
# A share of NUL bytes on one parity this high (of the NULs in the sniffed part) means UTF-16.
# Not 1.0: Han characters such as 一 (U+4E00) put a NUL on the other side too.
UTF16_NUL_PARITY = 0.75
MIXED_CONFIDENCE = 0.5
CHINESE_LEGACY = ("gb18030", "big5", "big5hkscs")
# The most frequent characters of Chinese prose, in both scripts: real text decoded in the
# right encoding is full of them, the same bytes decoded in a wrong one almost never.
EVERYDAY = frozenset(
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出也得里裡後后自会會家"
    "可下而过過天去能对對小多然于於心学學么麼之都好看起发發当當没沒成只如事把还還用第样樣道想作"
    "种種开開美总總从從无無情己面最女但现現前些所同日手又行意动動方期它头頭经經长長儿兒回位分爱愛"
    "老因很给給名法间間知世什两兩次使身者被高已亲親其进進此话話常与與活正感。，、"
)


class DecodeError(Exception):
    """Bytes that no supported encoding decodes without loss."""


def decode(raw: bytes) -> tuple[str, str, float]:
    """The text, the encoding's name and the confidence of the detection (0..1)."""
    try:
        return raw.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    utf16 = utf16_codec(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16), utf16, 1.0
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{utf16} text with undecodable code units (first at byte {exc.start}); "
                "its 2-byte alignment is probably broken"
            ) from exc
    mixed = decode_mixed_lines(raw)
    if mixed is not None:
        return mixed
    # Imported only when a file is neither UTF-8 nor UTF-16: most runs never need it.
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        confidence = max(0.0, 1.0 - float(best.chaos))
        return str(best), best.encoding, round(confidence, 3)
    fallback = decode_chinese_legacy(raw)
    if fallback is not None:
        return fallback
    raise DecodeError(
        f"not UTF-8 (invalid byte 0x{raw[first_bad]:02x} at offset {first_bad}), and neither "
        f"charset-normalizer nor {', '.join(CHINESE_LEGACY)} turn it into Chinese text"
    )


def utf16_codec(raw: bytes) -> str | None:
    """``utf-16`` for a BOM, ``utf-16-le``/``-be`` when NULs sit on one side, else ``None``."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = raw[:SNIFF_BYTES]
    nuls = [i for i, byte in enumerate(sample) if byte == 0]
    if len(nuls) < 4 or len(raw) % 2:
        return None
    if any(sample[i : i + 2] == b"\0\0" for i in range(0, len(sample) - 1, 2)):
        return None  # a U+0000 code unit: binary data, not text
    odd = sum(i % 2 for i in nuls) / len(nuls)
    if odd >= UTF16_NUL_PARITY:
        return "utf-16-le"
    if odd <= 1 - UTF16_NUL_PARITY:
        return "utf-16-be"
    return None


def looks_utf16(raw: bytes) -> bool:
    return utf16_codec(raw) is not None


def decode_mixed_lines(raw: bytes) -> tuple[str, str, float] | None:
    """A file whose lines are partly UTF-8 and partly one legacy encoding, decoded per line.

    The confidence is MIXED_CONFIDENCE, so a mixed file never looks like a clean detection.
    """
    lines = raw.split(b"\n")
    utf8_lines: set[int] = set()
    legacy_lines: list[bytes] = []
    for index, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_lines.append(line)
            continue
        # Legacy bytes are valid UTF-8 only by accident, and then rarely as Han characters.
        if any("\u4e00" <= c <= "\u9fff" for c in decoded):
            utf8_lines.add(index)
        else:
            legacy_lines.append(line)
    if not utf8_lines or not legacy_lines:
        return None
    legacy = detect_legacy(b"\n".join(legacy_lines))
    if legacy is None:
        return None
    try:
        texts = [
            line.decode("utf-8" if i in utf8_lines else legacy) for i, line in enumerate(lines)
        ]
    except UnicodeDecodeError:
        return None
    # Lossless, but not one encoding: report it as an ambiguous detection.
    return "\n".join(texts), legacy, MIXED_CONFIDENCE


def detect_legacy(raw: bytes) -> str | None:
    """The Chinese legacy encoding that decodes ``raw`` losslessly into the most everyday text."""
    scored = []
    for encoding in CHINESE_LEGACY:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((everyday_share(text), encoding))
    if not scored:
        return None
    share, encoding = max(scored)
    return encoding if share > 0 else None


def decode_chinese_legacy(raw: bytes) -> tuple[str, str, float] | None:
    encoding = detect_legacy(raw)
    if encoding is None:
        return None
    text = raw.decode(encoding)
    return text, encoding, round(min(1.0, everyday_share(text) * 2), 3)


def everyday_share(text: str) -> float:
    """The share of non-ASCII characters that are everyday Chinese characters or marks."""
    non_ascii = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not non_ascii:
        return 0.0
    return sum(c in EVERYDAY for c in non_ascii) / len(non_ascii)
