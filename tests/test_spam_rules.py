"""Spam and ads rules (A): their phrase lists, what counts as contact details, real text."""

from cnlint.config import Config
from cnlint.linter import Linter
from cnlint.rules._text.contacts import PHONE_LIKE
from cnlint.rules.spam import ContactSolicitation, KeywordStuffing, PromotionalLine
from cnlint.sources import read_text_file
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
