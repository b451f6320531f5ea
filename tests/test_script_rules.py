"""Script rules (S101-S104) beyond their documented examples: seeds, whole documents, bad input."""

import re
from collections import Counter

import opencc
import pytest

from cnlint.config import Config, ConfigError
from cnlint.document import Document
from cnlint.linter import Linter
from cnlint.rules._text import conversion
from cnlint.rules._text.chars import PINYIN_LETTERS
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


def test_seed_003_is_flagged_paragraph_by_paragraph():
    findings = lint(SEED_003)
    counts = Counter(f.code for f in findings)
    paragraphs_with_traditional = {
        Document(SEED_003).line_index(p) for p in traditional_positions(SEED_003)
    }
    assert counts["S101"] == len(paragraphs_with_traditional) > 30
    mixed_lines = {Document(SEED_003).position(f.start)[0] for f in findings if f.code == "S103"}
    assert 2 in mixed_lines  # 黨員干部
    assert counts["S102"] == 0  # target-script is simplified


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
    # converts the paragraph; mixed-script names 干 (干部, 干警) and offers no fix of its own.
    line = SEED_003.splitlines()[1]
    mixed = [f for f in lint(line, "S103") if f.message.startswith("Simplified 干 ")]
    assert mixed and all(f.fix is None for f in mixed)
    fixed = Linter(Config(select=("S101", "S103"))).fix(Document(line)).text
    assert "党员干部" in fixed and traditional_positions(fixed) == ()


@pytest.mark.parametrize("seed", SIMPLIFIED_SEEDS, ids=lambda p: p.name[:3])
def test_simplified_seeds_have_no_script_findings(seed):
    assert lint(seed.read_text(encoding="utf-8"), "S101,S102,S103,S104") == []


def test_fully_traditional_text_is_clean_when_traditional_is_the_target():
    # Seed 000 (simplified) converted to Taiwan traditional: a 100% traditional document.
    traditional = opencc.OpenCC("s2tw").convert(SIMPLIFIED_SEEDS[0].read_text(encoding="utf-8"))
    assert len(traditional_positions(traditional)) > 100
    assert lint(traditional, "S101,S102,S103", target_script="traditional") == []
    assert len(lint(traditional, "S101")) > 5
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
    assert traditional_positions(fixed) == ()
    assert "著" not in fixed.replace("显著", "")  # OpenCC keeps 著; the particle is 着
    assert re.search(f"[(（][{PINYIN_LETTERS}]+[)）]", fixed) is None
    assert re.search("[,，、;；:：。!！?？]{2,}", fixed) is None
    assert "党员干部怀着感情、带着责任" in fixed
