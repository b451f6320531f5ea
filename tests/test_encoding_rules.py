"""Encoding rules (E101-E107) and decoding, beyond the documented examples.

Real files: ../shared/corpus/external/dirty-encoding/ (GBK, Big5, UTF-16-LE originals; see its
PROVENANCE.md) and the seeds, encoded here in GBK, GB18030 and Big5.
"""

from pathlib import Path

import opencc
import pytest

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_file
from cnlint.finding import Applicability
from cnlint.inputs.sources import SourceError, read_text_file

from conftest import SEEDS, SHARED, need

DIRTY_ENCODING = SHARED / "corpus" / "external" / "dirty-encoding"
DIRTY = SHARED / "corpus" / "external" / "dirty"
SEED_000 = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
SEED_003 = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
# 𠮷 (U+20BB7, as in 𠮷野家) is outside the BMP and outside GBK: only GB18030 can hold it.
GB18030_ONLY = SEED_000 + "\n𠮷野家的牛肉饭。"
TRADITIONAL_000 = opencc.OpenCC("s2tw").convert(SEED_000)


def linter(select: str = "E") -> Linter:
    return Linter(Config(select=tuple(select.split(","))))


@pytest.mark.parametrize(
    ("text", "encoding", "detected"),
    [
        (SEED_000, "gbk", "gb18030"),
        (GB18030_ONLY, "gb18030", "gb18030"),
        (TRADITIONAL_000, "big5", "big5"),
        (SEED_000, "utf-16", "utf-16"),
        (SEED_000, "utf-16-le", "utf-16-le"),
    ],
)
def test_legacy_file_is_detected_linted_and_transcoded_losslessly(
    tmp_path, text, encoding, detected
):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read_text_file(path).documents
    assert (doc.encoding, doc.text) == (detected, text)
    findings = linter().lint(doc)
    assert [f.code for f in findings] == ["E101"]
    assert findings[0].fix.applicability is Applicability.SAFE
    assert detected in findings[0].message

    result = process_file(path, linter("E101"), fix=True, write=True)
    assert result.written and result.error is None
    assert path.read_bytes() == text.encode("utf-8")  # same text, now UTF-8


def test_sogou_gbk_originals_decode_to_the_transcoded_corpus_text():
    for original, transcoded in [
        ("sogoucs_gbk_001", "sogoucs_001"),
        ("novel_gbk_orig_001", "novel_gbk_001"),
    ]:
        (doc,) = read_text_file(need(DIRTY_ENCODING / f"{original}.txt")).documents
        expected = (DIRTY / f"{transcoded}.txt").read_text(encoding="utf-8")
        assert doc.encoding == "gb18030" and doc.encoding_confidence >= 0.9
        assert doc.text.replace("\r\n", "\n") == expected


def test_big5_file_whose_lead_bytes_were_lost_is_a_clear_error():
    # mnbvc_big5_001: 6,395 of its double-byte characters lost their lead byte to '?'.
    with pytest.raises(SourceError, match=r"cannot decode: not UTF-8 .* Chinese text"):
        read_text_file(need(DIRTY_ENCODING / "mnbvc_big5_001.txt"))


def test_utf16_without_bom_and_broken_alignment_is_named_not_called_binary():
    with pytest.raises(SourceError, match=r"utf-16-le .*alignment"):
        read_text_file(need(DIRTY_ENCODING / "tieba_iphone_utf16_001.txt"))


def test_gbk_file_with_one_utf8_line_is_decoded_line_by_line(tmp_path):
    lines = SEED_000.split("\n")
    raw = b"\n".join(line.encode("utf-8" if i == 4 else "gbk") for i, line in enumerate(lines))
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    (doc,) = read_text_file(path).documents
    assert doc.text == SEED_000
    (finding,) = linter("E101").lint(doc)
    assert finding.fix.applicability is Applicability.UNSAFE  # not one encoding: check first
    assert process_file(path, linter("E101"), fix=True, write=True).written is False
    assert process_file(path, linter("E101"), fix=True, unsafe=True, write=True).written
    assert path.read_text(encoding="utf-8") == SEED_000


def test_binary_and_undecodable_files_are_errors_not_crashes(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in process_file(binary, linter()).error
    undecodable = tmp_path / "garbage.txt"
    undecodable.write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50)
    error = process_file(undecodable, linter()).error
    assert error.startswith("cannot decode: not UTF-8 (invalid byte 0x81 at offset 0)")


def test_nul_bytes_after_the_sniffed_start_are_reported_as_controls():
    text = SEED_000[:100] + "\x00\x00" + SEED_000[100:200]
    findings = linter("E103").lint(Document(text))
    assert [(text[f.start : f.end], f.code) for f in findings] == [("\x00\x00", "E103")]


def test_bom_file_keeps_its_mark_for_the_bom_rule(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_000.encode("utf-8"))
    (doc,) = read_text_file(path).documents
    assert doc.encoding == "utf-8" and doc.text[0] == "\ufeff"
    assert [f.code for f in linter().lint(doc)] == ["E102"]
    process_file(path, linter(), fix=True, write=True)
    assert path.read_bytes() == SEED_000.encode("utf-8")


def test_seed_003_lost_character_becomes_visible_and_pinyin_goes_with_unsafe_fixes():
    all_rules = Linter(Config(select=("ALL",)))
    fixed = all_rules.fix(Document(SEED_003), unsafe=True).text
    line = fixed.split("\n")[36]
    assert "小了\ufffd在新建了广场" in line
    assert "(xiàn)" not in fixed and "F(" not in fixed


def test_lost_character_is_not_a_safe_fix_because_it_leaves_a_replacement_char():
    # U+FFFD is what replacement-char (E104) reports: a safe fix may leave no finding behind.
    safely_fixed = Document(Linter(Config(select=("ALL",))).fix(Document(SEED_003)).text)
    assert "小了?,F(xiàn)在" in safely_fixed.text
    assert "E104" not in {f.code for f in linter().lint(safely_fixed)}
    assert ("?,F(xiàn)", "E105") in [
        (safely_fixed.text[f.start : f.end], f.code) for f in linter().lint(safely_fixed)
    ]


def test_sogou_fullwidth_digits_and_mojibake_in_real_text():
    doc = read_text_file(need(DIRTY_ENCODING / "sogoucs_gbk_001.txt")).documents[0]
    codes = {f.code for f in linter().lint(doc)}
    assert {"E101", "E107"} <= codes
    assert "６月１２日" in doc.text
    assert "6月12日" in linter("E107").fix(doc).text


def test_misaligned_gbk_debris_is_reported_and_left_unfixed():
    # dirty/sogoucs_*.txt: Sogou news whose GBK went out of step after a lost byte.
    files = sorted(need(DIRTY).glob("sogoucs_*.txt"))
    flagged = [p.name for p in files if linter("E108").lint(Document(p.read_text("utf-8")))]
    assert len(files) == 25 and len(flagged) >= 20
    text = (DIRTY / "sogoucs_006.txt").read_text(encoding="utf-8")
    debris = "?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?"
    findings = linter("E108,P103,E107").lint(Document(text))
    start = text.index(debris)
    here = [f for f in findings if f.start < start + len(debris) and start < f.end]
    assert [(f.code, text[f.start : f.end]) for f in here] == [("E108", debris)]
    assert debris in linter("P103,E107").fix(Document(text)).text


def test_question_marks_and_fullwidth_digits_in_real_sentences_are_not_debris():
    # sogoucs_gbk_001 (dirty-encoding), first sentence: full-width digits throughout
    # (６月１２日); a real question mark after Chinese, then full-width digits.
    doc = read_text_file(need(DIRTY_ENCODING / "sogoucs_gbk_001.txt")).documents[0]
    sentence = doc.text[: doc.text.index("。") + 1]
    assert "１２日" in sentence and not linter("E108").lint(Document(sentence))
    asked = "真的吗? 共１２人，增长1,000人。"
    assert not linter("E108").lint(Document(asked))
    assert linter("P103,E107").fix(Document(asked)).text == "真的吗？共12人，增长1,000人。"


def test_gbk_read_as_latin1_lines_are_recovered():
    # mnbvc_charset_001 (dirty corpus): a GBK novel read as Latin-1.
    text = need(DIRTY / "mnbvc_charset_001.txt").read_text(encoding="utf-8")
    fixed = Linter(Config(select=("E105",))).fix(Document(text), unsafe=True).text
    assert "作者：上帝不在天堂" in fixed


def test_emoji_heavy_text_is_clean():
    text = "今天天气真好😀😀👍🏻，我们去公园吧🎉🎉🎉！👨\u200d👩\u200d👧\u200d👦全家出动❤️。\n" * 20
    assert linter().lint(Document(text)) == []


def test_clean_seeds_have_no_encoding_findings():
    for seed in sorted(SEEDS.glob("*.txt")):
        findings = linter().lint(read_text_file(Path(seed)).documents[0])
        assert [f.code for f in findings] == (["E105"] if seed.name.startswith("003_") else [])


# ---- lone surrogates (issue 14): half of a character, lost ---------------------------------

# A JSON escape \ud800 without its other half decodes to a lone surrogate (one character).
SURROGATE_JSONL = '{"id": "s1", "text": "絲\\ud800綢之路，全長七千公里。"}\n'


def test_a_lone_surrogate_from_a_json_escape_is_reported_without_a_fix(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(SURROGATE_JSONL, encoding="utf-8")
    result = process_file(path, linter("E103"), fix=False)
    ((doc, finding),) = [(d, f) for d, f in result.findings if f.code == "E103"]
    assert doc.text[finding.start : finding.end] == "\ud800"
    assert (finding.start, finding.end) == (1, 2)
    assert "surrogate" in finding.message.lower() and "U+D800" in finding.message
    assert finding.fix is None  # the lost half cannot be restored: nothing to fix


def test_a_lone_surrogate_in_plain_text_is_reported_and_pairs_are_not():
    text = "絲\udfff綢之路，𠮷野家的牛肉饭。"  # a lone low surrogate, and a real pair (𠮷)
    findings = linter("E103").lint(Document(text))
    assert [(text[f.start : f.end], f.fix) for f in findings] == [("\udfff", None)]


def test_fixing_a_record_with_a_lone_surrogate_leaves_it_byte_for_byte(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(SURROGATE_JSONL, encoding="utf-8")
    process_file(path, linter("E"), fix=True, unsafe=True, write=True)
    assert path.read_text(encoding="utf-8") == SURROGATE_JSONL


# ---- UTF-16 debris (issue 14): bytes of UTF-16 text read one byte a character -------------


def utf16_debris(text: str) -> str:
    """What a UTF-8 reader keeps of UTF-16-LE text: one character per byte, NULs included."""
    return text.encode("utf-16-le").decode("latin-1")


DEBRIS_DOC = (
    "帖子正文。\n" + utf16_debris("微博正文：") + "\n" + utf16_debris("iPhone 5s 很好用") + "\n"
)


def test_safe_invisible_char_fixes_leave_utf16_debris_decodable():
    fixed = linter("E103").fix(Document(DEBRIS_DOC)).text
    debris = fixed.split("\n")[1:3]
    assert [line.encode("latin-1").decode("utf-16-le") for line in debris] == [
        "微博正文：",
        "iPhone 5s 很好用",
    ]


def test_invisible_chars_in_utf16_debris_are_still_reported():
    findings = linter("E103").lint(Document(DEBRIS_DOC))
    assert findings and all(f.fix is None for f in findings)
    assert all("UTF-16" in f.message for f in findings)


def test_a_nul_in_ordinary_text_is_still_fixed_safely():
    findings = linter("E103").lint(Document("共\x00产党的宗旨。"))
    assert [f.fix.applicability for f in findings] == [Applicability.SAFE]
