"""B106 copyright-footer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety
from cnlint.chars import han_count
from cnlint.patterns import LazyPattern, regex
from cnlint.prefilter import literal_led, trie_pattern, union
from cnlint.rules._text.line_rule import PhraseLineRule
from cnlint.rules._text.lines import DECORATION, URL, line_cores
from cnlint.rules._text.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    builtin_phrases,
    case_variants,
)

YEARS = regex(r"[©®]|\(c\)|\d{4}(?:\s*[-–—]\s*\d{4})?", re.IGNORECASE)
# A numbered heading of a law or a book (第二节 著作权归属, 三、版权) names its section.
NUMBERED_HEADING = regex(
    r"第[一二三四五六七八九十百零〇两\d]+[编章节条款部篇]|[一二三四五六七八九十]+[、.．]|"
    r"[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．\s]"
)
# Nouns that name a notice; used as the object of a sentence (保存文件的所有版权声明。) they
# talk about notices, heading a line (版权声明：…) they introduce one.
NOTICE_NOUNS = ("版权声明", "版权说明", "免责声明", "本站声明")
NOUN_AS_OBJECT = regex(f"(?:{'|'.join(NOTICE_NOUNS)})(?!\\s*[:：])")
# A line of nothing but the word copyright in one or two languages is the heading of a
# COPYRIGHT section (版权 (COPYRIGHT)); its notice is the line below.
HEADING_WORDS = regex(r"(?:版权|著作权|版权信息|版权声明|copyright|legal notice)+", re.I)
CLAUSE_MARKS = regex(r"[，,。；;：:]")
# Groups that make a notice a notice, besides where it is.
CORE_GROUPS = frozenset({"rights", "copying", "registration"})
# Everyday verbs of software help (复制单元格, 引用单元格, 镜像对象): they tell a notice only
# beside the terms that forbid or allow them (未经授权，请勿复制).
EVERYDAY_COPYING = frozenset({"复制", "引用", "镜像"})
# English "copyright" marks a notice when it opens the line (Copyright (C) 1999 …) or stands
# before its mark or year; inside a sentence it is the prose of a licence (… the copyright
# holder …, … under copyright law.).
ENGLISH_NOTICE = regex(r"copyright\s*(?:©|\(c\)|\d{4})", re.IGNORECASE)
ENGLISH_NOTICE_HEADS = ("Copyright", "COPYRIGHT")
# A notice told by its vocabulary is a footer line, never a paragraph; a longer line must
# say more of what a notice says (a sentence of a law or a licence mentions rights and terms).
MIN_GROUPS = 2
SHORT_NOTICE = 30
MIN_GROUPS_LONGER = 3
MAX_VOCABULARY_LINE = 50


@lru_cache(maxsize=1)
def vocabulary() -> tuple[LazyPattern, dict[str, str]]:
    """One matcher for data/copyright-vocabulary.txt and the group of each matched word."""
    groups = {}
    for entry in builtin_phrases("copyright-vocabulary"):
        group, word = entry.split(" ", 1)
        for variant in case_variants(word):
            groups[variant] = group
    return regex(trie_pattern(groups)), groups


def notice_groups(core: str) -> set[str]:
    matcher, groups = vocabulary()
    words = matcher.findall(core)
    found = {groups[word] for word in words}
    if "terms" not in found and all(
        word in EVERYDAY_COPYING for word in words if groups[word] == "copying"
    ):
        found.discard("copying")
    return found


def english_prose(core: str, hit: str) -> bool:
    """A hit of the word copyright inside an English sentence, not heading a notice."""
    if hit.lower() != "copyright" or ENGLISH_NOTICE.search(core):
        return False
    return not DECORATION.sub("", core).startswith(ENGLISH_NOTICE_HEADS)


class CopyrightFooter(PhraseLineRule):
    code = "B106"
    name = "copyright-footer"
    summary = "Copyright and reprint notices: 版权所有, 未经授权不得转载, ICP备, Copyright ©"
    why = (
        "Footer notices are the same on every page of a site and say nothing about the "
        "article; a model trained on them learns to append 版权所有. A line is flagged when it "
        "holds a listed notice phrase (data/copyright.txt) and little else: at most "
        "`max-other-chars` Chinese characters outside the phrases, URLs and years. A notice in "
        "other words is told by what its words do (data/copyright-vocabulary.txt): a line of at "
        "most 30 characters with words of two groups (three up to 50 characters: a law's or a "
        "licence's sentence names rights and terms too), one of them rights, copying or "
        "registration (本文版权属…, 引用请标明出处, 未经授权，请勿复制, © 2014 … 保留一切权利); "
        "the everyday verbs 复制, 引用 and 镜像 count only beside terms such as 未经 or 请勿. "
        "Left alone: a numbered heading (第二节 著作权归属, a section of the Copyright Law), a "
        "heading that is only the word copyright (版权 (COPYRIGHT)), a sentence that names "
        "notices as its object (保存文件的所有版权声明。, a clause of the GFDL), help text "
        "about copying (打开要在其中合并所有复制件的原始文档。), English copyright inside a "
        "sentence (under copyright law.; a notice opens with Copyright or gives ©, (C) or a "
        "year), and quoted speech."
    )
    fix_safety = FixSafety.SAFE
    fix_note = "Drops the whole line with its newline."
    phrase_list = "copyright"
    options: ClassVar[dict] = {"max-chars": 120, "max-other-chars": 16, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never footers.",
        "max-other-chars": "Chinese characters a footer may hold besides the notice phrases.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "出版社未经许可印刷了他的小说，法院判决其赔偿损失并公开道歉。\n",
            "他说：“这幅画的版权归我。”\n",
            # benchmark corpus, china-laws (the Copyright Law): a section heading
            "第二节 著作权归属\n",
            # benchmark corpus, gimp-help-zh-cn gfdl-4: a clause of the GFDL
            "保存文件的所有版权声明。\n",
            # benchmark corpus, manpages-zh groff.1: the heading of the COPYRIGHT section
            "版权 (COPYRIGHT)\n",
            # benchmark corpus, china-laws: a law's sentence on rights and licences
            "著作权人可以许可他人行使前款第五项至第十七项规定的权利，"
            "并依照约定或者本法有关规定获得报酬。\n",
            # Debian libreoffice-help-zh-cn, a related-topics link and a step of a procedure:
            # 复制 is the editor's copy command
            "复制电子表格区域至文本文档\n",
            "打开要在其中合并所有复制件的原始文档。\n",
            # Debian lilypond-doc-html-zh, fdl.zh.txt: a line of the GFDL's English text
            "Preserve all the copyright notices of the Document.\n",
        ],
        bad=[
            Bad(
                "正文。\n版权所有：中华人民共和国中央人民政府 京ICP备05070218号\n",
                fixed="正文。\n",
            ),
            Bad("正文。\nCopyright © 2012 Sohu.com Inc. All Rights Reserved.\n", fixed="正文。\n"),
            Bad("正文。\n未经授权，不得转载。\n", fixed="正文。\n"),
            Bad(
                "斯卡格斯太太的丈夫们\n本书版权由外语教学与研究出版社独家所有。\n",
                fixed="斯卡格斯太太的丈夫们\n",
                note="benchmark corpus, translated-fiction 31_589, line 149: no listed phrase",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every footer holds a notice phrase or a word of the notice vocabulary's core groups.
        _, groups = vocabulary()
        core_words = [word for word, group in groups.items() if group in CORE_GROUPS]
        self.prefilter = union(self.phrase_prefilter(), literal_led(core_words))

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.matcher is None:
            return
        for index, core in enumerate(doc.view(line_cores)):
            if core and len(core) <= self.option_values["max-chars"] and self._is_notice(core):
                yield self.drop(doc, index, f"Copyright notice {core!r}")

    def _is_notice(self, core: str) -> bool:
        if "“" in core or NUMBERED_HEADING.match(core):
            return False
        if HEADING_WORDS.fullmatch(DECORATION.sub("", core)):
            return False
        hits = [hit for hit in self.matcher.findall(core) if not english_prose(core, hit)]
        if hits and not self._names_notices(core, hits):
            rest = YEARS.sub("", URL.sub("", self.matcher.sub("", core)))
            if han_count(rest) <= self.option_values["max-other-chars"]:
                return True
        if len(core) > MAX_VOCABULARY_LINE:
            return False
        groups = notice_groups(NOUN_AS_OBJECT.sub("", core))
        needed = MIN_GROUPS if len(core) <= SHORT_NOTICE else MIN_GROUPS_LONGER
        return len(groups) >= needed and bool(groups & CORE_GROUPS)

    @staticmethod
    def _names_notices(core: str, hits: list[str]) -> bool:
        """The only phrases are notice nouns inside a sentence, not heading the line."""
        if any(hit not in NOTICE_NOUNS for hit in hits):
            return False
        head = DECORATION.sub("", core)
        return not head.startswith(NOTICE_NOUNS)
