"""I102 resident-id-number: 18-digit resident ID numbers (and 15-digit old ones when labelled)."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.prefilter import each_before
from cnlint.rules._text.personal_data import (
    DIGIT,
    NUMBER_END,
    NUMBER_START,
    PersonalDataRule,
    digits,
    is_old_resident_id,
    is_resident_id,
    labelled,
    placeholder_options,
    text_before,
)

D = DIGIT
ID18 = regex(NUMBER_START + rf"{D}{{17}}[0-9０-９Xx]" + NUMBER_END)
ID15 = regex(NUMBER_START + rf"{D}{{15}}" + NUMBER_END)
# The old 15-digit form has no check digit: a 15-digit run is one only beside such a label.
ID_LABELS = ("身份证", "证件号", "身份号码", "公民身份", "身份证号", "ID号")
PLACEHOLDER = "<身份证号>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


class ResidentIdNumber(PersonalDataRule):
    code = "I102"
    name = "resident-id-number"
    kind = "resident ID number"
    placeholder = PLACEHOLDER
    summary = "A resident ID number (居民身份证号) with a valid region, birth date and checksum"
    why = (
        "A resident ID number names one person for life and, with a name, opens bank accounts "
        "and phone contracts; leaked lists and forms with 身份证号 are a classic of scraped "
        "Chinese pages. An 18-character number is flagged only when all of GB 11643-1999 holds: "
        "a province code (11-65, 71, 81-83), a real birth date (1880 to today) and the MOD 11-2 "
        "check character, which one random 18-digit string in eleven passes after the other "
        "two; order numbers, timestamps and card numbers fail. The old 15-digit form has no "
        "check digit, so it counts only after a label (身份证, 证件号 …) within a few "
        "characters. Sample numbers in this rule's examples are the standard's own."
    )
    options = OPTIONS
    option_docs = OPTION_DOCS
    prefilter = each_before("0123456789０１２３４５６７８９", "[0-9０-９]{14}")
    examples = Examples(
        clean=[
            # A number with a valid region and date whose check character is wrong.
            "身份证号：110105194912310021\n",
            "订单编号202109170831260015，下单时间2021-09-17 08:31:26。\n",
            "流水号 320102198001011234 已入账。\n",
            "准考证号：441900200108150012\n",
        ],
        bad=[
            Bad(
                "身份证号码：11010519491231002X，请核对。\n",
                fixed="身份证号码：<身份证号>，请核对。\n",
                flagged=["11010519491231002X"],
                note="GB 11643-1999's sample number",
            ),
            Bad(
                "持证人 440524188001010014 已登记。\n",
                fixed="持证人 <身份证号> 已登记。\n",
                flagged=["440524188001010014"],
                note="GB 11643-1999's second sample number",
            ),
            Bad(
                "原身份证号：110105491231002\n",
                fixed="原身份证号：<身份证号>\n",
                flagged=["110105491231002"],
                note="the 15-digit form of the same sample",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in self.candidates(doc, ID18):
            if is_resident_id(digits(match[0][:17]) + match[0][17].translate(_ASCII)):
                yield self.mask(match.start(), match.end(), "Resident ID number")
        for match in self.candidates(doc, ID15):
            if is_old_resident_id(digits(match[0])) and labelled(
                text_before(text, match.start()), ID_LABELS
            ):
                yield self.mask(match.start(), match.end(), "Resident ID number (15-digit form)")


_ASCII = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789xX")
