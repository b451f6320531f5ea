"""Which script a character belongs to: the tables built from OpenCC's dictionaries.

The tables in ``data/`` are generated once by ``tools/build_script_tables.py``. Detection
only looks characters up in them; OpenCC conversion runs only to build a fix.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from cnlint.chars import code_points
from cnlint.patterns import regex


def _data_lines(name: str) -> list[str]:
    text = files("cnlint.rules").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


# Each line: a traditional-only character and its usual simplified form.
SIMPLIFIED_FORM = {line[0]: line[1:] for line in _data_lines("traditional_only.txt")}
TRADITIONAL_ONLY = frozenset(SIMPLIFIED_FORM)
SIMPLIFIED_ONLY = frozenset("".join(_data_lines("simplified_only.txt")))
TRADITIONAL, SIMPLIFIED = 1, 2
# The script of every code point, one byte each (1.1 MB). Looking up all the characters of a
# text at once in numpy runs at about 1 GB/s; a regex class of these 3,198 (or 3,771)
# characters ran at 40 MB/s, and a fifth of them lie beyond the BMP.
SCRIPT_OF = np.zeros(0x110000, dtype=np.uint8)
SCRIPT_OF[[ord(c) for c in TRADITIONAL_ONLY]] = TRADITIONAL
SCRIPT_OF[[ord(c) for c in SIMPLIFIED_ONLY]] = SIMPLIFIED


def script_positions(text: str, script: int) -> tuple[int, ...]:
    """Offsets of the characters of ``text`` that only ``script`` writes."""
    return tuple(np.flatnonzero(SCRIPT_OF[code_points(text)] == script).tolist())


@lru_cache(maxsize=4)
def traditional_positions(text: str) -> tuple[int, ...]:
    """Offsets of traditional-only characters (cached: several rules ask about one text)."""
    return script_positions(text, TRADITIONAL)


@lru_cache(maxsize=4)
def simplified_positions(text: str) -> tuple[int, ...]:
    """Offsets of simplified-only characters."""
    return script_positions(text, SIMPLIFIED)


def simplified_positions_in(text: str, start: int, end: int) -> list[int]:
    """Offsets of simplified-only characters in ``text[start:end]``."""
    positions = simplified_positions(text)
    return list(positions[bisect_left(positions, start) : bisect_left(positions, end)])


def simplified_exceeds(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` simplified-only characters."""
    return len(simplified_positions(text)) >= count


@dataclass(frozen=True)
class Leftover:
    """A character valid in both scripts that traditional text usually writes otherwise."""

    char: str
    traditional: str
    # (offset of the character in the phrase, phrase length) -> phrases (simplified spelling)
    exceptions: dict[tuple[int, int], frozenset[str]]


def _load_leftovers() -> dict[str, Leftover]:
    leftovers = {}
    for line in _data_lines("leftovers.txt"):
        char, traditional, phrases = [*line.split("\t"), ""][:3]
        grouped: dict[tuple[int, int], set[str]] = defaultdict(set)
        for phrase in phrases.split():
            for index, c in enumerate(phrase):
                if c == char:
                    grouped[(index, len(phrase))].add(phrase)
        exceptions = {key: frozenset(value) for key, value in grouped.items()}
        leftovers[char] = Leftover(char, traditional, exceptions)
    return leftovers


LEFTOVERS = _load_leftovers()
LEFTOVER_CLASS = regex("[" + "".join(LEFTOVERS) + "]")
# Reading a traditional window in simplified spelling, character by character, so that it
# can be compared with the exception phrases (鄰里 is read as 邻里). A lookup, not a conversion.
_SIMPLIFY = str.maketrans(SIMPLIFIED_FORM)


def leftover_positions(text: str, start: int, end: int) -> list[tuple[int, Leftover]]:
    """Leftover characters in ``text[start:end]`` that no exception phrase covers."""
    found = []
    for match in LEFTOVER_CLASS.finditer(text, start, end):
        leftover = LEFTOVERS[match[0]]
        position = match.start()
        if not _excepted(text, position, leftover):
            found.append((position, leftover))
    return found


def _excepted(text: str, position: int, leftover: Leftover) -> bool:
    for (index, length), phrases in leftover.exceptions.items():
        begin = position - index
        if begin < 0 or begin + length > len(text):
            continue
        if text[begin : begin + length].translate(_SIMPLIFY) in phrases:
            return True
    return False


def _common(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


# Traditional-only characters whose simplified form is not an everyday character: it lies in
# CJK extension A or beyond the BMP (鮆 → 𫚖, 訑 → 𫍙, 鱄 → 𫚋), outside GBK and most fonts, so
# simplified text writes the traditional form too (a simplified 山海经 keeps 鮆). With no
# common counterpart, such a character is not a traditional leftover, and converting it would
# write a character most readers cannot see.
NO_COMMON_COUNTERPART = frozenset(
    char for char, form in SIMPLIFIED_FORM.items() if not form or not _common(form[0])
)
