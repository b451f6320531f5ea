"""OpenCC conversion restricted to the characters a script rule reports, shared by the
traditional/simplified and mixed-script rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from cnlint import Edit, Rule, Span
from cnlint.chars import code_points
from cnlint.config import ConfigError
from cnlint.patterns import regex

if TYPE_CHECKING:
    import opencc

TO_SIMPLIFIED = ["t2s", "tw2s", "hk2s", "tw2sp"]
TO_TRADITIONAL = ["s2tw", "s2t", "s2hk", "s2twp"]


@lru_cache(maxsize=8)
def converter(config: str) -> opencc.OpenCC:
    import opencc  # only once a document has characters to convert: not at every start

    return opencc.OpenCC(config)


# OpenCC's t2s keeps 著 everywhere, because 著 is also a simplified character (著作, 显著).
# In traditional text it is mostly the particle 着 (懷著, 睡著, 著手), so the simplified text
# gets 着 unless a neighbour makes it the zhù of 著名, 显著, 名著 (the words simplified keeps).
ZHU_BEFORE = frozenset("显卓名土昭编原巨论专遗拙新合译撰所大")
ZHU_AFTER = frozenset("作名称述者录书")


# A lone surrogate (from a JSON escape such as "\\ud800") is not UTF-8, and OpenCC converts
# UTF-8: the text is converted piece by piece around each surrogate, which stays where it was.
LONE_SURROGATE = regex("([\ud800-\udfff])")


def _opencc(text: str, config: str) -> str:
    pieces = LONE_SURROGATE.split(text)
    # Odd pieces are the surrogates the split kept; even pieces are convertible text.
    return "".join(
        piece if index % 2 else converter(config).convert(piece)
        for index, piece in enumerate(pieces)
    )


@lru_cache(maxsize=64)  # traditional-in-simplified and mixed-script fix the same paragraphs
def convert(text: str, config: str) -> str:
    """OpenCC's conversion, plus 著 → 着 when converting to simplified."""
    converted = _opencc(text, config)
    if config not in TO_SIMPLIFIED or "著" not in converted:
        return converted
    chars = list(converted)
    for index, char in enumerate(chars):
        if char != "著":
            continue
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if before not in ZHU_BEFORE and after not in ZHU_AFTER:
            chars[index] = "着"
    return "".join(chars)


def check_opencc_config(rule: Rule, choices: list[str]) -> str:
    config = rule.option_values["opencc-config"]
    if config not in choices:
        raise ConfigError(
            f"rules.{rule.name}.opencc-config: {config!r} is not one of {', '.join(choices)}"
        )
    return config


def conversion_edits(text: str, span: Span, config: str, keep: frozenset[str]) -> list[Edit]:
    """The edits that convert a paragraph with OpenCC, as small as the conversion allows.

    The whole paragraph is converted (phrases need their context), then only the characters
    that changed are replaced, one edit per run of changes, skipping characters in ``keep``
    (already right for the target script: converting them again would only pick a variant)
    and, towards simplified, changes to a character that is not an everyday one.
    A conversion that changes the length (phrase configs) replaces the paragraph.
    """
    original = text[span.start : span.end]
    converted = convert(original, config)
    if len(converted) != len(original):
        return [Edit(span.start, span.end, converted)]
    # The changed characters, compared all at once as code points (a Python loop over every
    # character of a long paragraph cost more than the conversion itself).
    differs = np.flatnonzero(code_points(original) != code_points(converted)).tolist()
    runs: list[list[int]] = []  # [start, end) of each run of changed characters
    to_simplified = config in TO_SIMPLIFIED
    for i in differs:
        if original[i] in keep:
            continue
        if to_simplified and not "\u4e00" <= converted[i] <= "\u9fff":
            # A simplified form in extension A or beyond the BMP (訑 → 𫍙, 鮆 → 𫚖) is outside
            # GBK and most fonts: simplified text keeps the traditional character.
            continue
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [Edit(span.start + a, span.start + b, converted[a:b]) for a, b in runs]


def covering(start: int, end: int, edits: list[Edit]) -> tuple[int, int]:
    """The span from ``start`` to ``end`` widened to every edit: a finding names what it fixes.

    Converting a paragraph can change a character that is not itself odd (著 → 着 after 懷),
    so the finding's span grows to hold the edits rather than the fix leaving its finding.
    """
    return min([start, *(e.start for e in edits)]), max([end, *(e.end for e in edits)])


def listing(text: str, positions: list[int], limit: int = 8) -> str:
    chars = list(dict.fromkeys(text[p] for p in positions))
    shown = "".join(chars[:limit])
    return shown + ("…" if len(chars) > limit else "")
