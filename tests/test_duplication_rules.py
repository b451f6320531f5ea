"""Duplication rules (D101-D103) on the seeds and the external corpus, beyond their examples."""

from cnlint import Document
from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file
from cnlint.rules._text.paragraph_keys import comparison_key
from cnlint.rules.duplication import (
    DuplicateParagraph,
    NearDuplicateParagraph,
    RepeatedSentence,
    d102_near_duplicate_paragraph,
)
from cnlint.testing import findings_of, fixed_text

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def dirty_text(name: str) -> str:
    return (need(DIRTY_CORPUS) / name).read_text(encoding="utf-8")


def test_seed_001_duplicates_are_found_and_the_complete_copies_kept():
    text = seed_text("001")
    doc = Document(text)
    found = findings_of(DuplicateParagraph, text)
    # D9: 39 = 53, 109 = 147, 111 = 149, caption 135 = 139. The stray 39 (ends 启动机关,
    # followed by a heading) goes; 53, whose sentence goes on in 55, stays.
    assert [doc.position(f.start)[0] for f in found] == [39, 139, 147, 149]
    assert found[0].message == "Duplicate of the paragraph at line 53"

    fixed = fixed_text(DuplicateParagraph, text)
    stray = "加快补齐农村“民生短板”,启动机关"
    assert fixed.count(stray) == 1
    assert stray + "\n\n事业单位和社会服务单位厕所对外开放工作" in fixed  # 53 + 55 together
    assert fixed.count("“一点恒心”暖民心。") == 1
    assert fixed.count("现场体验实弹射击,接受军事训练。 高淑芳 摄") == 1
    assert len(text) - len(fixed) == sum(f.end - f.start for f in found)


def test_a_recurring_section_heading_is_not_a_duplicate():
    # seed 003 lines 4, 20, 30: 為群眾辦實(shí)事
    assert findings_of(DuplicateParagraph, seed_text("003")) == []


def test_copies_that_differ_in_mark_width_and_spacing_are_exact_duplicates():
    assert comparison_key("“三心”用守初心, 交通路社区") == comparison_key(
        "“三心”用守初心，交通路社区"
    )
    # seed 001 line 111, once as scraped and once after a width fix
    line = "“三心”用守初心,交通路社区把“民心”这把尺子作为测算工作成效的重要标准。"
    text = f"{line}\n\n{line.replace(',', '，')}\n\n(张晋晋)\n"
    assert len(findings_of(DuplicateParagraph, text)) == 1


def test_repeated_records_of_a_scraped_feed_are_near_duplicates():
    # dirty/weibo_kw_002.txt lines 17 and 19: the same repost, one minute apart
    text = dirty_text("weibo_kw_002.txt")
    doc = Document(text)
    found = findings_of(NearDuplicateParagraph, text)
    assert any(doc.position(f.start)[0] == 19 and f.message.endswith("line 17") for f in found), [
        f.message for f in found
    ]


def test_near_duplicates_are_not_compared_all_pairs(monkeypatch):
    # 190 distinct paragraphs of edited prose (the clean corpus) and one edited copy
    paragraphs = []
    for path in sorted(need(CLEAN_CORPUS).glob("*.txt")):
        for doc in read_text_file(path).documents:
            paragraphs += [doc.slice(span) for span in doc.paragraphs]
    paragraphs = [p for p in paragraphs if len(p) >= 40][:190]
    assert len(paragraphs) == 190
    copy = paragraphs[7].replace("的", "地", 1)
    text = "\n\n".join([*paragraphs, copy]) + "\n"

    calls = []
    real_ratio = d102_near_duplicate_paragraph.ratio

    def counting_ratio(a, b, score_cutoff=None):
        calls.append((a, b))
        return real_ratio(a, b, score_cutoff=score_cutoff)

    monkeypatch.setattr(d102_near_duplicate_paragraph, "ratio", counting_ratio)
    found = findings_of(NearDuplicateParagraph, text)
    assert [text[f.start : f.end].strip() for f in found] in ([paragraphs[7]], [copy])
    assert len(calls) < 190  # all pairs would be 18,145 comparisons


def test_threshold_is_an_option():
    # seed 001 line 109 and a copy with two words changed (about 95% similar)
    line = (
        "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作,做到爱心卡发放快、准、稳。"
    )
    edited = line.replace("常态化", "长期化").replace("发放快", "发得快")
    text = f"{line}\n\n{edited}\n"
    assert len(findings_of(NearDuplicateParagraph, text)) == 1
    assert findings_of(NearDuplicateParagraph, text, {"threshold": 99.0}) == []


def test_a_sentence_repeated_in_a_scraped_paragraph():
    # dirty/cwt_hq_010.txt: a biography whose sentence 2007年，他为两场世青赛执法。 is doubled
    text = dirty_text("cwt_hq_010.txt")
    found = findings_of(RepeatedSentence, text)
    assert [text[f.start : f.end].strip() for f in found] == ["2007年，他为两场世青赛执法。"]


def test_short_exclamations_are_not_repeated_sentences():
    # seed 001 line 35
    assert findings_of(RepeatedSentence, "“咚!咚!咚!”张大娘,这是您想要吃的西葫芦。\n") == []


def test_clean_corpus_has_no_duplication_findings():
    linter = Linter(Config(select=("D1",)))
    for path in sorted(need(CLEAN_CORPUS).glob("*.txt")):
        for doc in read_text_file(path).documents:
            assert linter.lint(doc) == [], path.name


def test_fields_of_a_flattened_table_are_not_repeated_sentences():
    # dirty/uninews_003.txt: 普通类（物理）：总分538分。 recurs for two schools
    assert findings_of(RepeatedSentence, dirty_text("uninews_003.txt")) == []


def test_equal_cut_off_scores_of_different_programmes_are_never_deleted():
    # dirty/uninews_003.txt: 普通类（物理）：总分538分。 and 体育类：文化科总分369分，… recur
    # for different programmes; deleting them loses those programmes' scores.
    text = dirty_text("uninews_003.txt")
    assert fixed_text(RepeatedSentence, text) == text


def test_a_procedure_repeated_for_another_batch_is_reported_not_deleted():
    # dirty/uninews_004.txt: the 本科 and the 专科 batches share three procedural sentences
    # (如没有出现…, 上述过程完成后…, 如果考生档案…), thousands of characters apart.
    text = dirty_text("uninews_004.txt")
    found = findings_of(RepeatedSentence, text)
    assert "如没有出现符合投档条件的院校专业组，则不能投档。" in [
        text[f.start : f.end] for f in found
    ]
    assert all(f.fix is None for f in found)
    assert fixed_text(RepeatedSentence, text) == text


def test_a_run_of_sentences_scraped_twice_in_a_row_loses_one_copy():
    # dirty/uninews_004.txt: two of its sentences, the pair written twice in a row
    pair = (
        "如没有出现符合投档条件的院校专业组，则不能投档。"
        "上述过程完成后，无论档案是否投出，均视为该考生已完成了本批次平行志愿投档。"
    )
    before = "投档后，其他所填报的院校专业组无效。"
    after = "（1）按类别根据考生高考成绩从高到低确定投档位序。\n"
    text = before + pair + pair + after
    found = findings_of(RepeatedSentence, text)
    assert [text[f.start : f.end] for f in found] == [pair]
    assert fixed_text(RepeatedSentence, text) == text.replace(pair + pair, pair)


def test_a_value_shared_by_two_records_is_reported_but_never_dropped():
    # dirty/uninews_010.txt lines 8 and 12: two majors list the same 【核心课程】; dropping
    # line 12 would leave the second major without its courses.
    text = dirty_text("uninews_010.txt")
    doc = Document(text)
    found = findings_of(DuplicateParagraph, text)
    assert [doc.position(f.start)[0] for f in found] == [12]
    assert found[0].fix is None
    assert fixed_text(DuplicateParagraph, text) == text


def test_a_post_text_under_another_user_stays_with_that_user():
    # dirty/tieba_iphone_001.txt lines 13 and 367: two users post the same question; each
    # post is user, text, date on consecutive lines
    text = dirty_text("tieba_iphone_001.txt")
    post = text.splitlines()[366].strip()
    assert text.count(post) == 2
    assert fixed_text(DuplicateParagraph, text).count(post) == 2


def test_a_record_printed_twice_keeps_all_its_fields():
    # dirty/baike_pprint_001.txt: whole dict records repeat; dropping only their description
    # lines would leave records without a description
    text = dirty_text("baike_pprint_001.txt")
    assert findings_of(DuplicateParagraph, text)
    assert fixed_text(DuplicateParagraph, text) == text


def test_near_duplicate_records_that_differ_both_ways_are_only_reported():
    # dirty/weibo_kw_002.txt: reposts by different users at different times
    text = dirty_text("weibo_kw_002.txt")
    assert findings_of(NearDuplicateParagraph, text)
    assert fixed_text(NearDuplicateParagraph, text) == text


def test_a_paragraph_repeated_twelve_times_in_a_row_loses_every_copy_in_one_pass():
    # issue 14: seed 001's line 109 pasted 12 times in a row. Each copy after the first
    # follows a copy, so all of them go at once; one copy per pass left two after the
    # engine's 10 passes, and a second --fix changed the text again.
    line = "“一点恒心”暖民心。交通路社区用一点恒心暖民心。\n"
    text = "活动开始。\n\n" + line * 12 + "\n(张晋晋)\n"
    found = findings_of(DuplicateParagraph, text)
    assert len(found) == 11
    assert all(f.fix is not None for f in found)
    fixed = fixed_text(DuplicateParagraph, text)
    assert fixed == "活动开始。\n\n" + line + "\n(张晋晋)\n"
    assert fixed_text(DuplicateParagraph, fixed) == fixed


def test_two_hundred_near_duplicates_are_all_found_in_linear_work(monkeypatch):
    # issue 14: seed 004's sentence for 200 house numbers (彰德路1号院 … 200号院), every
    # pair alike. Sketch buckets stop taking members at 32; a later paragraph must still meet
    # the members already there, or everything after the 32nd goes unreported.
    line = "7月24日下午,该街道辖区除彰德路{}号院外,所有停电小区均通了生活用电。"
    paragraphs = [line.format(number) for number in range(1, 201)]
    text = "\n\n".join(paragraphs) + "\n"
    calls = []
    real_ratio = d102_near_duplicate_paragraph.ratio

    def counting_ratio(a, b, score_cutoff=None):
        calls.append((a, b))
        return real_ratio(a, b, score_cutoff=score_cutoff)

    monkeypatch.setattr(d102_near_duplicate_paragraph, "ratio", counting_ratio)
    found = findings_of(NearDuplicateParagraph, text)
    assert len(found) == 199  # every paragraph but one is a near copy of another
    assert len(calls) <= 200 * d102_near_duplicate_paragraph.MAX_BUCKET  # not 19,900 pairs


def test_a_lone_surrogate_from_a_json_escape_does_not_crash_the_sketch():
    # issue 14: {"text":"絲\ud800"} reaches the rules as a str holding a lone surrogate
    paragraph = "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。"
    text = paragraph + "\ud800\n\n" + paragraph.replace("常态化", "长期化") + "\ud800\n"
    found = findings_of(NearDuplicateParagraph, text)
    assert len(found) == 1
    many = "\n\n".join(f"{paragraph}{number}\ud800" for number in range(100)) + "\n"
    assert findings_of(NearDuplicateParagraph, many)  # the bucket path sketches too


def test_a_list_item_closing_two_lists_of_a_law_is_not_a_duplicate():
    # the Red Cross Society law (bench quality corpus government/china-laws/7369841f11cc.txt):
    # （六）法律、法规规定的其他情形。 ends the lists of two articles
    items = "（五）未依法公开信息的；\n（六）法律、法规规定的其他情形。\n"
    article = (
        "第二十七条\u3000自然人、法人或者其他组织有下列情形之一，造成损害的，依法承担民事责任；"
        "构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任：\n"
        "（一）冒用、滥用、篡改红十字标志和名称的；\n（二）利用红十字标志和名称牟利的；\n"
        "（六）法律、法规规定的其他情形。\n"
    )
    assert findings_of(DuplicateParagraph, items + article) == []


def test_parallel_entries_of_an_option_list_are_not_near_duplicates():
    # groff(1), manpages-zh: the -P and -L entries are worded alike on purpose
    text = (
        "-P arg 把 arg 传给后处理器。 每个参数都要用单独的 -P 选项分开。 "
        "注意 groff 在传 arg 给后处理器时不会在前加上 - 。\n"
        "-l 把输出送到打印机， 所用的命令在设备描述文件中用 print 命令分开。\n"
        "-L arg 把 arg 传给打印机。 每个参数都要用单独的 -L 选项分开。 "
        "注意 groff 在传 arg 给后处理器时不会在前加上 - 。\n"
    )
    assert findings_of(NearDuplicateParagraph, text) == []
