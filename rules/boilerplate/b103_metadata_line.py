"""B103 metadata-line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety
from cnlint.patterns import LazyPattern, regex
from cnlint.prefilter import each_before, trie_pattern, union
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import GAP, has_sentence_mark, line_cores
from cnlint.rules._text.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    builtin_phrases,
    configured_phrases,
)

KEY_SPACES = regex(r"[ \t\u3000\u00a0]+")
DATE = r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
TIMESTAMP_LINE = regex(rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:\s*{TIME})?|{DATE}\s*{TIME})", re.ASCII)
# 《光明日报》（ 2022年02月13日 02版）: the print source of a reprinted article.
PRINT_SOURCE_LINE = regex(
    rf"《[^《》]{{1,15}}》\s*[（(]\s*{DATE}\s*(?:第?\s*\d{{1,3}}\s*版)?\s*[)）]"
)

# A machine-written stamp (2021-09-17, 2021/09/17 08:31): pages print it, people write
# 2021年9月17日. A line holding one and a field key (发稿：2022-11-05 09:53　出处：…,
# 【2018-07-25】【出处：…】, 点击数：35　更新于 2020-04-20) is the page's metadata; an agenda's
# 时间：7:00－9:30 has no stamp.
STAMP = regex(rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}\s*{TIME}", re.ASCII)
FIELD_KEY = regex(r"[\u4e00-\u9fff]{1,6}[:：]")
CLAUSE_MARKS = regex(r"[，,、“”]")
# A compound key ends with a strong key (责任校对, 稿件来源): up to four characters
# may stand before it on a line without sentence marks.
COMPOUND_PREFIX = r"[\u4e00-\u9fff]{0,4}?"

# Spaces the comparison ignores, and the ASCII whitespace \s still allows between date and time.
LOOSE_SPACE = r"[ \t\u3000\u00a0\r\x0b\x0c]*"
# A print source: 《…》 then its bracket. A timestamp: a date's month between two separators
# (-02-, /9/), or its 日 before the time's colon (spaces may stand between: they are ignored).
METADATA_FORMS_PREFILTER = union(
    f"》{GAP}*[（(]",
    each_before("-/.", f"{LOOSE_SPACE}[0-9]{LOOSE_SPACE}(?:[0-9]{LOOSE_SPACE})?[-/.]"),
    f"日{LOOSE_SPACE}[0-9]{LOOSE_SPACE}(?:[0-9]{LOOSE_SPACE})?:",
)


def metadata_key_prefilter(strong: tuple[str, ...]) -> str:
    """A strong key's last character right before its colon, or (the comparison ignores
    spaces) a space before a colon; any colon if there is no strong key."""
    if not strong:
        return ":|："
    return each_before([key[-1] for key in strong] + [" ", "\t", "\u3000", "\u00a0"], "[:：]")


@lru_cache(maxsize=8)
def _metadata_patterns(
    strong: tuple[str, ...],
) -> tuple[LazyPattern, LazyPattern, LazyPattern]:
    weak = builtin_phrases("metadata-weak")
    keys = trie_pattern(tuple(k.replace(" ", "") for k in (*strong, *weak)))
    head = rf"(?:{DATE})?(?:{TIME})?[【\[（(]?"
    opening = regex(rf"{head}(?:{keys})[:：]")
    compound_opening = regex(rf"{head}{COMPOUND_PREFIX}(?:{keys})[:：]")
    strong_key = regex(rf"(?:{trie_pattern(strong)})[:：]")
    return opening, compound_opening, strong_key


class MetadataLine(LineRule):
    code = "B103"
    name = "metadata-line"
    summary = "A line of page metadata: 来源:山西日报时间:2021-09-17 08:31:26, 责任编辑, 浏览次数"
    why = (
        "Source, publication time, editor and view counters describe the page, not its "
        "content; they belong in a record's fields. Left in the text they are near-identical "
        "lines across a whole site. A line is metadata when it opens with a field key and a "
        "colon and holds at least one strong key (来源, 作者, 责任编辑, 浏览次数 …; the list is "
        "data/metadata.txt); on a line without sentence or clause marks the opening key may be "
        "a compound ending in a listed one (责任校对, 网站编辑). 时间 and 日期 alone head real "
        "content in agendas and notices. A line that is only a timestamp (2022-02-13 20:04:17) "
        "or a print source (《光明日报》（2022年02月13日 02版）) is metadata too, and so is a "
        "line of fields holding a machine-written date stamp (发稿：2022-11-05 09:53　出处：…, "
        "【2018-07-25】【出处：…】): pages print 2022-11-05, people write 2022年11月5日, so an "
        "agenda's 时间：7:00－9:30 stays. Roles and names in brackets are left to byline-credit."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the whole line with its newline. Unsafe: the source or date may be worth "
        "keeping in a record field before it goes."
    )
    phrase_list = "metadata"
    options: ClassVar[dict] = {"max-chars": 80, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never metadata lines.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "时  间：7:00－9:30\n地  点：南开大学办公楼一楼会议室\n",
            "资料来源：他说，这个问题来源于生活。\n",
            "二〇二一年九月十七日\n",
            "出处：清·李宝嘉《官场现形记》第一回\n",
        ],
        bad=[
            Bad(
                "标题\n\n来源:山西日报时间:2021-09-17 08:31:26\n\n正文。\n",
                fixed="标题\n\n\n正文。\n",
                flagged=["来源:山西日报时间:2021-09-17 08:31:26\n"],
                note="seed 002, line 11",
            ),
            Bad(
                "正文。\n责任编辑：陈一豪 唐浚中 全丽 熊冬梅\n",
                fixed="正文。\n",
                flagged=["责任编辑：陈一豪 唐浚中 全丽 熊冬梅\n"],
            ),
            Bad("标题\n2022-02-13 20:04:17\n正文。\n", fixed="标题\n正文。\n"),
            Bad(
                "标题\n发布：2021-09-17 08:31　出处：山西日报\n正文。\n",
                fixed="标题\n正文。\n",
                note="seed 002, line 11 in other keys: a field line with a date stamp",
            ),
            Bad("正文。\n责任校对：陈一豪\n", fixed="正文。\n", note="a compound key"),
            Bad("正文。\n《光明日报》（ 2022年02月13日 02版）\n", fixed="正文。\n"),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        strong = configured_phrases(self.phrase_list, self.option_values)
        self.opening, self.compound_opening, self.strong_key = _metadata_patterns(strong)
        # Every finding is a print source, a timestamp, or a line holding a strong key.
        self.prefilter = union(METADATA_FORMS_PREFILTER, metadata_key_prefilter(strong))

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.option_values["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if core and len(core) <= limit and self._is_metadata(core):
                yield self.drop(doc, index, f"Page metadata {core!r}")

    def _is_metadata(self, core: str) -> bool:
        # Every form opens with a digit or 《, or holds a colon: a cheap test before the regexes.
        if not (":" in core or "：" in core or core[0].isdigit() or core[0] == "《"):
            return False
        compact = KEY_SPACES.sub("", core)
        if TIMESTAMP_LINE.fullmatch(compact) or PRINT_SOURCE_LINE.fullmatch(core):
            return True
        has_key = self.strong_key.search(compact) is not None
        if has_sentence_mark(core) or CLAUSE_MARKS.search(core):
            # Written text: only a listed key heading the line and a strong key make it metadata.
            return has_key and self.opening.match(compact) is not None
        # Roles and names in brackets ((视频编辑：张贝龙 文字编辑：温凤浩)) are a credit, byline-
        # credit's; a compound key opens a bare line.
        bracketed = core[0] in "(（" and core[-1] in ")）"
        if has_key and not bracketed and self.compound_opening.match(compact):
            return True
        return STAMP.search(core) is not None and FIELD_KEY.search(core) is not None
