"""Script rules (S): which Chinese script a text is written in, and what leaked into it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np
import opencc

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.config import ConfigError
from cnlint.document import Span
from cnlint.rules.chars import HAN, PINYIN_LETTERS, TONED_VOWELS, characters
from cnlint.rules.script_tables import (
    SIMPLIFIED_ONLY,
    TRADITIONAL_ONLY,
    code_points,
    leftover_positions,
    simplified_exceeds,
    simplified_positions,
    simplified_positions_in,
    traditional_positions,
)

# A Han character, then a parenthesised syllable with at least one tone mark: 發(fā), 實（shí）.
PINYIN_ANNOTATION = re.compile(
    f"[(（](?<=[{HAN}][(（])[{PINYIN_LETTERS}]{{0,5}}[{TONED_VOWELS}][{PINYIN_LETTERS}]{{0,5}}[)）]"
)


class PinyinAnnotation(Rule):
    code = "S105"
    name = "pinyin-annotation"
    summary = "Pinyin reading aids flattened into the text: 發(fā), 實(shí)"
    why = (
        "Pages that show pinyin above characters (ruby text) lose the layout when scraped and "
        "the readings land in the sentence, one per character. The text becomes unreadable and "
        "every n-gram statistic and tokenizer is polluted. Only a parenthesised syllable with a "
        "tone mark right after a Han character is flagged, so English in parentheses and "
        "genuine asides such as 街(社区) are left alone."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the parenthesised syllable; the character before it stays."
    triggers = ("(", "（")
    # Every finding is a bracketed syllable with a tone mark. (Asking for the Han character
    # before it too makes the gate's scan 2.5x dearer for this pattern and skips no more
    # documents of the benchmark corpus.)
    prefilter = f"[(（][{PINYIN_LETTERS}]{{0,5}}[{TONED_VOWELS}][{PINYIN_LETTERS}]{{0,5}}[)）]"
    examples = Examples(
        clean=[
            "街(社区)党组织书记",
            "苹果公司(Apple)发布新品",
            "请参考附件(an appendix)。",
        ],
        bad=[
            Bad("絲發(fā)必興", fixed="絲發必興", flagged=["(fā)"]),
            Bad(
                "為群眾辦實(shí)事",
                fixed="為群眾辦實事",
                flagged=["(shí)"],
            ),
            Bad("街(社區(qū))", fixed="街(社區)", flagged=["(qū)"]),
            Bad("学习（xué）", fixed="学习", flagged=["（xué）"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in PINYIN_ANNOTATION.finditer(doc.text):
            yield self.finding(
                match.start(),
                match.end(),
                f"Pinyin annotation {match[0]!r} leaked into the text",
                replacement="",
                title="Delete the annotation",
            )


# --- Other scripts inside Chinese text (S104) -----------------------------------------------

FOREIGN_SCRIPTS = {
    "Japanese kana": "\u3040-\u309f\u30a0-\u30fa\u31f0-\u31ff\uff66-\uff9d",
    "Korean hangul": "\uac00-\ud7af\u1100-\u11ff\u3131-\u318e",
    "Cyrillic": "\u0400-\u04ff",
    "Thai": "\u0e01-\u0e5b",
    "Arabic": "\u0600-\u06ff",
    "Hebrew": "\u05d0-\u05ea",
    "Devanagari": "\u0900-\u097f",
}
FOREIGN = "".join(FOREIGN_SCRIPTS.values())
SCRIPT_OF = [(re.compile(f"[{ranges}]"), name) for name, ranges in FOREIGN_SCRIPTS.items()]
# A run of foreign letters; spaces, the katakana middle dot and the long-vowel mark may join them.
FOREIGN_RUN = re.compile(f"[{FOREIGN}](?:[{FOREIGN}\u30fb\u30fc]|[ \u3000](?=[{FOREIGN}]))*")


# One flag per code point. Counting the Han characters of a paragraph by a numpy lookup is
# 14x faster than re's findall, which builds a string for every character it finds.
def code_point_flags(ranges: str) -> np.ndarray:
    """A flag per code point, set for a regex class body of characters and ``a-b`` ranges."""
    flags = np.zeros(0x110000, dtype=np.bool_)
    for first, last in re.findall("(.)(?:-(.))?", ranges, flags=re.DOTALL):
        flags[ord(first) : ord(last or first) + 1] = True
    return flags


IS_HAN = code_point_flags(HAN)
OPENERS = "（(「『【[《〈“‘"
CLOSERS = "）)」』】]》〉”’"
# A paragraph where foreign letters make up this share of the letters is written in that
# language (a quotation, a bilingual line): not a leak into Chinese.
WHOLE_LANGUAGE_SHARE = 0.3
BRACKET_LOOKAROUND = 30
# A label that says the next words are foreign: 乌兹别克斯坦语名：Равшан…, 俄语：…, 原名 ….
FOREIGN_LABEL = re.compile(r"(?:[语文]名?字?[：:]|(?:原名|本名|全名|外文名)[：:]?)[ \u3000]*$")


def foreign_share(text: str, span: Span) -> float:
    """Share of foreign-script letters among the letters (foreign and Han) of a paragraph."""
    foreign = sum(
        len(m[0].replace(" ", "")) for m in FOREIGN_RUN.finditer(text, span.start, span.end)
    )
    if not foreign:
        return 0.0
    han = han_count(text[span.start : span.end])
    return foreign / (foreign + han)


def han_count(text: str) -> int:
    return int(np.count_nonzero(IS_HAN[code_points(text)]))


def other_language(text: str, span: Span) -> bool:
    """A paragraph written in another language (Japanese kanji are not traditional Chinese)."""
    return foreign_share(text, span) >= WHOLE_LANGUAGE_SHARE


# --- Simplified and traditional script (S101-S103) ------------------------------------------

TO_SIMPLIFIED = ["t2s", "tw2s", "hk2s", "tw2sp"]
TO_TRADITIONAL = ["s2tw", "s2t", "s2hk", "s2twp"]


@lru_cache(maxsize=8)
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# OpenCC's t2s keeps 著 everywhere, because 著 is also a simplified character (著作, 显著).
# In traditional text it is mostly the particle 着 (懷著, 睡著, 著手), so the simplified text
# gets 着 unless a neighbour makes it the zhù of 著名, 显著, 名著 (the words simplified keeps).
ZHU_BEFORE = frozenset("显卓名土昭编原巨论专遗拙新合译撰所大")
ZHU_AFTER = frozenset("作名称述者录书")


@lru_cache(maxsize=64)  # traditional-in-simplified and mixed-script fix the same paragraphs
def convert(text: str, config: str) -> str:
    """OpenCC's conversion, plus 著 → 着 when converting to simplified."""
    converted = converter(config).convert(text)
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
    config = rule.config["opencc-config"]
    if config not in choices:
        raise ConfigError(
            f"rules.{rule.name}.opencc-config: {config!r} is not one of {', '.join(choices)}"
        )
    return config


def conversion_edits(text: str, span: Span, config: str, keep: frozenset[str]) -> list[Edit]:
    """The edits that convert a paragraph with OpenCC, as small as the conversion allows.

    The whole paragraph is converted (phrases need their context), then only the characters
    that changed are replaced, one edit per run of changes, skipping characters in ``keep``
    (already right for the target script: converting them again would only pick a variant).
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
    for i in differs:
        if original[i] in keep:
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


def in_paragraphs(doc: Document, positions: Iterable[int]) -> dict[Span, list[int]]:
    """Group character offsets by the paragraph that holds them."""
    starts = [p.start for p in doc.paragraphs]
    grouped: dict[Span, list[int]] = {}
    for position in positions:
        index = bisect_right(starts, position) - 1
        grouped.setdefault(doc.paragraphs[index], []).append(position)
    return grouped


def listing(text: str, positions: list[int], limit: int = 8) -> str:
    chars = list(dict.fromkeys(text[p] for p in positions))
    shown = "".join(chars[:limit])
    return shown + ("…" if len(chars) > limit else "")


class TraditionalInSimplified(Rule):
    code = "S101"
    name = "traditional-in-simplified"
    summary = "Traditional characters (黨, 實, 會) in a corpus whose target script is simplified"
    why = (
        "A simplified-Chinese corpus that carries traditional documents or characters splits "
        "every word into two spellings: 实事 and 實事 are different tokens to a tokenizer, a "
        "deduplicator and a model. Only characters that exist in traditional Chinese alone "
        "count (a table built from OpenCC's dictionaries), so shared characters never trigger "
        'it. Active when the global setting target-script is "simplified" (the default).'
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Converts the paragraph with OpenCC (t2s by default, which keeps mainland standard "
        "forms), replacing only the characters the conversion changes. OpenCC keeps 著; the "
        "fix writes the particle as 着 (懷著 → 怀着) and keeps 著 in 著名, 显著, 名著."
    )
    triggers = "".join(sorted(TRADITIONAL_ONLY))
    options: ClassVar[dict[str, Any]] = {"opencc-config": "t2s"}
    option_docs: ClassVar[dict[str, str]] = {
        "opencc-config": "OpenCC configuration of the fix: t2s, tw2s, hk2s or tw2sp "
        "(tw2sp also converts Taiwan vocabulary, 軟體 → 软件)."
    }
    examples = Examples(
        clean=["为群众办实事", "我为群众办实事，新征程上再出发。", "他姓於，不姓于。"],
        bad=[
            Bad("為群眾辦實事", fixed="为群众办实事", flagged=["為群眾辦實"]),
            Bad(
                "黨員干部走進幫扶家庭。\n村里的路修好了。",
                fixed="党员干部走进帮扶家庭。\n村里的路修好了。",
                flagged=["黨員干部走進幫"],
                note="seed 003: only the traditional paragraph is flagged",
            ),
            Bad(
                "全市黨員幹部懷著感情、帶著責任，成效顯著",
                fixed="全市党员干部怀着感情、带着责任，成效显著",
                flagged=["黨員幹部懷著感情、帶著責任，成效顯"],
                note="seed 003, line 3: t2s keeps 著; the particle becomes 着, 显著 stays",
            ),
            Bad(
                "軟體下載",
                fixed="软件下载",
                flagged=["軟體下載"],
                options={"opencc-config": "tw2sp"},
                note="tw2sp also converts Taiwan vocabulary",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opencc_config = check_opencc_config(self, TO_SIMPLIFIED)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.settings.target_script != "simplified":
            return
        text = doc.text
        for span, positions in in_paragraphs(doc, traditional_positions(text)).items():
            if other_language(text, span):
                continue
            edits = conversion_edits(text, span, self.opencc_config, frozenset())
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"{len(positions)} traditional characters in simplified text: "
                f"{listing(text, positions)}",
                edits=edits or None,
                title=f"Convert to simplified (OpenCC {self.opencc_config})",
            )


class SimplifiedInTraditional(Rule):
    code = "S102"
    name = "simplified-in-traditional"
    summary = "Simplified characters (们, 实, 会) in a corpus whose target script is traditional"
    why = (
        "The mirror of traditional-in-simplified, for traditional corpora: simplified "
        "characters split every word into two spellings. Only characters that exist in "
        "simplified Chinese alone count; OpenCC's preferred variants (羣 for 群) are not "
        "mistaken for simplified-only characters, because the Taiwan and Hong Kong standard "
        'forms count as traditional. Active when target-script is "traditional".'
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Converts the paragraph with OpenCC (s2tw by default: Taiwan standard forms such as "
        "群 and 裡, without vocabulary changes), replacing only characters that are not "
        "already traditional."
    )
    triggers = "".join(sorted(SIMPLIFIED_ONLY))
    options: ClassVar[dict[str, Any]] = {"opencc-config": "s2tw"}
    option_docs: ClassVar[dict[str, str]] = {
        "opencc-config": "OpenCC configuration of the fix: s2tw, s2t, s2hk or s2twp."
    }
    examples = Examples(
        clean=[
            "為群眾辦實事",
            "新征程上，群眾的心裡。",
        ],
        bad=[
            Bad(
                "为群众办实事",
                fixed="為群眾辦實事",
                flagged=["为群众办实"],
                settings={"target_script": "traditional"},
            ),
            Bad(
                "我们的黨員幹部",
                fixed="我們的黨員幹部",
                flagged=["们"],
                settings={"target_script": "traditional"},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opencc_config = check_opencc_config(self, TO_TRADITIONAL)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.settings.target_script != "traditional":
            return
        text = doc.text
        for span, positions in in_paragraphs(doc, simplified_positions(text)).items():
            if other_language(text, span):
                continue
            edits = conversion_edits(text, span, self.opencc_config, TRADITIONAL_ONLY)
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"{len(positions)} simplified characters in traditional text: "
                f"{listing(text, positions)}",
                edits=edits or None,
                title=f"Convert to traditional (OpenCC {self.opencc_config})",
            )


class MixedScript(Rule):
    code = "S103"
    name = "mixed-script"
    summary = "A paragraph that mixes simplified and traditional characters: 黨員干部, 這么"
    why = (
        "Half-converted text (a traditional page with simplified leftovers, or the reverse) is "
        "wrong in either script and is the trace of a broken conversion step. Characters "
        "shared by both scripts never count. In a traditional paragraph, characters that are "
        "valid in both scripts but stand for another traditional character (干 for 幹, 后 for "
        "後, 里 for 裡, 于 for 於) count as simplified leftovers, except inside phrases where "
        "they are right in traditional text too (若干, 皇后, 公里, 征程), taken from OpenCC's "
        "phrase dictionary."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Replaces the odd characters by their conversion to the paragraph's majority script. "
        "No fix when that script is not the target script: traditional-in-simplified (or its "
        "mirror) then converts the whole paragraph."
    )
    triggers = "".join(sorted(TRADITIONAL_ONLY))  # no traditional character, no mixing
    options: ClassVar[dict[str, Any]] = {"simplified-config": "t2s", "traditional-config": "s2tw"}
    option_docs: ClassVar[dict[str, str]] = {
        "simplified-config": "OpenCC configuration used to convert to simplified.",
        "traditional-config": "OpenCC configuration used to convert to traditional.",
    }
    examples = Examples(
        clean=[
            "党员干部走进帮扶家庭。",
            "黨員幹部走進幫扶家庭。",
            "回望百年奮鬥征程，若干年後。",
            "皇后在宮裡住了十公里。",
        ],
        bad=[
            Bad(
                "黨員干部走進幫扶家庭",
                fixed="黨員干部走進幫扶家庭",
                flagged=["干"],
                note="seed 003, target-script simplified: reported only, because "
                "traditional-in-simplified converts the paragraph",
            ),
            Bad(
                "黨員干部走進幫扶家庭，這么大的事",
                fixed="黨員幹部走進幫扶家庭，這麼大的事",
                flagged=["干部走進幫扶家庭，這么"],
                settings={"target_script": "traditional"},
            ),
            Bad(
                "他們並沒有來，我们等了很久。",
                fixed="他們並沒有來，我們等了很久。",
                flagged=["们"],
                settings={"target_script": "any"},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.to_simplified = self.config["simplified-config"]
        self.to_traditional = self.config["traditional-config"]

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        traditional = traditional_positions(text)
        if not traditional:
            return  # no traditional-only character: nothing can be mixed
        by_paragraph_t = in_paragraphs(doc, traditional)
        document_traditional = len(traditional) >= 3 and not simplified_exceeds(
            text, len(traditional)
        )
        # In a simplified document only paragraphs holding traditional characters can mix.
        for span in doc.paragraphs if document_traditional else list(by_paragraph_t):
            t = by_paragraph_t.get(span, [])
            s = simplified_positions_in(text, span.start, span.end)
            if (len(t) > len(s) and (len(t) >= 2 or document_traditional)) or (
                not t and not s and document_traditional
            ):
                leftovers = [p for p, _ in leftover_positions(text, span.start, span.end)]
                minority, majority = sorted(s + leftovers), "traditional"
            elif s:
                minority, majority = t, "simplified"
            else:
                continue
            if (
                minority
                and not self._reported_elsewhere(text, minority, majority)
                and not other_language(text, span)
            ):
                yield self._finding(text, span, minority, majority)

    def _reported_elsewhere(self, text: str, minority: list[int], majority: str) -> bool:
        """Odd characters that traditional-in-simplified or its mirror already reports."""
        if majority != self.settings.target_script:
            return False
        other_only = TRADITIONAL_ONLY if majority == "simplified" else SIMPLIFIED_ONLY
        return all(text[p] in other_only for p in minority)

    def _finding(self, text: str, span: Span, minority: list[int], majority: str) -> Finding:
        target = self.settings.target_script
        goal = majority if target == "any" else target
        if goal != majority:
            # The paragraph is mostly in the other script: traditional-in-simplified (or its
            # mirror) converts the whole paragraph; a fix here would edit outside this finding.
            edits = []
        elif goal == "simplified":
            edits = conversion_edits(text, span, self.to_simplified, frozenset())
        else:
            edits = conversion_edits(text, span, self.to_traditional, TRADITIONAL_ONLY)
        odd = set(minority)
        edits = [e for e in edits if any(e.start <= p < e.end for p in odd)]
        start, end = covering(minority[0], minority[-1] + 1, edits)
        other = "simplified" if majority == "traditional" else "traditional"
        return self.finding(
            start,
            end,
            f"{other.capitalize()} {listing(text, minority)} in {majority} text",
            edits=edits or None,
            title=f"Convert to {goal}",
        )


class ForeignScript(Rule):
    code = "S104"
    name = "foreign-script"
    summary = "Kana, hangul, Cyrillic, Thai… runs inside Chinese text"
    triggers = characters(FOREIGN)
    why = (
        "Japanese or Korean fragments inside a Chinese sentence are usually the residue of a "
        "multilingual page (a menu, a translation toggle) or of a bad encoding guess, and they "
        "pollute a Chinese corpus. Not flagged: a run in brackets or quotes (a name or term "
        "given in its own language, 拉面（ラーメン）), a run right after a label that names it "
        "foreign (乌兹别克斯坦语名：Равшан…, 俄语：, 原名), and a paragraph where the other script "
        "makes up 30% or more of the letters (a whole-language quotation or line; whole "
        "documents in another language are the language family's concern)."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "拉面（ラーメン）是日本的一种面食。",
            "首尔（서울）是韩国首都。",
            "莫斯科（俄语：Москва）是俄罗斯首都。",
            "ありがとうございます。\n这句日语的意思是谢谢。",
            "他的名字写作「さくら」。",
            # dirty corpus cwt_hq_010.txt: a referee's profile
            "家庭：父母、妻子和两个孩子【孩子是一对龙凤胎】 语言：乌兹别克语、俄语、英语 "
            "乌兹别克斯坦语名：Равшан Сайфиддинович Эрматов 执法特点：跑动积极到位，判罚果断"
            "自信，善于利用有利原则让比赛流畅进行，控制比赛能力强。",
        ],
        bad=[
            Bad("我们今天の活动非常成功。", flagged=["の"]),
            Bad("点击这里查看더보기全部内容", flagged=["더보기"]),
            Bad("价格优惠 Скидка 欢迎选购，数量有限，先到先得。", flagged=["Скидка"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not FOREIGN_RUN.search(text):
            return
        for span in doc.paragraphs:
            runs = list(FOREIGN_RUN.finditer(text, span.start, span.end))
            if not runs or other_language(text, span):
                continue
            for match in runs:
                if self._bracketed(text, match.start(), match.end(), span):
                    continue
                if FOREIGN_LABEL.search(text, max(span.start, match.start() - 8), match.start()):
                    continue
                script = next(name for pattern, name in SCRIPT_OF if pattern.match(match[0]))
                yield self.finding(
                    match.start(), match.end(), f"{script} {match[0]!r} inside Chinese text"
                )

    @staticmethod
    def _bracketed(text: str, start: int, end: int, span: Span) -> bool:
        """Whether the run sits inside a bracket or quote pair that opens and closes nearby."""
        before = text[max(span.start, start - BRACKET_LOOKAROUND) : start]
        after = text[end : min(span.end, end + BRACKET_LOOKAROUND)]
        for opener, closer in zip(OPENERS, CLOSERS, strict=True):
            opened = before.rfind(opener)
            if opened != -1 and closer not in before[opened + 1 :] and closer in after:
                return True
        return False
