"""I105 ip-address: public IPv4 and IPv6 addresses (off by default)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding
from cnlint.patterns import regex
from cnlint.prefilter import each_before
from cnlint.rules._text.personal_data import PersonalDataRule, placeholder_options, text_before

OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4 = regex(rf"(?<![0-9A-Za-z.]){OCTET}(?:\.{OCTET}){{3}}(?![0-9A-Za-z]|\.[0-9])")
IPV6 = regex(r"(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])")
# A dotted number after one of these is a version (v1.2.3.4, 版本 10.0.19041.1).
VERSION_LABELS = regex(r"(?:[vV]|版本|版本号|[Vv]ersion|[Vv]er\.?|build|Build)\s*[：:]?\s*$")
# Public DNS resolvers: every tutorial names them; they are services, not anyone's address.
PUBLIC_RESOLVERS = [
    "8.8.8.8",
    "8.8.4.4",
    "1.1.1.1",
    "1.0.0.1",
    "114.114.114.114",
    "114.114.115.115",
    "223.5.5.5",
    "223.6.6.6",
    "119.29.29.29",
    "180.76.76.76",
    "9.9.9.9",
]
PLACEHOLDER = "<IP地址>"
OPTIONS, OPTION_DOCS = placeholder_options(PLACEHOLDER)


def public_address(text: str) -> bool:
    """A global unicast address (not private, loopback, link-local, reserved or documentation)."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return address.is_global and not address.is_multicast


def looks_like_ipv6(text: str) -> bool:
    """Eight groups, or a :: with at least three groups around it, and a digit somewhere: Perl
    and C++ names (B::CC, std::map) and times (12:30:45) are not addresses."""
    groups = [group for group in text.split(":") if group]
    if not any(char.isdigit() for char in text):
        return False
    return len(groups) == 8 or ("::" in text and len(groups) >= 3)


class IpAddress(PersonalDataRule):
    code = "I105"
    name = "ip-address"
    kind = "IP address"
    placeholder = PLACEHOLDER
    summary = "A public IPv4 or IPv6 address: 123.125.71.38"
    why = (
        "A home or phone IP address locates a person and is personal data under PIPL and GDPR; "
        "forum posts and leaked logs carry them. In scraped Chinese text most addresses are "
        "not anyone's, though: servers, mirrors and routers in tutorials. So the rule is off by "
        "default (select I105 for comment and log corpora) and skips what is never personal: "
        "private, loopback, link-local, reserved and documentation ranges (192.168.1.1, "
        "127.0.0.1, 203.0.113.5), the public DNS resolvers (8.8.8.8, 114.114.114.114, "
        "option `allow`), a version after v or 版本, and a numbering whose parts are all single "
        "digits (3.1.2.1)."
    )
    default_enabled = False
    options = {**OPTIONS, "allow": PUBLIC_RESOLVERS}
    option_docs = {**OPTION_DOCS, "allow": "Addresses never flagged (public services)."}
    prefilter = "|".join(
        [
            each_before("0123456789", r"\x2e[0-9]{1,3}\x2e[0-9]{1,3}\x2e[0-9]"),
            r"\x3a[0-9A-Fa-f]*\x3a",
        ]
    )
    examples = Examples(
        clean=[
            "在浏览器输入192.168.1.1进入路由器管理页面。\n",
            "把DNS改成114.114.114.114后网页打开快多了。\n",
            "升级到版本 10.0.19041.1 之后问题消失。\n",
            "3.1.2.1 总体要求\n",
            "比赛时间为12:30:45。\n",
            # Debian manpages-zh, perlcompile.7: Perl module names.
            "B::C 模块只是把解释和它的状态存入C程序中， B::CC 模块生成的是不包含解释器的C 程序。\n",
        ],
        bad=[
            Bad(
                "楼主IP：123.125.71.38 发表于 2012-06-12\n",
                fixed="楼主IP：<IP地址> 发表于 2012-06-12\n",
                flagged=["123.125.71.38"],
            ),
            Bad(
                "来自 240e:3b0:1234:5678::1 的访问\n",
                fixed="来自 <IP地址> 的访问\n",
                flagged=["240e:3b0:1234:5678::1"],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        allow = set(self.option_values["allow"])
        for match in IPV4.finditer(text):
            address = match[0]
            if address in allow or all(len(part) == 1 for part in address.split(".")):
                continue
            if VERSION_LABELS.search(text_before(text, match.start())):
                continue
            if public_address(address):
                yield self.mask(match.start(), match.end(), "IP address")
        for match in IPV6.finditer(text):
            address = match[0]
            if address in allow or not looks_like_ipv6(address):
                continue
            if public_address(address):
                yield self.mask(match.start(), match.end(), "IP address")
