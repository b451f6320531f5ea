"""What the personal-data rules share: digits, the mask fix, labels, allow lists, validators.

Every rule here finds one kind of personal data with a regular expression, then keeps only the
matches that pass the kind's own validation (a checksum, a date, a number plan) and are not
something else that looks alike: an order number, a price, an ISBN, a timestamp, a public
hotline. Its fix replaces the match with a placeholder naming the kind (``<手机号>``): unsafe,
because masking changes what the text says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import ClassVar

from cnlint import Document, Finding, FixSafety, Rule, Severity
from cnlint.patterns import LazyPattern, regex

# ASCII and full-width digits: E107's safe fix turns １３８… into 138…, so a number written in
# full-width digits is reported before that fix as well as after it.
DIGIT = "[0-9\uff10-\uff19]"
TO_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A number is a number of its own only when no digit, letter or decimal point continues it on
# either side: 13812345678 inside SN13812345678X, 3.13812345678 or a longer run is not one.
# A slash, = or & before it puts it in a URL or a query string.
NUMBER_START = r"(?<![0-9\uff10-\uff19A-Za-z\uff21-\uff3a\uff41-\uff5a_./=&@\\-])"
NUMBER_END = r"(?![0-9\uff10-\uff19A-Za-z\uff21-\uff3a\uff41-\uff5a_@\\-]|[./][0-9A-Za-z])"
# What a number right before or after a unit is: an amount, a count, a quantity.
UNIT_AFTER = regex(r"\s?[元万亿千百美円块角分圆人次个件张股吨米克斤台辆天年月日届期条页字部倍秒]")
MONEY_BEFORE = regex(r"[￥¥$＄]\s?$")
# Labels that make a number an identifier of a thing, not of a person, when the number follows
# right after them (号, 码, 为, a colon, # or spaces between): 订单号：13812345678 is an order,
# while 订单号码传真至：010-59222799 gives a fax number after an order's label.
THING_LABEL = regex(
    r"(?:订单|单号|编号|流水号|运单|快递|货号|型号|序列号|序号|条码|条形码|ISBN|isbn|批号|批次"
    r"|准考证|考号|学号|工号|文号|专利号|申请号|合同号|发票号|交易号|商品|ID|id)"
    r"[号码为是：:#＃\s]{0,4}$"
)
LABEL_WINDOW = 12


def digits(text: str) -> str:
    """The digits of a number as ASCII, separators dropped (１３８-1234 → 1381234)."""
    return re.sub(r"\D", "", text.translate(TO_ASCII_DIGITS))


def text_before(text: str, start: int, window: int = LABEL_WINDOW) -> str:
    """Up to ``window`` characters before ``start``, on the same line."""
    before = text[max(0, start - window) : start]
    return before.rsplit("\n", 1)[-1]


def labelled(before: str, labels: Iterable[str]) -> bool:
    return any(label in before for label in labels)


def is_amount(text: str, start: int, end: int) -> bool:
    """A number written as money (￥…) or followed by a unit (…元, …人次)."""
    return bool(MONEY_BEFORE.search(text[max(0, start - 2) : start])) or bool(
        UNIT_AFTER.match(text, end)
    )


def allowed(number: str, allow: Iterable[str]) -> bool:
    """A number on the allow list: an entry equal to its digits, or ending in ``*`` and a
    prefix of them (``400*``)."""
    for entry in allow:
        entry = digits(entry) + ("*" if str(entry).endswith("*") else "")
        if entry.endswith("*"):
            if number.startswith(entry[:-1]):
                return True
        elif number == entry:
            return True
    return False


# GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits; the remainder picks the check
# character.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
# The provinces of GB/T 2260 (11 Beijing … 65 Xinjiang), 71 Taiwan, 81 Hong Kong, 82 Macao, and
# 83 for the residence permits of Taiwan residents.
PROVINCE_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
PROVINCES = frozenset(str(code) for low, high in PROVINCE_RANGES for code in range(low, high + 1))


def valid_birth_date(year: int, month: int, day: int) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(1880, 1, 1) <= born <= date.today()


def valid_region(number: str) -> bool:
    return number[:2] in PROVINCES and number[2:6] != "0000"


def check_character(first17: str) -> str:
    return CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def is_resident_id(number: str) -> bool:
    """An 18-character number whose region, birth date and check character are valid."""
    number = number.upper()
    if len(number) != 18 or not valid_region(number):
        return False
    if not valid_birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14])):
        return False
    return check_character(number[:17]) == number[17]


def is_old_resident_id(number: str) -> bool:
    """A 15-digit number of the 1989 form: region and a birth date in 19YYMMDD."""
    if len(number) != 15 or not valid_region(number):
        return False
    return valid_birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))


# Issuer prefixes: UnionPay (62, and 60/9558-9559 of older Chinese debit cards), Visa (4),
# Mastercard (51-55, 2221-2720), JCB (35), American Express (34, 37), Discover (6011, 65).
ISSUER = regex(r"62|60|955[89]|4|5[1-5]|2[2-7]|35|3[47]|6011|65")


def luhn_valid(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_card_number(number: str) -> bool:
    """A known issuer's prefix, a card's length (15 only for American Express) and Luhn."""
    if not 15 <= len(number) <= 19 or not ISSUER.match(number):
        return False
    if len(number) == 15 and not number.startswith(("34", "37")):
        return False
    return luhn_valid(number)


class PersonalDataRule(Rule):
    """A rule that reports one kind of personal data and masks it with a placeholder."""

    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    kind: ClassVar[str]
    placeholder: ClassVar[str]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "placeholder" in vars(cls):
            cls.fix_note = (
                f"Replaces the {cls.kind} with the placeholder {cls.placeholder} (option "
                "`placeholder`): unsafe, since the text then says less than it did."
            )

    def mask(self, start: int, end: int, message: str) -> Finding:
        return self.finding(
            start,
            end,
            message,
            replacement=self.option_values["placeholder"],
            title=f"Mask the {self.kind}",
        )

    def candidates(self, doc: Document, pattern: LazyPattern) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` that are not amounts and have no thing's label before them."""
        text = doc.text
        for match in pattern.finditer(text):
            start, end = match.span()
            if is_amount(text, start, end) or THING_LABEL.search(text_before(text, start)):
                continue
            yield match


def placeholder_options(placeholder: str) -> tuple[dict, dict]:
    """The ``placeholder`` option every personal-data rule has, with its doc line."""
    return (
        {"placeholder": placeholder},
        {"placeholder": "What the unsafe fix writes in place of the match."},
    )
