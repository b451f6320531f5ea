"""Varieties (L103 written Cantonese, L104 Japanese): real paragraphs both ways, and config."""

import pytest

from cnlint.config import Config, ConfigError, config_from_mapping
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules.language import JapaneseParagraph, WrittenCantonese
from cnlint.testing import findings_of

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need

# Written Cantonese from Hong Kong sites (art-mate.net, 4everlearning.edu.hk, ougame.hk),
# paragraphs cut at a sentence end.
CANTONESE = [
    "廣東話博大精深,一個「鬼」字包含多重意思,唔同用法有唔同意思。「鬼」字解「鬼魂」,七月"
    "「鬼節」、十月哈佬喂去蘭桂坊「扮鬼」,港女「湊鬼」。政改諮詢結束話之你乜鬼三軌提名方案,"
    "結果都好似「俾鬼責」咁無得你郁。香港咁鬼亂,咁鬼多好笑嘢,咁鬼多嘢可以鬧,政改改乜鬼呀,"
    "搵鬼做特首算啦!",
    "對於由細到大都講廣東話嘅香港人,有無發現我哋好多時講嘅嘢都「有音無字」咖呢?就係因為呢個"
    "緣故,我哋平時用Whatsapp、微博、Facebook嗰陣,都會假借同音字嚟取替一啲所謂「有音無字」"
    "嘅字去表達自己嘅意思 (好似我哋個專頁咁!)。",
    "百家樂其實係一款相對簡單嘅遊戲,玩家只需要喺莊家(荷官)同閒家之間作出押注,睇吓邊一邊會更"
    "接近9點。每一方最少會派兩張牌,最多三張。計分規則如下:",
]
# Mandarin about Cantonese (voltra.academy, am1430.com): the Cantonese words are quoted.
MANDARIN_QUOTING = [
    "「我喺(在)賓州大㗎!」≠「我係(是)賓州大㗎!」",
    "「嗰」,即「那」。「嗰個」,即「那個」;「係嗰度,唔係呢度」,即「是那個地方,不是這個地方」。",
    "「哋」,一般代表眾數,像白話文的「們」,所以廣東話的「我哋」、「你哋」、「佢吔」、「人吔」,"
    "就是白話文的「我們」、「你們」、「他們」和「人們」。",
]


@pytest.mark.parametrize("paragraph", CANTONESE)
def test_cantonese_paragraphs_are_reported_with_their_share(paragraph):
    (finding,) = findings_of(WrittenCantonese, paragraph + "\n")
    assert (finding.start, finding.end) == (0, len(paragraph))
    assert "%" in finding.message


@pytest.mark.parametrize("paragraph", MANDARIN_QUOTING)
def test_mandarin_quoting_cantonese_words_is_not_cantonese(paragraph):
    assert not findings_of(WrittenCantonese, paragraph + "\n")


def test_target_variety_accepts_cantonese():
    text = CANTONESE[1] + "\n"
    for variety in ("cantonese", "any"):
        assert not findings_of(WrittenCantonese, text, settings={"target_variety": variety})
    config = config_from_mapping({"target-variety": "cantonese"}, "cnlint.toml", None)
    assert config.settings.target_variety == "cantonese"
    with pytest.raises(ConfigError, match="target-variety"):
        config_from_mapping({"target-variety": "hakka"}, "cnlint.toml", None)


def test_japanese_needs_enough_kana():
    essay = "我々日本人は文法など解らなくても、日本語をしゃべるのには困らない。\n"
    assert findings_of(JapaneseParagraph, essay)
    assert not findings_of(JapaneseParagraph, essay, {"min-kana": 40})


def test_shared_mandarin_corpora_and_seeds_have_no_variety_paragraph():
    linter = Linter(Config(select=("L103", "L104")))
    paths = sorted(SEEDS.glob("*.txt"))
    for folder in (need(DIRTY_CORPUS), need(CLEAN_CORPUS)):
        paths += sorted(folder.glob("*.txt"))
    for path in paths:
        for doc in read_text_file(path).documents:
            assert not linter.lint(doc), path.name
