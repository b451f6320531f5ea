"""Character classes for rule authors (the built-in rules use the same): regex class bodies,
the few compiled once for all rules, and code-point tables for counting with numpy.

    from cnlint.chars import HAN, CHINESE, han_count

    SPACE_IN_WORD = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")
"""

import re
from functools import cache

import numpy as np

# Han ideographs: unified (with extension A), compatibility, and the supplementary planes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# CJK symbols and punctuation (。、《》「」【】…), full-width forms (，！？：；（）), and the
# marks Chinese text writes with general punctuation code points (“ ” … —).
CJK_PUNCT = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2026\u2014"
)
# What counts as "Chinese context" beside an ASCII mark: a Han character or a CJK mark.
HAN_CHAR = re.compile(f"[{HAN}]")
CHINESE = HAN + CJK_PUNCT
CHINESE_CHAR = re.compile(f"[{CHINESE}]")
# Zero-width and bidi formatting characters, C0 controls except tab/newline/carriage return,
# DEL and C1 controls, the soft hyphen, filler characters that render as nothing, the BOM.
INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
)
# Whitespace around a paragraph on its line: str.isspace (what the paragraphs are stripped of)
# except the newline, as a regex class body.
LINE_SPACE = r"\t\x0b\x0c\r\x1c-\x1f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Spaces that pad a line: what the blank-line and trailing-whitespace rules strip.
PADDING = " \t\u3000\u00a0"
# Pinyin letters with tone marks (and ü, which only pinyin uses among Latin lowercase).
TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_LETTERS = "a-z" + TONED_VOWELS


def characters(ranges: str) -> str:
    """Every character of a regex-class body made of single characters and ``a-b`` ranges.

    Rules use it to declare a character class as ``triggers``: the engine's gate then checks
    all of them in its one table lookup per document.
    """
    chars = []
    index = 0
    while index < len(ranges):
        if index + 2 < len(ranges) and ranges[index + 1] == "-":
            chars.extend(map(chr, range(ord(ranges[index]), ord(ranges[index + 2]) + 1)))
            index += 3
        else:
            chars.append(ranges[index])
            index += 1
    return "".join(chars)


@cache
def bmp_characters() -> str:
    """Every character of the Basic Multilingual Plane in code-point order (U+D800-U+DFFF as
    lone surrogates), for building a table per character: decoded from one array, where
    ``"".join(map(chr, range(0x10000)))`` took 7 ms of every start."""
    return np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def code_points(text: str) -> np.ndarray:
    """The code points of ``text``, one array element per str index (astral ones included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


# One flag per code point. Counting the Han characters of a paragraph by a numpy lookup is
# 14x faster than re's findall, which builds a string for every character it finds.
def code_point_flags(ranges: str) -> np.ndarray:
    """A flag per code point, set for a regex class body of characters and ``a-b`` ranges."""
    flags = np.zeros(0x110000, dtype=np.bool_)
    for first, last in re.findall("(.)(?:-(.))?", ranges, flags=re.DOTALL):
        flags[ord(first) : ord(last or first) + 1] = True
    return flags


IS_HAN = code_point_flags(HAN)


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return int(np.count_nonzero(IS_HAN[code_points(text)]))
