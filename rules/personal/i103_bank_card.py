"""I103 bank-card-number: payment card numbers that pass the Luhn check, beside a card label."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.prefilter import each_before, literal_led
from cnlint.rules._text.personal_data import (
    DIGIT,
    NUMBER_END,
    NUMBER_START,
    PersonalDataRule,
    digits,
    is_card_number,
    is_resident_id,
    labelled,
    placeholder_options,
    text_before,
)

D = DIGIT
# 15 to 19 digits, whole or in groups of four split by one space or hyphen (6222 0212 …).
CARD = regex(
    NUMBER_START + rf"(?:{D}{{15,19}}|{D}{{4}}([- ])(?:{D}{{4}}\1){{2,3}}{D}{{1,4}})" + NUMBER_END
)
CARD_LABELS = (
    "卡号",
    "银行卡",
    "信用卡",
    "储蓄卡",
    "借记卡",
    "银联卡",
    "账号",
    "帐号",
    "账户",
    "帐户",
    "开户行",
    "收款",
    "汇款",
    "转账",
    "户名",
    "银行",
)
LABEL_WINDOW = 20
PLACEHOLDER = "<银行卡号>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


class BankCardNumber(PersonalDataRule):
    code = "I103"
    name = "bank-card-number"
    kind = "bank card number"
    placeholder = PLACEHOLDER
    summary = "A bank card number (Luhn-valid, a known issuer) after a label such as 卡号 or 账号"
    why = (
        "Card and account numbers in scraped text come from payment requests, donation notices "
        "and leaked forms; with a name they are enough for fraud. A run of 16-19 digits is "
        "common in Chinese text for other reasons (order and waybill numbers, Taobao's 18-19 "
        "digit orders), and one random run in ten passes the Luhn check, so a number counts "
        "only when it has a card issuer's prefix (62 UnionPay, 4 Visa, 51-55 Mastercard …), "
        "passes Luhn, is not a valid resident ID number, and follows a card or account label "
        "(卡号, 银行卡, 账号, 开户行, 收款 …) within 20 characters on its line. Set "
        "`require-label = false` to drop that last condition for corpora of forms and lists."
    )
    options = {**OPTIONS, "require-label": True}
    option_docs = {
        **OPTION_DOCS,
        "require-label": "Report only numbers after a card or account label on the same line.",
    }
    examples = Examples(
        clean=[
            "卡号：6222021234567890123\n",  # fails Luhn
            "淘宝订单号：4000123456789012345，已发货。\n",
            "串码 6222021234567890128\n",  # no card label (see require-label)
            "本次活动共发放了6222021234567890128个积分。\n",
        ],
        bad=[
            Bad(
                "收款账号：6222 0212 3456 7890 128 开户行：工商银行\n",
                fixed="收款账号：<银行卡号> 开户行：工商银行\n",
                flagged=["6222 0212 3456 7890 128"],
            ),
            Bad(
                "信用卡卡号4111111111111111已冻结\n",
                fixed="信用卡卡号<银行卡号>已冻结\n",
                flagged=["4111111111111111"],
                note="Visa's published test number",
            ),
            Bad(
                "串码 6222021234567890128\n",
                fixed="串码 <银行卡号>\n",
                flagged=["6222021234567890128"],
                options={"require-label": False},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        digit_run = each_before("0123456789０１２３４５６７８９", "[0-9０-９]{3}")
        self.prefilter = (
            literal_led(CARD_LABELS) if self.option_values["require-label"] else digit_run
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        need_label = self.option_values["require-label"]
        for match in self.candidates(doc, CARD):
            number = digits(match[0])
            if not is_card_number(number) or is_resident_id(number):
                continue
            if need_label and not labelled(
                text_before(text, match.start(), LABEL_WINDOW), CARD_LABELS
            ):
                continue
            yield self.mask(match.start(), match.end(), "Bank card number")
