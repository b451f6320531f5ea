"""I104 email-address: e-mail addresses (shenqy@nankai.edu.cn)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.rules._text.personal_data import PersonalDataRule, placeholder_options, text_before
from cnlint.rules._text.phrases import PHRASE_OPTION_DOCS, PHRASE_OPTIONS, configured_phrases

EMAIL = regex(
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
EXAMPLE_DOMAIN = regex(r"@(?:[\w.\-]+\.)?(?:example\.(?:com|org|net)|localhost)$", re.I)
# An address given as an office's channel, in the same line before it: 咨询电话…电子邮箱,
# 监督电话…邮箱, 意见反馈：… (an admissions office's or an app's mailbox, not a person's).
OFFICE_CONTEXT = regex(r"咨询|监督|投诉|举报|客服|招生|办公室|热线|官方|联系我们|反馈")
OFFICE_WINDOW = 30
PLACEHOLDER = "<邮箱>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


class EmailAddress(PersonalDataRule):
    code = "I104"
    name = "email-address"
    kind = "e-mail address"
    placeholder = PLACEHOLDER
    summary = "A person's e-mail address: shenqy@nankai.edu.cn, 12345678@qq.com"
    why = (
        "An e-mail address reaches one person (most Chinese ones are a QQ number @qq.com or a "
        "name at 163.com) and identifies them across sites; datatrove and Data-Juicer mask "
        "every address for that reason. Like a public hotline, an organisation's published "
        "mailbox is not personal data, so these are left alone: a role or list name "
        "(webmaster@, info@, bug-groff@, samba-bugs@, perl5-porters@; "
        "`rules/data/email-role-names.txt`, extended with `extra-phrases`), an address after "
        "an office's label on its line (咨询, 监督, 投诉, 客服, 招生, 办公室, 反馈 …: an "
        "admissions office's 电子邮箱), the documentation domains example.com/.org/.net, a "
        "retina image or package spec (icon@2x.png, vue@3.2) and an @ handle without a domain "
        "(@人民日报)."
    )
    options = {**OPTIONS, **PHRASE_OPTIONS}
    option_docs = {
        **OPTION_DOCS,
        "extra-phrases": "Role names added to the built-in list (data/email-role-names.txt).",
        "phrases-file": PHRASE_OPTION_DOCS["phrases-file"],
    }
    prefilter = "@"
    examples = Examples(
        clean=[
            "图标文件为 logo@2x.png，请放在 images 目录下。\n",
            "转发微博并@人民日报，即可参与抽奖。\n",
            "示例：user@example.com\n",
            # dirty corpus uninews_001.txt: an admissions office's published mailbox
            "咨询电话：020-82666666电子邮箱：hsxyzsb@163.com学校网址：zs.gdhsc.edu.cn\n",
            # quality benchmark, Debian manpages-zh groff.1: a bug-report list
            "报错误报告给 bug-groff@gnu.org。\n",
        ],
        bad=[
            Bad(
                "[中文版维护人]\n徐明 <xuming@users.sourceforge.net>\n",
                fixed="[中文版维护人]\n徐明 <<邮箱>>\n",
                flagged=["xuming@users.sourceforge.net"],
                note="quality benchmark, Debian manpages-zh basename.3: the translator",
            ),
            Bad(
                "电子邮件：shenqy@nankai.edu.cn\n",
                fixed="电子邮件：<邮箱>\n",
                flagged=["shenqy@nankai.edu.cn"],
                note="dirty corpus, a conference notice of Nankai University",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        roles = [r.lower() for r in configured_phrases("email-role-names", self.option_values)]
        self.role_names = frozenset(r for r in roles if "-" not in (r[0], r[-1]))
        self.role_prefixes = tuple(r for r in roles if r.endswith("-"))
        self.role_suffixes = tuple(r for r in roles if r.startswith("-"))

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in EMAIL.finditer(text):
            if match[1].lower() in NOT_DOMAINS or EXAMPLE_DOMAIN.search(match[0]):
                continue
            if self.is_role(match[0].split("@", 1)[0].lower()):
                continue
            if OFFICE_CONTEXT.search(text_before(text, match.start(), OFFICE_WINDOW)):
                continue
            yield self.mask(match.start(), match.end(), "E-mail address")

    def is_role(self, local: str) -> bool:
        """A local part that names a role or a mailing list (webmaster, bug-groff, samba-bugs)."""
        return (
            local in self.role_names
            or local.startswith(self.role_prefixes)
            or local.endswith(self.role_suffixes)
        )
