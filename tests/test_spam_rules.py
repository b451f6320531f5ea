"""Spam and ads rules (A): their phrase lists, what counts as contact details, real text."""

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules._text.contacts import PHONE_LIKE
from cnlint.rules.spam import ContactSolicitation, KeywordStuffing, PromotionalLine
from cnlint.testing import findings_of, fixed_text

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, need


def test_phone_like_numbers_are_not_amounts_or_dates():
    assert PHONE_LIKE.search("代开发票 13812345678")
    assert PHONE_LIKE.search("电话 1 3 8-1234-5678")
    for text in ("涉案金额达30000000元", "2021-09-17 08:31:26", "共1234567人次"):
        assert not PHONE_LIKE.search(text), text


def test_a_channel_needs_an_id_after_it():
    assert not findings_of(ContactSolicitation, "微信（WeChat）是腾讯公司推出的应用\n")
    assert not findings_of(
        ContactSolicitation, "请随时关注东营公共交通微信公众号、东营智慧公交手机APP\n"
    )
    assert findings_of(ContactSolicitation, "扣扣：2 8 6 7 5 4 3 1\n")


def test_phrase_lists_extend_and_replace_from_config(tmp_path):
    line = "专业代写论文 QQ：12345678\n"
    assert not findings_of(PromotionalLine, line)
    assert findings_of(PromotionalLine, line, {"extra-phrases": ["代写论文"]})
    own = tmp_path / "promotions.txt"
    own.write_text("# ours only\n代写论文\n", encoding="utf-8")
    assert findings_of(PromotionalLine, line, {"phrases-file": str(own)})
    assert not findings_of(PromotionalLine, "代开发票 13812345678\n", {"phrases-file": str(own)})
    channels = tmp_path / "channels.txt"
    channels.write_text("飞机号\n", encoding="utf-8")
    assert findings_of(ContactSolicitation, "飞机号：abc12345\n", {"phrases-file": str(channels)})


def test_a_promotion_needs_contact_details_on_its_line():
    report = "警方破获一起网络六合彩赌博案\n举报电话：13812345678\n"
    assert not findings_of(PromotionalLine, report)


def test_fixes_drop_only_the_flagged_line():
    text = "第一段正文。\n代开发票 13812345678 微信同号\n第二段正文。\n"
    assert fixed_text(PromotionalLine, text) == "第一段正文。\n第二段正文。\n"


def test_keyword_stuffing_needs_the_keyword_as_an_item():
    assert KeywordStuffing.stuffed_keyword("减肥药 减肥药哪个好 减肥药排行榜 减肥药副作用", 4)
    assert not KeywordStuffing.stuffed_keyword("北京大学、清华大学、复旦大学、浙江大学", 4)
    assert not KeywordStuffing.stuffed_keyword("减肥药 减肥药哪个好 减肥药排行榜", 4)
    assert not KeywordStuffing.stuffed_keyword("减肥药 运动 饮食 睡眠 心情 作息", 4)


def test_real_corpora_are_silent():
    # The shared dirty and clean corpora hold forum posts, news, notices and novels, and no
    # spam lines: every A finding there would be a false positive.
    linter = Linter(Config(select=("A",)))
    for folder in (need(DIRTY_CORPUS), need(CLEAN_CORPUS)):
        for path in sorted(folder.glob("*.txt")):
            for doc in read_text_file(path).documents:
                assert not linter.lint(doc), path.name


# Real lines from public GitHub repositories (READMEs, code comments, UI strings; found through
# the code index, cited by its file id; personal IDs replaced by samples): solicitations, and
# lines that only describe the formats.
REAL_SOLICITATIONS = [
    # 36031413037: an app store description
    "客服：电话400-0611-800；QQ群：199512527 意见反馈：app@tuan800.com官方微博微信同步搜索：折800",
    # 12026734492: a chat message in a demo app
    "五一过的太无聊了。还是好好写代码吧。给大家推荐一个群,Android开发联盟QQ群：272209595",
    "//  交流QQ群：234762506",  # 2501627467: a file header
    # 71564516842: a web page, the number inside a tag
    "诚邀您加入用户交流群（QQ群：<strong>1107151131</strong>）。",
    "学习交流QQ群：757159644 （群文件有配套注册机工具）",  # 26232440602: a README
    # 4941260032: a README's first line
    "程序员技术交流、面试、职场、生活、游戏，综合讨论QQ群：387017550，群内经常发红包，欢迎加入",
    "QQ群：①133713780、②146013835",  # 45637604752: a toast message
    "微信号：jiayi_health（备注：365会员）",  # 56674420123: payment instructions
    "微信号：wxid_abcdefgh1234 (点击查看二维码)",  # 35892745978: a customer-service page
    "欢迎加微信 abc0314 聊一聊技术、人生，本人微信公众号：小熊写字的地方",  # 10360383522
]
REAL_FORMAT_NOTES = [
    "* 微信号：6-20位，字母开头，允许字母、数字、减号、下划线",  # 40997149798: a regex's comment
    "* QQ号：5-11位数字",
]


def test_real_solicitations_are_found_and_format_notes_left_alone():
    found = [line for line in REAL_SOLICITATIONS if findings_of(ContactSolicitation, line + "\n")]
    assert found == REAL_SOLICITATIONS
    for line in REAL_FORMAT_NOTES:
        assert not findings_of(ContactSolicitation, line + "\n"), line
