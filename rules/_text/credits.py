"""Regex fragments for personal names and credit roles (记者 王明), shared by the byline and
photo-caption rules.
"""

from __future__ import annotations

from functools import lru_cache

from cnlint.chars import HAN
from cnlint.rules._text.phrases import builtin_phrases


@lru_cache(maxsize=1)
def _surnames() -> str:
    return "".join(dict.fromkeys("".join(builtin_phrases("surnames"))))


SEP = r"[ \t\u3000、，,]+"
SURNAME = f"[{_surnames()}]"
# A personal name: a common surname and one to three more characters (2-4 in all).
NAME = f"{SURNAME}[{HAN}]{{1,3}}"
NAMES = f"{NAME}(?:{SEP}{NAME})*"
# A role, with the outlet before it: 本报记者, 松花江网编辑, 顶端新闻·河南商报记者.
ROLE_WORD = "(?:记者|記者|通讯员|通訊員|编辑|編輯|撰稿|撰文|整理|摄影|攝影|校对|审核|供稿)"
ROLE = rf"(?:[\u4e00-\u9fff·]{{0,12}}?(?:特约|实习|首席|摄影)?{ROLE_WORD})"
