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
# A role word may take the suffix of a person (撰稿人, 特约撰稿人).
ROLE_WORD = (
    "(?:记者|記者|通讯员|通訊員|编辑|編輯|撰稿人|撰稿|撰文|整理|摄影|攝影|校对|审核|供稿|"
    "评论员|評論員|特派员|特派員|观察员|觀察員)"
)
ROLE = rf"(?:[\u4e00-\u9fff·]{{0,12}}?(?:特约|实习|首席|摄影)?{ROLE_WORD})"

# 本报上海6月4日电, 新华社上海６月４日电, 据新华社长春６月４日电, 中新社杭州2月12日电: the
# paper or agency (本报 or a name ending in 社, 网, 台, 报), the place, the date and 电 or 讯.
DIGIT = "[0-9０-９]"
OUTLET = r"(?:本报|本報|[\u4e00-\u9fff]{1,8}?(?:社|网|網|台|报|報))"
DATED_DATELINE = (
    rf"据?{OUTLET}[\u4e00-\u9fff·]{{1,10}}?{DIGIT}{{1,2}}月{DIGIT}{{1,2}}日(?:电|電|讯|訊)"
)
