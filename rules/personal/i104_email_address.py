"""I104 email-address: e-mail addresses (shenqy@nankai.edu.cn)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.rules._text.personal_data import PersonalDataRule, placeholder_options

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?![A-Za-z0-9\-])"
)
# What follows the @ in a file name written for high-density screens (icon@2x.png) or in a
# package spec (vue@3.2.1) is a file extension, not a top-level domain.
NOT_DOMAINS = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "bmp",
        "ico",
        "css",
        "js",
        "ts",
        "json",
        "mp3",
        "mp4",
        "tgz",
        "zip",
    ]
)
# Addresses reserved for documentation (RFC 2606): examples, not anyone's mailbox.
EXAMPLE_DOMAIN = re.compile(r"@(?:[\w.\-]+\.)?(?:example\.(?:com|org|net)|localhost)$", re.I)
PLACEHOLDER = "<邮箱>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


class EmailAddress(PersonalDataRule):
    code = "I104"
    name = "email-address"
    kind = "e-mail address"
    placeholder = PLACEHOLDER
    summary = "An e-mail address: shenqy@nankai.edu.cn, 12345678@qq.com"
    why = (
        "An e-mail address reaches one person (most Chinese ones are a QQ number @qq.com or a "
        "name at 163.com) and identifies them across sites; datatrove and Data-Juicer mask them "
        "for the same reason. An office's address in a notice is flagged too: it is still an "
        "address, and whether to keep it is the corpus's call (ignore I104 per source). Not "
        "flagged: a retina image or package spec (icon@2x.png, vue@3.2), the documentation "
        "domains example.com/.org/.net, and an @ handle without a domain (@人民日报)."
    )
    options = OPTIONS
    option_docs = OPTION_DOCS
    prefilter = "@"
    examples = Examples(
        clean=[
            "图标文件为 logo@2x.png，请放在 images 目录下。\n",
            "转发微博并@人民日报，即可参与抽奖。\n",
            "示例：user@example.com\n",
        ],
        bad=[
            Bad(
                "咨询电话：020-82666666电子邮箱：hsxyzsb@163.com学校网址：zs.gdhsc.edu.cn\n",
                fixed="咨询电话：020-82666666电子邮箱：<邮箱>学校网址：zs.gdhsc.edu.cn\n",
                flagged=["hsxyzsb@163.com"],
                note="dirty corpus uninews_001.txt",
            ),
            Bad(
                "电子邮件：shenqy@nankai.edu.cn\n",
                fixed="电子邮件：<邮箱>\n",
                flagged=["shenqy@nankai.edu.cn"],
                note="dirty corpus, a conference notice of Nankai University",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in EMAIL.finditer(doc.text):
            if match[1].lower() in NOT_DOMAINS or EXAMPLE_DOMAIN.search(match[0]):
                continue
            yield self.mask(match.start(), match.end(), "E-mail address")
