"""Which script a character belongs to: the tables built from OpenCC's dictionaries.

The tables in ``data/`` are generated once by ``tools/build_script_tables.py``. Detection
only looks characters up in them; OpenCC conversion runs only to build a fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


def _data_lines(name: str) -> list[str]:
    text = files("cnlint.rules").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


# Each line: a traditional-only character and its usual simplified form.
SIMPLIFIED_FORM = {line[0]: line[1:] for line in _data_lines("traditional_only.txt")}
TRADITIONAL_ONLY = frozenset(SIMPLIFIED_FORM)
SIMPLIFIED_ONLY = frozenset("".join(_data_lines("simplified_only.txt")))
TRADITIONAL_CLASS = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")
SIMPLIFIED_CLASS = re.compile("[" + "".join(sorted(SIMPLIFIED_ONLY)) + "]")


@lru_cache(maxsize=4)
def traditional_positions(text: str) -> tuple[int, ...]:
    """Offsets of traditional-only characters (cached: several rules ask about one text)."""
    if TRADITIONAL_ONLY.isdisjoint(text):
        return ()
    return tuple(m.start() for m in TRADITIONAL_CLASS.finditer(text))


@lru_cache(maxsize=4)
def simplified_positions(text: str) -> tuple[int, ...]:
    """Offsets of simplified-only characters."""
    if SIMPLIFIED_ONLY.isdisjoint(text):
        return ()
    return tuple(m.start() for m in SIMPLIFIED_CLASS.finditer(text))


def simplified_positions_in(text: str, start: int, end: int) -> list[int]:
    """Offsets of simplified-only characters in ``text[start:end]``."""
    return [m.start() for m in SIMPLIFIED_CLASS.finditer(text, start, end)]


def simplified_exceeds(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` simplified-only characters (stops early)."""
    for seen, _ in enumerate(SIMPLIFIED_CLASS.finditer(text), start=1):
        if seen >= count:
            return True
    return count <= 0


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
LEFTOVER_CLASS = re.compile("[" + "".join(LEFTOVERS) + "]")
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
