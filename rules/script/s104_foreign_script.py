"""S104 foreign-script."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity, Span
from cnlint.chars import characters
from cnlint.patterns import regex
from cnlint.rules._text.damage import damage_of
from cnlint.rules._text.foreign import FOREIGN, FOREIGN_RUN, FOREIGN_SCRIPTS, other_language
from cnlint.rules._text.mojibake import in_debris

SCRIPT_PATTERNS = [(regex(f"[{ranges}]"), name) for name, ranges in FOREIGN_SCRIPTS.items()]
OPENERS = "（(「『【[《〈“‘"
CLOSERS = "）)」』】]》〉”’"
BRACKET_LOOKAROUND = 30
# A label that says the next words are foreign: 乌兹别克斯坦语名：Равшан…, 俄语：…, 原名 ….
FOREIGN_LABEL = regex(r"(?:[语文]名?字?[：:]|(?:原名|本名|全名|外文名)[：:]?)[ \u3000]*$")


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
        "documents in another language are the language family's concern). Nor is encoding "
        "damage: UTF-16 read with its bytes swapped (㈀\u3000\u3100㘀ⴀ, Han, hangul and "
        "private-use characters mixed) and mojibake hold hangul and kana that are no language; "
        "the encoding rules report them (1,423 such findings on one scraped forum file)."
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
        # Mojibake and debris are encoding damage, not a foreign language: UTF-16 with swapped
        # bytes reads as hangul, kana and Han mixed together.
        damage = doc.view(damage_of)
        for span in doc.paragraphs:
            if damage and in_debris(damage, span.start, span.end):
                runs = [
                    m
                    for m in FOREIGN_RUN.finditer(text, span.start, span.end)
                    if not in_debris(damage, m.start(), m.end())
                ]
            else:
                runs = list(FOREIGN_RUN.finditer(text, span.start, span.end))
            if not runs or other_language(text, span):
                continue
            for match in runs:
                if self._bracketed(text, match.start(), match.end(), span):
                    continue
                if FOREIGN_LABEL.search(text, max(span.start, match.start() - 8), match.start()):
                    continue
                script = next(name for pattern, name in SCRIPT_PATTERNS if pattern.match(match[0]))
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
