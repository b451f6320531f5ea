"""B105 photo-caption."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety
from cnlint.patterns import regex
from cnlint.rules._text.credits import NAMES, ROLE, SURNAME
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import DECORATION, core_start, has_sentence_mark, line_cores

# Newspapers pad a two-character name to the width of three (新华社记者  张  铎摄).
PADDED_NAME = rf"{SURNAME}[ \u3000]{{1,2}}[\u4e00-\u9fff]"
CREDITED = rf"(?:{NAMES}|{PADDED_NAME})"
# The photographer's mark: 摄, 摄影, 拍摄, after a slash too (林涛／摄), then the agency the
# photo came through in brackets (石  一摄（人民视觉）).
PHOTO_CREDIT = (
    rf"(?:{ROLE}\s*)?{CREDITED}\s*(?:[/／]\s*)?(?:摄影|拍摄|摄|攝|供图)"
    r"(?:\s*[（(][\u4e00-\u9fff]{2,8}[)）])?"
)
# 记者马俊峰/文 受访者供图: the writer's credit, then where the photo came from.
WRITER = rf"{ROLE}\s*{NAMES}\s*[/／]\s*文"
PHOTO_SOURCE = r"(?:受访者|网络|资料|[\u4e00-\u9fff]{2,8})?供图"
# The agency that distributed the photo goes with the credit: 新华社发（张春雷 摄）.
AGENCY = "(?:新华社|中新社|中新网|新华网|人民网|央视网|本报)发"
CREDIT_LINE = regex(
    rf"[(（]?\s*(?:{PHOTO_CREDIT}|{WRITER}\s*(?:{PHOTO_CREDIT}|{PHOTO_SOURCE})?"
    rf"|(?:资料图片?|资料照片)?\s*{PHOTO_SOURCE}|{AGENCY})\s*[)）]?"
)
CREDIT_MARK = regex("[摄攝/／]|供图|社发|网发|本报发")  # every CREDIT_LINE holds one


def is_credit_line(core: str) -> bool:
    return CREDIT_MARK.search(core) is not None and CREDIT_LINE.fullmatch(core) is not None


CAPTION_TAIL = regex(
    rf"(?:[ \t\u3000]*(?:{AGENCY})?[(（]\s*{PHOTO_CREDIT}\s*[)）]|[ \t\u3000]+{PHOTO_CREDIT})$"
)
# 资料图：… labels a stock photo; without the colon 资料图 is a word in a sentence. A label
# of the picture (图片：…, 照片说明：…, 图片来源：…) heads a caption or an image credit.
CAPTION_HEAD = regex(
    r"(?:图为|上图|下图|左图|右图|图注|题图)[：:为]?|资料(?:图片?|照片)[：:]"
    r"|(?:图片|照片|配图|插图|组图|图)(?:说明|来源|提供|出处|作者)?[：:]"
)
# 图为 opens a caption or one of its sentences (…秩序。图为7月27日…); inside a word (试图为,
# 力图为, 地图为) it is prose.
SAYS_PICTURE = regex(r"(?:^|[。！？!?\s])图为")
# An image credit in other words: a picture noun and where it came from, on a short line
# (图片选自《…》, （配图由受访者提供）, ▲… 图片来源：东方IC).
PICTURE = "(?:图片|照片|配图|插图|组图|资料图)"
IMAGE_CREDIT = regex(rf"{PICTURE}[^，。！？]{{0,12}}?(?:来源|提供|选自|来自|取自|翻拍)")
MAX_IMAGE_CREDIT = 40
SENTENCE_END = regex("[。！？!?]")
# A placeholder where the picture was: a line that is only （图）, 【附图】, [图片], 附图片; or
# （图） ending a caption line.
PLACEHOLDER_WORD = r"(?:附|配|组)?(?:图片?|照片|插图)(?:\d{1,2})?"
PLACEHOLDER_LINE = regex(PLACEHOLDER_WORD)
PLACEHOLDER_TAIL = regex(r"[（(\[【]\s*(?:附|配)?图片?\s*[)）\]】]$")
PLACEHOLDER_CLOSERS = frozenset(")）]】")  # how a line ending in a placeholder ends
CREDIT_REACH = 80  # a credit at the end of a line is never longer than this
# What a line that is a caption, a credit or a placeholder itself always holds: a
# photographer's mark (摄 攝 / ／ 供图, or 发 of 社发 网发 本报发: CREDIT_MARK) or a picture word
# (图 照: every caption head, placeholder and image credit above names one).
LINE_MARK = regex("[摄攝/／供发图照]")
CAPTION_HEAD_REACH = 300  # longest line opening with 图为 that is taken for a caption


def after_sentences(core: str) -> str:
    """What follows the line's last sentence: where a credit stands after a caption (…补贴。
    图片来源：…); 这些照片由他的家人提供。 is a sentence about photos."""
    ends = [match.end() for match in SENTENCE_END.finditer(core)]
    return core[ends[-1] :] if ends else core


def caption_tail(core: str) -> tuple[int, int] | None:
    """Where a photo credit ends the line (…打扫卫生(王建党 摄)), as offsets into ``core``."""
    start = max(0, len(core) - CREDIT_REACH)
    if "摄" not in core[start:] and "攝" not in core[start:] and "供图" not in core[start:]:
        return None
    match = CAPTION_TAIL.search(core, start)
    return (match.start(), match.end()) if match else None


# dirty corpus cngov_lz_001.txt, line 7: the article's last paragraph, then the photo credit.
ATTENDEES = (
    "浙江省委副书记郑栅洁，省委常委、秘书长陈金彪，副省长彭佳学，农业农村"
    "部党组副书记、副部长余欣荣，农业农村部副部长于康震，中国农业科学院党"
    "组书记张合成，农业农村部总农艺师马爱国等出席座谈会。"
)


class PhotoCaption(LineRule):
    code = "B105"
    name = "photo-caption"
    summary = "Photo captions and credits: 讲座现场 / 高淑芳 摄; …打扫卫生(王建党 摄)"
    why = (
        "A caption describes a picture the corpus does not have; scraped into the text it "
        "interrupts the article, often in the middle of a sentence (seed 004: 彰德 ⏎ caption ⏎ "
        "路64号院). Flagged: a photo credit alone (高淑芳 摄, 林涛／摄, 新华社发, a padded name "
        "新华社记者  张  铎摄, an agency after it 石  一摄（人民视觉）), a short line that ends "
        "with one (…接受军事训练。 高淑芳 摄), a paragraph that ends with one and says 图为 at "
        "the start of a sentence (seed 004:109), a line opening with 图为/上图 or a picture's "
        "label (图片：…, 照片说明：…, 图片来源：…, 资料图：…), a short line naming where a "
        "picture came from (图片选自《…》, （配图由受访者提供）), a placeholder where the picture "
        "was (（图）, 【附图】, alone on its line or ending a caption), and a short unpunctuated "
        "line right above a credit line (讲座现场). A long paragraph that merely ends with a "
        "credit (…等出席座谈会。（韦科 摄）) is article text: only its credit is flagged, also "
        "when a word in it holds 图为 (蓝图为, 试图为)."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the caption line with its newline, or deletes only the credit at the end of an "
        "article paragraph. Unsafe: some captions carry facts the article does not repeat."
    )
    options: ClassVar[dict] = {"max-title-chars": 20, "max-caption-chars": 80}
    option_docs: ClassVar[dict] = {
        "max-title-chars": "Longest unpunctuated line above a credit that counts as its caption.",
        "max-caption-chars": (
            "Longest line ending in a credit that is dropped whole as a caption (unless it says "
            "图为); on a longer one only the credit is flagged and deleted."
        ),
    }
    # Every finding holds a photographer's mark, a picture word (图, 照片) or an agency's 发.
    triggers = ("摄", "攝", "图", "圖", "照片", "社发", "网发", "本报发")
    examples = Examples(
        clean=[
            "他拿起相机拍摄了一张照片。\n",
            "摄影爱好者王明说，这里的风景很美。\n",
            # benchmark corpus, ted-subtitles DanGibson_c346710d: 图为 inside a word
            "继2003年国际社会共同协作， 以识别人类完整 基因蓝图为目标的 人类基因组计划后。\n",
        ],
        bad=[
            Bad(
                "正文。\n\n讲座现场\n\n高淑芳 摄\n\n正文。\n",
                fixed="正文。\n\n\n\n正文。\n",
                flagged=["讲座现场\n", "高淑芳 摄\n"],
                note="seed 001, lines 129 and 131",
            ),
            Bad(
                "彰德\n救援人员帮助打扫卫生(王建党 摄)\n路64号院的居民高兴地欢呼。\n",
                fixed="彰德\n路64号院的居民高兴地欢呼。\n",
                flagged=["救援人员帮助打扫卫生(王建党 摄)\n"],
                note="seed 004, line 129",
            ),
            Bad(
                "现场体验实弹射击,接受军事训练。 高淑芳 摄\n正文。\n",
                fixed="正文。\n",
                flagged=["现场体验实弹射击,接受军事训练。 高淑芳 摄\n"],
            ),
            Bad("图为7月27日，青年志愿者帮助打扫卫生。\n正文。\n", fixed="正文。\n"),
            Bad(
                "资料图：无性婚姻能走多远？\n正文。\n",
                fixed="正文。\n",
                flagged=["资料图：无性婚姻能走多远？\n"],
                note="dirty corpus webextract_009.txt, line 1",
            ),
            Bad(
                "　　图片选自《2012中国环境状况公报》\n　　环境保护部6月4日发布公报。\n",
                fixed="　　环境保护部6月4日发布公报。\n",
                note="benchmark corpus, People's Daily 2013 00000023, line 5",
            ),
            Bad(
                "　　图为在匈牙利中部的陶塔尔森特哲尔吉射击场，中国参赛选手在比赛。\n"
                "　　新华社发\n",
                fixed="",
                note="benchmark corpus, People's Daily 2013 00000112, lines 4-5",
            ),
            Bad(
                ATTENDEES + "（韦科 摄）\n",
                fixed=ATTENDEES + "\n",
                flagged=["（韦科 摄）"],
                note="dirty corpus cngov_lz_001.txt, line 7: article text, only the credit goes",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        cores = doc.view(line_cores)
        lines = [index for index, core in enumerate(cores) if core]
        limit = self.option_values["max-title-chars"]
        for position, index in enumerate(lines):
            core = cores[index]
            # Most lines hold none of the marks: one search instead of every test below.
            finding = self._marked(doc, index, core) if LINE_MARK.search(core) else None
            if finding is not None:
                yield finding
            elif (
                len(core) <= limit
                and not has_sentence_mark(core)
                and position + 1 < len(lines)
                and is_credit_line(cores[lines[position + 1]])
            ):
                yield self.drop(doc, index, f"Caption above a photo credit {core!r}")

    def _marked(self, doc: Document, index: int, core: str) -> Finding | None:
        """The finding on a line that is a caption, a credit or a placeholder itself."""
        tail = caption_tail(core)
        longest = self.option_values["max-caption-chars"]
        if tail and len(core) > longest and not SAYS_PICTURE.search(core):
            return self._credit_only(doc, index, tail)
        if tail or is_credit_line(core):
            return self.drop(doc, index, f"Photo caption or credit {core!r}")
        if CAPTION_HEAD.match(core) and len(core) <= CAPTION_HEAD_REACH:
            return self.drop(doc, index, f"Photo caption {core!r}")
        # A sentence mark is not decoration: a line holding one is never only a placeholder.
        if not has_sentence_mark(core) and PLACEHOLDER_LINE.fullmatch(DECORATION.sub("", core)):
            return self.drop(doc, index, f"Image placeholder {core!r}")
        if len(core) <= MAX_IMAGE_CREDIT and IMAGE_CREDIT.search(after_sentences(core)):
            return self.drop(doc, index, f"Image credit {core!r}")
        if core[-1] in PLACEHOLDER_CLOSERS and PLACEHOLDER_TAIL.search(core):
            return self._placeholder_only(doc, index, core)
        return None

    def _placeholder_only(self, doc: Document, index: int, core: str) -> Finding:
        marker = PLACEHOLDER_TAIL.search(core)
        # The spaces before the marker go with it: the line must not end in whitespace.
        start = core_start(doc, index) + len(core[: marker.start()].rstrip())
        end = core_start(doc, index) + marker.end()
        return self.finding(
            start,
            end,
            f"Image placeholder {marker[0]!r} after a caption or headline",
            edits=[Edit(start, end, "")],
            title="Delete the placeholder",
        )

    def _credit_only(self, doc: Document, index: int, tail: tuple[int, int]) -> Finding:
        offset = core_start(doc, index)
        start, end = offset + tail[0], offset + tail[1]
        credit = doc.text[start:end].strip()
        return self.finding(
            end - len(credit),
            end,
            f"Photo credit {credit!r} at the end of a paragraph",
            edits=[Edit(start, end, "")],
            title="Delete the credit",
        )
