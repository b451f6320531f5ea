"""What kind of paragraph a line is (heading, caption, byline, list item, prose) and how it ends.

Shared by the duplication and structure rules, which must agree on these judgements: a heading
is never a truncated sentence, a caption may sit between the halves of a broken sentence, and
the "complete" copy of a duplicated paragraph is the one that ends a sentence or continues.
Page-layout judgements are deliberately local and cheap: one line at a time, no segmentation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cnlint import Document, Span
from cnlint.chars import HAN, HAN_CHAR
from cnlint.rules._text.ascii_full_stop import last_ascii_full_stop

NON_HAN_CHAR = re.compile(f"[^{HAN}]")
# A sentence may end here: stops, ellipsis, colon (a list or quote follows), closing marks.
CLOSED_ENDINGS = frozenset("。！？!?…；;：:.．～~”’」』）)》】〉>")
# The line stops where a sentence cannot: mid-word (a Han character) or after a comma.
# (A line ending in an opening quote is more often a quote-direction error than a cut.)
OPEN_MARKS = frozenset("，,、")
# Sentence-final particles: a line that ends on one finished its sentence, mark or not
# (下载中国教育报APP吧, 怎么弄啊).
FINAL_PARTICLES = frozenset("吧呢吗嘛啊呀啦哦哈")
# Marks that only sentences carry; a heading or a name list has none of them.
SENTENCE_MARKS = re.compile("[。！？!?；;]")
COMMAS = re.compile("[，,]")
# A heading long enough to hold a comma is rare; prose this long without a stop is common.
MIN_COMMA_PROSE = 25
MIN_HAN_SHARE = 0.5
# Documents that end most paragraphs with a mark are the ones where an open ending is a
# defect; forum posts and chat often end without one, and there it is style.
MIN_CLOSED_SHARE = 0.8
MIN_PARAGRAPHS_FOR_STYLE = 4

LIST_ITEM = re.compile(
    r"(?:\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[•·●○■◆▪◇★☆\-*])"
)
BYLINE_OPENING = re.compile(
    r"[□■◎]|(?:本报记者|本報記者|记者|記者|通讯员|通訊員|文/|图/|文／|图／|撰稿|编辑|責任編輯|责任编辑)"
)
# A photo credit: ends with 摄 (高淑芳 摄, (王建党 摄)), or a line wholly in parentheses.
CAPTION_CREDIT = re.compile(r"摄影?\s*[)）]?$|^[(（][^()（）]{1,30}[)）]$")
CREDIT_END = re.compile(r"\s\S{1,4}\s*摄影?$")
FIELD_LABEL = re.compile(f"[{HAN}A-Za-z]{{1,6}}[：:]")
# A label：value field after a line's last sentence (weibo records: …。  主题：标题).
FIELD_AFTER_STOP = re.compile(f"[\\s。！？!?][{HAN}A-Za-z]{{1,6}}[：:]")
MAX_CAPTION = 80
# How far (in characters, each way) fragment-start and cjk-space look for the same words
# elsewhere in the document.
ECHO_WINDOW = 5000
MAX_BYLINE = 30


@lru_cache(maxsize=4096)  # several rules ask about the same paragraphs of one document
def is_prose(text: str) -> bool:
    """A Chinese sentence-bearing line: a stop (an ASCII '.' used as one counts), or a comma in
    a line too long for a title.

    Lines that are mostly not Han (code, data dumps, English) are not Chinese prose.
    """
    if SENTENCE_MARKS.search(text) or last_ascii_full_stop(text) >= 0:
        return han_share(text) >= MIN_HAN_SHARE
    return (
        len(text) >= MIN_COMMA_PROSE
        and not text.startswith("——")
        and bool(COMMAS.search(text))
        and han_share(text) >= MIN_HAN_SHARE
    )


def han_share(text: str) -> float:
    # Counting the non-Han characters is the cheap way round on Chinese text: they are few.
    return 1 - len(NON_HAN_CHAR.findall(text)) / max(1, len(text))


def is_caption(text: str) -> bool:
    return len(text) <= MAX_CAPTION and bool(CAPTION_CREDIT.search(text))


def is_byline(text: str) -> bool:
    return len(text) <= MAX_BYLINE and bool(BYLINE_OPENING.match(text))


def is_list_item(text: str) -> bool:
    return bool(LIST_ITEM.match(text))


@lru_cache(maxsize=4096)
def is_furniture(text: str) -> bool:
    """Page furniture around an article: captions, bylines (never sentences to join or cut)."""
    return is_caption(text) or is_byline(text)


def ends_open(text: str) -> bool:
    """The line stops where no sentence can end: on a Han character or a comma.

    A comma right after a stop (。, — a list joined with commas) and a photo credit at the
    end of a paragraph (…训练。 高淑芳 摄) do not leave a sentence open.
    """
    last = text[-1:]
    if last in OPEN_MARKS:
        return text[-2:-1] not in CLOSED_ENDINGS
    if last in FINAL_PARTICLES:
        return False
    return bool(HAN_CHAR.match(last)) and not CREDIT_END.search(text)


def is_cut_sentence(text: str) -> bool:
    """A prose paragraph that stops inside a sentence it had started: …，加快补齐…，启动机关.

    Stricter than ``is_open_prose``: the paragraph holds a finished sentence, and its last,
    unfinished one already has a comma. A label or a headline tacked on after a stop
    (。来源：环球TIME客户端, 。大莱龙铁路官方网站) has no comma and is not taken for a cut, and
    neither is a field after the last stop (。  主题：必须夸爆河南，这才是我们该有的…).
    """
    if not is_open_prose(text):
        return False
    stop = last_stop(text)
    if stop < 0 or ends_in_field(text):
        return False
    return bool(COMMAS.search(text, stop + 1, len(text) - 1))


def last_stop(text: str) -> int:
    """Where the last finished sentence ends: a stop, or an ASCII '.' used as one."""
    return max(last_ascii_full_stop(text), *(text.rfind(mark) for mark in "。！？!?"))


def ends_in_field(text: str) -> bool:
    """The line ends with a label：value field (…。  主题：必须夸爆河南，这才是…)."""
    return bool(FIELD_AFTER_STOP.search(text, max(0, last_stop(text))))


def punctuates_paragraph_ends(doc: Document) -> bool:
    """Does this document end its prose paragraphs with a mark (so an open end is a defect)?"""
    return doc.view(closes_most_paragraphs)


def closes_most_paragraphs(doc: Document) -> bool:
    texts = doc.paragraph_texts
    prose = [t for t in texts[:-1] if is_prose(t) and not is_furniture(t)]
    if len(prose) < MIN_PARAGRAPHS_FOR_STYLE:
        return True
    return sum(ends_closed(t) for t in prose) / len(prose) >= MIN_CLOSED_SHARE


def ends_closed(text: str) -> bool:
    return text[-1:] in CLOSED_ENDINGS


def starts_as_continuation(text: str) -> bool:
    """Could this line carry on a sentence cut at the end of the previous one?

    Not a list item, a caption or byline, nor a ``label：value`` field (用户名：…).
    """
    first = text[:1]
    if not first or is_list_item(text) or is_furniture(text) or FIELD_LABEL.match(text):
        return False
    return bool(HAN_CHAR.match(first)) or first.isdigit() or first in "“‘《（("


def is_open_prose(text: str) -> bool:
    """A prose line cut short: it carries sentences but stops mid-sentence."""
    return is_prose(text) and ends_open(text) and not is_furniture(text)


def continuation_index(doc: Document, index: int, texts: list[str]) -> int | None:
    """The paragraph that carries on paragraph ``index``'s cut sentence, if there is one.

    A caption may stand between the halves (the page put a photo there); it is skipped.
    """
    following = index + 1
    while following < len(texts) and is_caption(texts[following]):
        following += 1
    if following >= len(texts):
        return None
    text = texts[following]
    if starts_as_continuation(text) and is_prose(text):
        return following
    return None


def drop_range(doc: Document, index: int) -> Span:
    """What dropping paragraph ``index`` deletes: its whole line and the blank lines after it.

    The range starts at the line's start, so a finding over it is reported at the right line.
    """
    spans = doc.paragraphs
    line_start = doc.line_starts[doc.line_index(spans[index].start)]
    if index + 1 == len(spans):
        return Span(line_start, len(doc.text))  # the last paragraph: blank-lines tidies up
    return Span(line_start, doc.line_starts[doc.line_index(spans[index + 1].start)])
