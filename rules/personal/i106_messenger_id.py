"""I106 messenger-id: QQ numbers and WeChat IDs written after their label (QQ：12345678)."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.prefilter import literal_led
from cnlint.rules._text.personal_data import (
    NUMBER_END,
    UNIT_AFTER,
    PersonalDataRule,
    text_before,
)

# A QQ number: 5 to 11 digits, not from 0, right after QQ (号/号码) and an optional colon.
QQ = regex(
    r"(?:QQ|qq|Qq|ＱＱ|扣扣|企鹅号)[ \t]*(?:号码|号)?[ \t]*[：:]?[ \t]*([1-9][0-9]{4,10})"
    + NUMBER_END
)
# A WeChat ID: a letter then 5-19 letters, digits, - or _ (WeChat's own rule), or a mobile
# number; only after 微信 (号) and a colon, since 微信 is followed by prose far more often.
WECHAT = regex(
    r"(?:微信|微信号|[Ww]e[Cc]hat|[Ww]eixin)[ \t]*(?:号|ID|id)?[ \t]*[：:][ \t]*"
    r"([A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9][0-9]{9})(?![-_A-Za-z0-9])"
)
# An official account (公众号) or a group (QQ群, 微信群) is an organisation's or a crowd's, and a
# group number is a solicitation (A101), not one person's ID.
NOT_PERSONAL_BEFORE = ("公众", "官方", "群")
QQ_PLACEHOLDER = "<QQ号>"
WECHAT_PLACEHOLDER = "<微信号>"


class MessengerId(PersonalDataRule):
    code = "I106"
    name = "messenger-id"
    kind = "messenger ID"
    summary = "A QQ number or WeChat ID after its label: QQ：12345678, 微信号：zhang_san88"
    why = (
        "QQ numbers and WeChat IDs are how Chinese users are reached and identified online; "
        "forum signatures, classifieds and leaked lists are full of them. A bare 5-11 digit "
        "number is anything, so only a number or ID written right after its label counts (QQ, "
        "QQ号, 扣扣, 企鹅号; 微信号 or 微信 with a colon). Not flagged: QQ群 and 微信群 numbers "
        "(groups, reported as solicitations by A101), official accounts (公众号), a version "
        "or a year after QQ (QQ 2012, QQ 9.7), a number with a unit (QQ 300元)."
    )
    fix_note = (
        "Replaces the number or ID, not its label, with <QQ号> or <微信号> (options "
        "`qq-placeholder`, `wechat-placeholder`): unsafe, the text then says less than it did."
    )
    options = {"qq-placeholder": QQ_PLACEHOLDER, "wechat-placeholder": WECHAT_PLACEHOLDER}
    option_docs = {
        "qq-placeholder": "What the unsafe fix writes in place of a QQ number.",
        "wechat-placeholder": "What the unsafe fix writes in place of a WeChat ID.",
    }
    prefilter = literal_led(["QQ", "qq", "Qq", "ＱＱ", "扣扣", "企鹅号", "微信", "WeChat", "Wechat",
                        "weChat", "wechat", "Weixin", "weixin"])  # fmt: skip
    examples = Examples(
        clean=[
            "欢迎加入本站QQ群：123456789\n",
            "关注官方微信公众号（ID号：gdsksy）获取最新消息。\n",
            "QQ 2012 版本已经发布。\n",
            "求问linux qq咋回事，安装需要27g依赖？\n",
        ],
        bad=[
            Bad(
                "有问题请联系 QQ：12345678，非诚勿扰\n",
                fixed="有问题请联系 QQ：<QQ号>，非诚勿扰\n",
                flagged=["12345678"],
            ),
            Bad(
                "微信号：zhang_san88\n",
                fixed="微信号：<微信号>\n",
                flagged=["zhang_san88"],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for pattern, placeholder, what in (
            (QQ, self.option_values["qq-placeholder"], "QQ number"),
            (WECHAT, self.option_values["wechat-placeholder"], "WeChat ID"),
        ):
            for match in pattern.finditer(text):
                start, end = match.span(1)
                if UNIT_AFTER.match(text, end):
                    continue
                label_end = match.start() + len(match[0]) - len(match[0].lstrip())
                around = text_before(text, match.start(), 4) + text[label_end:start]
                if any(word in around for word in NOT_PERSONAL_BEFORE):
                    continue
                yield self.finding(
                    start, end, what, replacement=placeholder, title=f"Mask the {what}"
                )
