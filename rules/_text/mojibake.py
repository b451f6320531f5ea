"""Recognising mojibake: text whose bytes were decoded in the wrong encoding (no rules here).

Two directions matter for Chinese text:

- UTF-8 (or GBK) bytes read as Latin-1 or cp1252: 中文 becomes ``ä¸­æ–‡`` (``ÖÐÎÄ``).
  Every character is one byte, so re-encoding the run gives the original bytes back, and
  the fix is exact.
- UTF-8 bytes read as GBK: 发布 becomes 鍙戝竷, 中文 becomes 涓枃 (or 涓�鏂� when a byte was
  lost). Re-encoding to GBK and decoding as UTF-8 recovers the text when no byte was lost.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np

from cnlint import Document
from cnlint.inputs.decoding import EVERYDAY
from cnlint.patterns import regex

# UTF-8 continuation bytes (0x80-0xBF) as cp1252 or Latin-1 shows them.
_CP1252_HIGH = {}
for _byte in range(0x80, 0xA0):
    try:
        _CP1252_HIGH[bytes([_byte]).decode("cp1252")] = _byte
    except UnicodeDecodeError:
        _CP1252_HIGH[chr(_byte)] = _byte  # undefined in cp1252: Latin-1 keeps the C1 control
CP1252_HIGH = re.escape("".join(sorted(_CP1252_HIGH)))
# Two or more characters that Latin-1 or cp1252 shows for bytes 0x80-0xFF.
LATIN_MOJIBAKE = regex(f"[\u00a0-\u00ff{CP1252_HIGH}]{{2,}}")


def _gbk_reading_of_first_bytes(char: str) -> str:
    try:
        return char.encode("utf-8")[:2].decode("gbk")
    except UnicodeDecodeError:
        return ""


# Characters that UTF-8 Chinese read as GBK produces all the time: the GBK readings of the
# first two UTF-8 bytes of everyday characters and marks (的 → 鐨, 是 → 鏄, 。 → 銆, ， → 锛).
# A document without any of them skips the GBK check.
GBK_SIGNATURE = frozenset("".join(_gbk_reading_of_first_bytes(c) for c in EVERYDAY)) - EVERYDAY
# Whether a whole text holds one: a search, since a set's isdisjoint() makes a string object of
# every character it reads (40 us a dense bench document without one, `re` 4.6 us).
GBK_SIGNATURE_CHARACTER = regex("[" + "".join(map(re.escape, sorted(GBK_SIGNATURE))) + "]")


def latin_round_trip(run: str) -> tuple[str, str] | None:
    """The Chinese text a Latin-1/cp1252 mojibake run stands for and its real encoding.

    The run's bytes are tried as UTF-8 (ä¸­æ–‡ → 中文) and as GBK (ÃñÉú → 民生); only a
    decoding into Chinese characters counts.
    """
    if sum("\u00a1" <= c <= "\u00ff" for c in run) < 2:
        return None  # curly quotes, … and — are cp1252 too, and common in Chinese text
    data = bytearray()
    for char in run:
        code = ord(char)
        if code < 0x100:
            data.append(code)
        elif char in _CP1252_HIGH:
            data.append(_CP1252_HIGH[char])
        else:
            return None
    for encoding in ("utf-8", "gbk"):
        try:
            text = bytes(data).decode(encoding)
        except UnicodeDecodeError:
            continue
        chinese = all(_chinese_or_ascii(c) for c in text) and any(c > "\u2fff" for c in text)
        if chinese and sum(gbk_level1(c) for c in text) * 2 >= len(text.strip()):
            return text, encoding
    return None


def _chinese_or_ascii(char: str) -> bool:
    return char < "\x80" or "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def gbk_level1(char: str) -> bool:
    """A character in GB2312's first level: the 3,755 everyday characters."""
    try:
        encoded = char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def _gbk_characters(leads: range) -> str:
    """Every GBK double-byte character whose first byte is in ``leads``.

    Each (lead, trail) pair is decoded apart, between newlines (which no GBK character
    holds), in one call: a pair that is no character leaves a lone surrogate for an
    undecodable byte, or two characters, and is dropped. Decoding the pairs one by one
    took 9 ms of every start.
    """
    pairs = np.zeros((len(leads), 0xFF - 0x40, 3), dtype=np.uint8)
    pairs[:, :, 0] = np.array(leads, dtype=np.uint8)[:, None]
    pairs[:, :, 1] = np.arange(0x40, 0xFF, dtype=np.uint8)
    pairs[:, :, 2] = ord("\n")
    pieces = pairs.tobytes().decode("gbk", "surrogateescape").split("\n")
    return "".join(p for p in pieces if len(p) == 1 and not "\udc80" <= p <= "\udcff")


# GBK characters whose first byte is a UTF-8 lead byte (0xE2-0xEF), and those whose first
# byte is a UTF-8 lead or continuation byte (0x80-0xBF): what UTF-8 read as GBK is made of.
_UTF8_LEAD = re.escape(_gbk_characters(range(0xE2, 0xF0)))
_UTF8_SHAPED = _UTF8_LEAD + re.escape(_gbk_characters(range(0x81, 0xC0))) + "\ufffd"
GBK_PIECE = regex(f"[{_UTF8_LEAD}][{_UTF8_SHAPED}]+")
GBK_LEAD = regex(f"[{_UTF8_LEAD}]")


def gbk_mojibake_spans(text: str) -> list[tuple[int, int, str | None]]:
    """Mojibake of UTF-8 read as GBK in ``text``: spans and recovered texts.

    A candidate piece starts with a character whose GBK lead byte is a UTF-8 lead byte
    (0xE2-0xEF), continues over characters made of UTF-8-shaped bytes, and holds a signature
    character. The longest prefix whose bytes decode as UTF-8 gives an exact fix; when bytes
    were lost (U+FFFD in the run) the piece is reported without one.
    """
    found: list[tuple[int, int, str | None]] = []
    for piece in GBK_PIECE.finditer(text):
        index, stop = piece.span()
        while stop - index >= 2 and not GBK_SIGNATURE.isdisjoint(text[index:stop]):
            span = _exact(text, index, stop) or _lossy(text, index, stop)
            if span is None:
                break
            found.append(span)
            lead = GBK_LEAD.search(text, span[1], stop)
            if lead is None:
                break
            index = lead.start()
    return found


def _exact(text: str, start: int, stop: int) -> tuple[int, int, str] | None:
    for end in range(stop, start + 1, -1):
        run = text[start:end]
        if "\ufffd" in run:
            continue
        try:
            recovered = run.encode("gbk").decode("utf-8")
        except UnicodeError:
            continue
        if sum(gbk_level1(c) for c in recovered) >= max(1, len(recovered) // 2):
            return start, end, recovered
    return None


def _lossy(text: str, start: int, stop: int) -> tuple[int, int, None] | None:
    while stop - start > 2 and text[stop - 1] in EVERYDAY:
        stop -= 1  # an everyday character after the debris is most likely real text
    run = text[start:stop]
    # Without an exact decoding, ask for more evidence: a lost byte, or a longer run.
    if "\ufffd" in run:
        return (start, stop, None) if gbk_mojibake(run, minimum=1) else None
    return (start, stop, None) if len(run) >= 4 and gbk_mojibake(run, minimum=2) else None


def gbk_mojibake(run: str, minimum: int) -> bool:
    """Whether a run reads as everyday Chinese once its GBK bytes are decoded as UTF-8."""
    data = bytearray()
    for char in run:
        try:
            # A lost byte (U+FFFD) was most likely a continuation byte.
            data += char.encode("gbk") if char != "\ufffd" else b"\x80"
        except UnicodeEncodeError:
            return False
    recovered = data.decode("utf-8", errors="replace")
    everyday = sum(gbk_level1(c) for c in recovered)
    # UTF-8 Chinese is 3 bytes a character, GBK 2: the run should read as 2/3 as many
    # characters, most of them everyday ones.
    return everyday >= max(minimum, len(run) // 3)


# GBK read one byte out of step: a lead byte was lost, so every following pair is a trail
# byte plus the next lead byte. Chinese turns into other Han characters, plus characters
# from GBK's symbol rows (0xA1-0xA9) that Chinese prose never writes between Han characters:
# math operators (≌ ∷), full-width ASCII (＃ Ｕ ４), kana, Greek, Cyrillic, bopomofo (ㄍ),
# box drawing. The lost bytes show as '?' or U+FFFD. Left out because Chinese text does use
# them: ∶ (scores, 3∶1), ・ and ー (names, katakana loans), ％.
DEBRIS_SYMBOLS = (
    "\u0391-\u03c9\u0401-\u0451\u2200-\u2235\u2237-\u22ff\u2500-\u257f"
    "\u3041-\u30fa\u3105-\u3129\u31a0-\u31bf\uff03-\uff04\uff06\uff0a\uff0b\uff10-\uff19"
    "\uff1c-\uff1e\uff20-\uff3a\uff3c\uff3e-\uff5a\uff5c\uff5e"
)
# A lost byte: U+FFFD, or '?' with something other than ASCII and whitespace on both sides
# (a question mark ends a sentence, before a space, a line end or a closing quote; debris is
# wedged inside a run of characters).
_LOST_QUESTION_MARK = "(?<=[^\\x00-\\x7f]\\?)(?=[^\\x00-\\x7f\u3000”’」』）》】])"
LOST_BYTE = regex(f"\ufffd|\\?{_LOST_QUESTION_MARK}")
DEBRIS_SYMBOL = regex(f"[{DEBRIS_SYMBOLS}]")
# Suspects (lost bytes and symbol-row characters) this close together, on one line and in one
# sentence, make one run of debris.
DEBRIS_GAP = 3
# A suspect: the class first, so that `re` jumps from candidate to candidate; a '?' must then
# be a lost byte.
_SUSPECT = f"[{DEBRIS_SYMBOLS}\ufffd?](?:(?<!\\?)|{_LOST_QUESTION_MARK})"
# A whole run of suspects, each at most DEBRIS_GAP characters after the previous one with no
# line end or 。 between, in one match. The greedy gap reaches the farthest next suspect,
# which reaches at least as far as any nearer one: a match ends where the run ends.
SUSPECT_RUN = regex(f"{_SUSPECT}(?:[^\\n。]{{0,{DEBRIS_GAP}}}{_SUSPECT})*")


def debris_spans(text: str) -> list[tuple[int, int]]:
    """Runs of misaligned-GBK debris: lost bytes mixed with GBK symbol-row characters.

    A run chains suspects (lost bytes and symbol-row characters) at most ``DEBRIS_GAP``
    characters apart on one line, and counts only when it holds both kinds: full-width
    digits in a sentence, or a question mark after Chinese, are not debris on their own.
    """
    if ("?" not in text and "\ufffd" not in text) or not LOST_BYTE.search(text):
        return []  # most documents: nothing was lost (`in` is 10x faster than the search)
    spans: list[tuple[int, int]] = []
    for run in SUSPECT_RUN.finditer(text):
        start, end = run.span()
        suspects = run[0]
        # Cheap tests first: most runs are full-width digits without a '?' or U+FFFD. The
        # lost byte's endpos is one past the run: a '?' that ends it needs the next character.
        if (
            ("?" in suspects or "\ufffd" in suspects)
            and DEBRIS_SYMBOL.search(text, start, end)
            and LOST_BYTE.search(text, start, end + 1)
        ):
            spans.append((start, end))
    return spans


def debris_of(doc: Document) -> list[tuple[int, int]]:
    """The document's debris runs, computed once for every rule that asks (``doc.view``)."""
    return debris_spans(doc.text)


def in_debris(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a debris run: a fix there would hide the damage.

    The runs are sorted and disjoint: only the last run that starts before ``end`` can
    overlap, when it ends after ``start``.
    """
    index = bisect_left(spans, (end,))
    return index > 0 and spans[index - 1][1] > start
