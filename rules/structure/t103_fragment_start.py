"""T103 fragment-start."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import HAN, HAN_CHAR, LINE_SPACE
from cnlint.patterns import regex
from cnlint.rules._text.blocks import (
    CLOSED_ENDINGS,
    ECHO_WINDOW,
    ends_closed,
    is_caption,
    is_prose,
)

# Characters that end a word but rarely start a sentence; a paragraph opening with one of
# them, after a paragraph that ended a sentence, is the tail of a word cut in two.
FRAGMENT_PROBE = 6
WORD_USES = 4
# An opening (its first WORD_START_PROBE characters) that follows this many different Han
# characters elsewhere in the document is a word start, not a word's tail.
WORD_START_PROBE = 4
DISTINCT_WORDS_BEFORE = 2


class FragmentStart(Rule):
    code = "T103"
    name = "fragment-start"
    summary = "A paragraph that starts mid-sentence or mid-word: 道安彩嘉园… (…街 is lost)"
    why = (
        "When the start of a paragraph is lost in extraction (the rest of a line that was cut, "
        "a page that began mid-sentence), the paragraph opens with a punctuation mark or with "
        "the tail of a word. It is not a sentence a model should learn from. Flagged when a "
        "paragraph opens with a mark that cannot start a sentence (，。、；：）》), or when its "
        "opening words occur elsewhere in the same document right after a Han character that "
        "forms a word with its first character (街道 ⏎ 道安彩嘉园… while the lead says "
        "银杏大街街道安彩嘉园), and the paragraph before it is complete. An opening that the "
        "document also puts at a clause start, or after several different words, is a word "
        "start, not a tail (a law's articles open on 医疗保障行政部门 and also write "
        "由医疗保障行政部门, 对医疗保障…). A command name (smbclient's ! [shell command]) and a "
        "? standing for a lost character are not fragment marks."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "7月29日,银杏大街街道安彩嘉园二期业主代表送来锦旗。\n\n"
            "安彩嘉园二期地下车库进水严重,小区停电。\n",
            "第一段。\n\n“我们街道行动快。”一位居民说。\n",
            # smbclient(1), manpages-zh: the command named ! opens its entry
            "下面以字母次序给出可以使用的命令。\n\n! [shell command] 如果指定了 shell "
            "command，那么!命令会执行一个本地的命令解释器并运行指定的shell命令。\n",
        ],
        bad=[
            Bad(
                # seed 004 lines 101-103
                "7月29日,银杏大街街道安彩嘉园二期业主代表将一面锦旗郑重地交到该街道党工委"
                "副书记郝彬手中,以此表达对银杏大街街道在这次特大暴雨后为民服务的感激之情。\n\n"
                "道安彩嘉园二期地下车库进水严重,小区停电。"
                "银杏大街街道党工委第一时间组织街道机关、安彩嘉园社区等50余人组成救援队伍。\n",
                flagged=["道"],
            ),
            Bad("第一段写完了。\n\n,并且提出了整改意见。\n", flagged=[","]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        first = VISIBLE.search(text)
        if not first:
            return
        if cannot_start(text[first.start() : first.start() + 2]):
            start = first.start()
            yield self.finding(start, start + 1, f"Paragraph starts with {first[0]!r}")
        # The other paragraphs: only those that open like a fragment, each found from its
        # line's start without splitting the document.
        for match in FRAGMENT_OPENING.finditer(text, first.start()):
            if not ends_closed(last_visible_before(doc, match.start())):
                continue  # the previous paragraph is open: broken-paragraph's case
            start = match.end()
            paragraph = text[start : doc.line_end(start)].rstrip()
            if cannot_start(paragraph):
                yield self.finding(start, start + 1, f"Paragraph starts with {paragraph[0]!r}")
                continue
            # (The first paragraph is a title or lead: it introduces phrases, it does not
            # echo them.) The echo is asked first: it is rare, and prose and captions are not.
            word = cut_word(text, paragraph, start)
            if (
                word
                and is_prose(paragraph)
                and not is_caption(paragraph)
                and not opens_words_elsewhere(text, paragraph, start)
            ):
                yield self.finding(
                    start,
                    start + 1,
                    f"Paragraph starts mid-word: elsewhere the text reads {word!r}",
                )


CANNOT_START = frozenset("，,、。；;：）)》」』】？！!")
# ASCII "!" opens a command name or markup (smbclient's "! [shell command]", a markdown
# image "!24309{…}") unless Chinese follows it. ASCII "?" is left out: at a paragraph's start
# it stands for a lost character (encoding damage) far more often than for a cut sentence.
ASCII_OPENERS = frozenset("!")
NON_ASCII = regex(r"[^\x00-\x7f]")
VISIBLE = regex(r"\S")
# A paragraph after the first that may be a fragment: after its line's start and indentation,
# a mark that cannot start a sentence, or the Han opening that cut_word probes. The line
# before must end closed (or in whitespace: a blank line, trailing space, looked at in Python).
# Newline-first, so re jumps from line to line at memchr speed.
FRAGMENT_OPENING = regex(
    f"\n(?<=[{re.escape(''.join(sorted(CLOSED_ENDINGS)))}{LINE_SPACE}\n]\n)[{LINE_SPACE}]*"
    f"(?=[{''.join(sorted(CANNOT_START))}]|[{HAN}]{{{FRAGMENT_PROBE}}})"
)
HAN_PROBE = regex(f"[{HAN}]{{{FRAGMENT_PROBE}}}")


def cut_word(text: str, paragraph: str, start: int) -> str:
    """The longer phrase this paragraph's opening is the tail of, if the document shows one.

    The opening (``FRAGMENT_PROBE`` characters, all Han) must occur elsewhere right after a
    Han character, and that character with the paragraph's first one must be a word the
    document uses on its own (``WORD_USES`` times): 街道 in 银杏大街街道安彩嘉园 for 道安彩嘉园.
    """
    if not HAN_PROBE.match(paragraph):
        return ""
    probe = paragraph[:FRAGMENT_PROBE]
    # The echo is looked for near the paragraph (a lead, the paragraphs around it), which
    # also keeps the search linear in long documents.
    low, high = max(0, start - ECHO_WINDOW), start + ECHO_WINDOW
    position = text.find(probe, low, high)
    while position != -1:
        if position != start and position > 0 and HAN_CHAR.match(text[position - 1]):
            word = text[position - 1] + probe[0]
            # The word must stand on its own elsewhere, not only in front of this phrase.
            uses = text.count(word, low, high) - text.count(word + probe[1:], low, high)
            if uses >= WORD_USES:
                return text[position - 1 : position + FRAGMENT_PROBE]
        position = text.find(probe, position + 1, high)
    return ""


def cannot_start(paragraph: str) -> bool:
    """Whether the paragraph opens with a mark no sentence starts with."""
    if paragraph[0] not in CANNOT_START:
        return False
    return paragraph[0] not in ASCII_OPENERS or bool(NON_ASCII.match(paragraph[1:2]))


def opens_words_elsewhere(text: str, paragraph: str, start: int) -> bool:
    """Whether the document starts words with this paragraph's opening elsewhere too.

    A cut word's tail (道安彩嘉园 of 街道安彩嘉园) follows the same character wherever it
    recurs. A whole term (医疗保障经办机构 in a law) also opens clauses, or follows several
    different words (对医疗保障…, 由医疗保障…): then the paragraph opens on a word, not a tail.
    """
    opening = paragraph[:WORD_START_PROBE]
    low, high = max(0, start - ECHO_WINDOW), start + ECHO_WINDOW
    before: set[str] = set()
    position = text.find(opening, low, high)
    while position != -1:
        if position != start:
            if position == 0 or not HAN_CHAR.match(text[position - 1]):
                return True
            before.add(text[position - 1])
            if len(before) >= DISTINCT_WORDS_BEFORE:
                return True
        position = text.find(opening, position + 1, high)
    return False


def last_visible_before(doc: Document, end: int) -> str:
    """The last character of the paragraph before offset ``end`` (at a line's start)."""
    text = doc.text
    if not text[end - 1].isspace():
        return text[end - 1]  # no trailing space, no blank line: the usual case
    previous = next(doc.paragraphs_before(end), None)
    return text[previous.end - 1] if previous else ""
