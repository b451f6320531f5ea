"""Script rules (S101-S104) beyond their documented examples: seeds, whole documents, bad input."""

import re
from collections import Counter

import opencc
import pytest

from cnlint.chars import PINYIN_LETTERS
from cnlint.config import Config, ConfigError
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.rules._text import conversion
from cnlint.rules._text.script_tables import (
    LEFTOVERS,
    SIMPLIFIED_ONLY,
    TRADITIONAL_ONLY,
    leftover_positions,
    traditional_positions,
)

from conftest import ROOT, SEEDS

SEED_003 = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
SIMPLIFIED_SEEDS = [p for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("003_")]


def lint(text: str, select: str = "S", **settings) -> list:
    return Linter(Config(select=tuple(select.split(",")), **settings)).lint(Document(text))


def test_tables_tell_scripts_apart_without_variant_traps():
    assert {"們", "實", "黨", "羣", "並"} <= TRADITIONAL_ONLY
    assert {"们", "实", "这", "并"} <= SIMPLIFIED_ONLY
    assert "党" not in SIMPLIFIED_ONLY  # 党 is a traditional surname too
    # OpenCC s2t writes 群 as 羣 and 峰 as 峯: the variant preference must not make these
    # everyday traditional characters "simplified-only"; shared characters are in neither.
    for shared in "群峰人大干里后于了":
        assert shared not in SIMPLIFIED_ONLY and shared not in TRADITIONAL_ONLY
    assert set(LEFTOVERS) >= set("干里后于余")


def test_tables_cite_their_opencc_source():
    for name in ("traditional_only.txt", "simplified_only.txt", "leftovers.txt"):
        header = (ROOT / "rules" / "data" / name).read_text(encoding="utf-8").splitlines()[1]
        assert "OpenCC 1." in header and "build_script_tables.py" in header


def test_seed_003_leftovers_are_found_and_traps_are_not():
    found = {SEED_003[p - 1 : p + 2] for p, _ in leftover_positions(SEED_003, 0, len(SEED_003))}
    assert {"員干部", "最后一", "由于資", "心里,", "這么大"} <= found
    # 奮斗征程: 斗 is a leftover (奮鬥), 征 in 征程 is right in traditional text too.
    positions = {p for p, _ in leftover_positions(SEED_003, 0, len(SEED_003))}
    journey = SEED_003.index("奮斗征程")
    assert journey + 1 in positions and journey + 2 not in positions


def test_seed_003_is_one_finding_for_a_document_in_traditional_script():
    # Seed 003 is written wholly in traditional script: one defect, one finding (issue 15),
    # whose fix converts every paragraph that holds a traditional character.
    findings = lint(SEED_003)
    counts = Counter(f.code for f in findings)
    paragraphs_with_traditional = {
        Document(SEED_003).line_index(p) for p in traditional_positions(SEED_003)
    }
    assert len(paragraphs_with_traditional) > 30
    (document,) = [f for f in findings if f.code == "S101"]
    assert document.message.startswith("Written in traditional script")
    edited = {Document(SEED_003).line_index(e.start) for e in document.fix.edits}
    assert edited >= paragraphs_with_traditional
    # Its paragraphs are S101's defect alone: mixed-script stays silent there.
    assert counts["S103"] == 0
    assert counts["S102"] == 0  # target-script is simplified


def test_a_simplified_document_keeps_one_finding_per_traditional_paragraph():
    # seed 000 with two paragraphs converted to traditional: the document is simplified,
    # each converted paragraph is its own defect.
    lines = SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8").splitlines()
    converted = [i for i, line in enumerate(lines) if len(line) > 20][:2]
    for i in converted:
        lines[i] = opencc.OpenCC("s2tw").convert(lines[i])
    findings = lint("\n".join(lines), "S101")
    assert len(findings) == 2
    assert not any(f.message.startswith("Written in") for f in findings)


def test_one_traditional_character_is_counted_in_the_singular():
    # Seed 000's first long line with one character in its traditional form (务 -> 務).
    line = next(
        x for x in SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8").splitlines() if "务" in x
    )
    (finding,) = lint(line.replace("务", "務", 1), "S101")
    assert finding.message.startswith("1 traditional character in simplified text: ")


def test_seed_003_fixed_is_simplified():
    fixed = Linter(Config(select=("S",))).fix(Document(SEED_003)).text
    assert traditional_positions(fixed) == ()
    assert "党员干部走进帮扶家庭" in fixed
    assert "新征程" not in fixed or "新徵程" not in fixed
    assert lint(fixed, "S101,S103") == []


@pytest.mark.parametrize("target", ["simplified", "traditional", "any"])
def test_script_fixes_edit_only_inside_their_findings(target):
    # Seed 003 (traditional paragraphs with simplified leftovers) and its half-converted
    # mirror: seed 000 with every other paragraph converted to traditional.
    seed_000 = SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8").splitlines()
    half = "\n".join(
        opencc.OpenCC("s2tw").convert(line) if i % 2 else line for i, line in enumerate(seed_000)
    )
    fixes = 0
    for text in (SEED_003, half, "宝黨黨"):  # the last one found by hypothesis
        for finding in lint(text, "S101,S102,S103", target_script=target):
            for edit in finding.fix.edits if finding.fix else ():
                fixes += 1
                assert finding.start <= edit.start <= edit.end <= finding.end, finding
    assert fixes > 10


def test_mixed_script_leaves_a_paragraph_in_the_other_script_to_its_conversion():
    # seed 003 line 2: mostly traditional, target simplified. traditional-in-simplified
    # reports the paragraph and converts all of it (干部 included): one defect, one finding.
    line = SEED_003.splitlines()[1]
    assert lint(line, "S103") == []
    assert len(lint(line, "S101")) == 1
    fixed = Linter(Config(select=("S101", "S103"))).fix(Document(line)).text
    assert "党员干部" in fixed and traditional_positions(fixed) == ()
    # With traditional as the target, the same paragraph is mixed and 干 is converted.
    mixed = lint(line, "S103", target_script="traditional")
    assert any("干" in f.message and f.fix for f in mixed)


# 山海經 南山經 and 史記 項羽本紀 from the quality benchmark (classical, edited): the sources
# themselves write 于 and 并; in a simplified corpus the paragraphs are S101's defect alone.
CLASSICAL = [
    "又東三百五十里，曰箕尾之山，其尾踆于東海，多沙石。汸水出焉，而南流注于淯，其中多白玉。",
    "漢欲西歸，張良、陳平說曰：「漢有天下太半，而諸侯皆附之。」"
    "於是乃發使者告韓信、彭越曰：「并力擊楚。」",
]


@pytest.mark.parametrize("text", CLASSICAL, ids=["nanshanjing", "xiangyu"])
def test_classical_traditional_paragraph_is_one_finding_in_a_simplified_corpus(text):
    assert [f.code for f in lint(text)] == ["S101"]


@pytest.mark.parametrize("seed", SIMPLIFIED_SEEDS, ids=lambda p: p.name[:3])
def test_simplified_seeds_have_no_script_findings(seed):
    assert lint(seed.read_text(encoding="utf-8"), "S101,S102,S103,S104") == []


def test_fully_traditional_text_is_clean_when_traditional_is_the_target():
    # Seed 000 (simplified) converted to Taiwan traditional: a 100% traditional document.
    traditional = opencc.OpenCC("s2tw").convert(SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8"))
    assert len(traditional_positions(traditional)) > 100
    assert lint(traditional, "S101,S102,S103", target_script="traditional") == []
    (document,) = lint(traditional, "S101")
    assert document.message.startswith("Written in traditional script")
    assert lint(traditional, "S102,S103", target_script="any") == []


def test_simplified_text_with_traditional_target_converts_back():
    text = SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8")
    linter = Linter(Config(select=("S102",), target_script="traditional"))
    fixed = linter.fix(Document(text)).text
    assert fixed == opencc.OpenCC("s2tw").convert(text)


def test_detection_does_not_convert(monkeypatch):
    def no_conversion(config):
        raise AssertionError("OpenCC must not run on text without findings")

    monkeypatch.setattr(conversion, "converter", no_conversion)
    for seed in SIMPLIFIED_SEEDS:
        assert lint(seed.read_text(encoding="utf-8")) == []


def test_opencc_config_is_validated():
    config = Config(select=("S101",), rule_options={"S101": {"opencc-config": "s2t"}})
    with pytest.raises(ConfigError, match="opencc-config"):
        Linter(config)


def test_japanese_document_is_not_a_foreign_script_leak():
    # A wholly Japanese paragraph (kana and kanji) is a language question, not a leak.
    text = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n"
    assert lint(text, "S104") == []
    assert lint(text, "S101,S102,S103") == []


def test_kana_leak_in_chinese_sentence_is_reported():
    findings = lint("回望中国共产党百年奋斗征程の始终与群众心连心。", "S104")
    assert [f.message.split()[0] for f in findings] == ["Japanese"]


@pytest.mark.parametrize("label", ["乌兹别克斯坦语名：", "俄文名：", "原名 ", "外文名:"])
def test_a_name_labelled_foreign_is_not_a_leak(label):
    # dirty corpus cwt_hq_010.txt: a referee's profile gives his name in Uzbek (Cyrillic)
    text = (
        "爱好：足球、游泳、网球、听音乐和看电影 家庭：父母、妻子和两个孩子【孩子是一对龙凤胎】 "
        f"语言：乌兹别克语、俄语、英语 {label}Равшан Сайфиддинович Эрматов "
        "执法特点：跑动积极到位，判罚果断自信，善于利用有利原则让比赛流畅进行，控制比赛能力强。"
    )
    assert lint(text, "S104") == []
    unlabelled = text.replace(label, "裁判")
    assert [f.message.split()[0] for f in lint(unlabelled, "S104")] == ["Cyrillic"]


def test_emoji_heavy_text_survives():
    text = "今天天气真好😀😀👍🏻，我们去公园吧🎉🎉🎉！👨‍👩‍👧‍👦全家出动。\n" * 20
    assert lint(text, "S") == []


def test_seed_003_after_check_fix_is_simplified_without_pinyin_or_doubled_marks():
    # What `cnlint check --fix` does: the default rules, safe fixes only.
    fixed = Linter(Config()).fix(Document(SEED_003)).text
    # Left for --unsafe-fixes: a lost character (mojibake's fix writes U+FFFD, which
    # replacement-char would then report), whose debris holds a mark and a pinyin syllable.
    assert fixed.count("小了?,F(xiàn)在") == 1
    fixed = fixed.replace("?,F(xiàn)", "")
    assert traditional_positions(fixed) == ()
    assert "著" not in fixed.replace("显著", "")  # OpenCC keeps 著; the particle is 着
    assert re.search(f"[(（][{PINYIN_LETTERS}]+[)）]", fixed) is None
    assert re.search("[,，、;；:：。!！?？]{2,}", fixed) is None
    assert "党员干部怀着感情、带着责任" in fixed


# ---- issue 14: lone surrogates from JSON escapes ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("絲\ud800", "simplified"),  # the record: {"text":"絲\ud800"}
        ("黨員干部走進幫扶家庭\ud800。", "simplified"),
        ("为群众办实事\udfff，新征程上再出发。", "traditional"),
    ],
)
def test_opencc_rules_survive_a_lone_surrogate_and_keep_it(text, target):
    assert lint(text, target_script=target), "the script defect beside the surrogate is found"
    fixed = Linter(Config(select=("S",), target_script=target)).fix(Document(text)).text
    surrogate = next(c for c in text if "\ud800" <= c <= "\udfff")
    assert fixed.count(surrogate) == 1 and len(fixed) == len(text)
    assert fixed.index(surrogate) == text.index(surrogate)
    assert fixed != text


def test_conversion_keeps_a_lone_surrogate_where_it_was():
    assert conversion.convert("絲\ud800綢", "t2s") == "丝\ud800绸"


# ---- issue 14: encoding damage belongs to the encoding rules ---------------------------------

# Seed 000's opening read back as GBK (UTF-8 bytes decoded as GBK): the mojibake holds
# traditional-only characters (鍚, 簡, 鏈) that converting would make unrecoverable.
SENTENCE = "各地基层干部都参与了这次为期三天的活动。"
MOJIBAKE = SENTENCE.encode("utf-8").decode("gbk", errors="replace")


@pytest.mark.parametrize("target", ["simplified", "traditional"])
def test_script_fixes_leave_mojibake_to_its_encoding_rule(target):
    text = f"会议通知：{MOJIBAKE}\n黨員干部走進幫扶家庭。\n"
    assert traditional_positions(MOJIBAKE)  # the trap: the damage looks traditional
    damage = text.index(MOJIBAKE), text.index(MOJIBAKE) + len(MOJIBAKE)
    findings = lint(text, target_script=target)
    assert findings  # the real script defects around the damage are still found
    for finding in findings:
        for edit in finding.fix.edits if finding.fix else ():
            assert edit.end <= damage[0] or edit.start >= damage[1], finding
    fixed = Linter(Config(select=("S",), target_script=target)).fix(Document(text)).text
    assert MOJIBAKE in fixed
    recovered = [f.fix.edits[0].content for f in lint(fixed, "E105") if f.fix]
    assert recovered and recovered[0].startswith("各地基层干部")


def test_misaligned_gbk_debris_is_not_converted():
    # dirty/sogoucs_006.txt: GBK read out of step after a lost byte. The debris (E108's) holds
    # simplified-only characters (颈 对 乔); in a traditional corpus the text around it is
    # still converted, the debris is left for the encoding rule.
    text = (ROOT.parent / "shared/corpus/external/dirty/sogoucs_006.txt").read_text("utf-8")
    debris = "?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?"
    line = next(line for line in text.splitlines() if debris in line)
    linter = Linter(Config(select=("S", "E108"), target_script="traditional"))
    assert any(f.code == "E108" for f in linter.lint(Document(line)))
    fixed = linter.fix(Document(line)).text
    assert debris in fixed and fixed != line


def test_utf16_debris_is_neither_converted_nor_a_foreign_script():
    # dirty/tieba_iphone_001.txt: posts saved as UTF-16 and read with the bytes swapped
    # (㈀ is '2', ⴀ is '-'): Han, hangul and private-use characters mixed. Converting them
    # would make the bytes unrecoverable, and the hangul is no Korean.
    path = ROOT.parent / "shared/corpus/external/dirty/tieba_iphone_001.txt"
    lines = path.read_text("utf-8", errors="surrogateescape").splitlines()
    debris = [line for line in lines if "㈀\u3000\u3100㘀ⴀ" in line]
    assert len(debris) > 10
    linter = Linter(Config(select=("S101", "S103", "S104")))
    for line in debris:
        assert linter.lint(Document(line)) == [], line[:40]
        assert linter.fix(Document(line)).text == line
    # a line of the same post that is text keeps its findings
    assert lint("点击这里查看더보기全部内容", "S104")


def test_a_character_without_a_common_simplified_form_is_not_traditional():
    # 山海經 南山經 (quality benchmark): 鮆 and 訑 have simplified forms only beyond the BMP
    # (𫚖, 𫍙), which GBK and most fonts lack; a simplified edition keeps 鮆.
    assert lint("苕水出于其阴，北流注于具区。其中多鮆鱼。", "S101") == []
    text = "有獸焉，其狀如羊，九尾四耳，其目在背，其名曰猼訑，佩之不畏。其中多鮆魚。"
    fixed = Linter(Config(select=("S101",))).fix(Document(text)).text
    assert fixed == "有兽焉，其状如羊，九尾四耳，其目在背，其名曰猼訑，佩之不畏。其中多鮆鱼。"
