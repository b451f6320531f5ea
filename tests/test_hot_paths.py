"""Fast versions of rule internals give exactly what the plain versions give."""

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS

SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_vectorised_repetition_count_equals_counting_substrings():
    from collections import Counter

    from cnlint.rules.quality.q103_repetition_ratio import repeated_ngrams

    def by_counter(text, size):
        grams = [text[i : i + size] for i in range(len(text) - size + 1)]
        counts = Counter(grams)
        return sum(1 for g in grams if counts[g] > 1), len(grams)

    for line in [
        *SEED_LINES,
        "",
        "复读复读复读复读",
        "𠀀𠀀𠀀𠀀a",
        "\ud800a𠀀\ud800a𠀀",
        "\udc80ab" * 3,
    ]:
        for size in (1, 3, 10):
            assert repeated_ngrams(line, size) == by_counter(line, size), (line, size)


def test_the_repetition_bound_decides_as_the_exact_count():
    # Real texts cut to many lengths (a paragraph to a page), clean and dirty: wherever the
    # share of repeated n-grams exceeds the maximum, the count is exact; elsewhere it is
    # an upper bound that stays within the maximum, so the rule decides alike.
    from cnlint.document import Document
    from cnlint.rules._text.census import content_of
    from cnlint.rules.quality.q103_repetition_ratio import repeated_ngrams, without_entities

    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(DIRTY_CORPUS.glob("*.txt"))[:60]]
    paths += sorted(CLEAN_CORPUS.glob("*.txt"))[:20]
    over = bounded = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for length in (40, 150, 600, 1500, 5000):
            content = without_entities(content_of(Document(text[:length])))
            for size in (3, 10):
                exact, total = repeated_ngrams(content, size)
                for within in (0.1, 0.3):
                    count, same_total = repeated_ngrams(content, size, within)
                    assert same_total == total
                    if total and exact / total > within:
                        assert count == exact, (path.name, length, size, within)
                        over += 1
                    else:
                        assert exact <= count <= within * total, (path.name, length, size)
                        bounded += count > exact
    assert over > 50 and bounded > 50  # both ways taken, and the bound not always exact


def test_newline_first_blank_runs_equal_the_plain_pattern():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnlint.rules.structure.t201_blank_lines import blank_runs

    plain = re.compile(r"(?:[ \t\u3000\u00a0]*\r?\n){2,}")

    @settings(max_examples=500, deadline=None)
    @given(st.text(st.sampled_from(list(" \t\u3000\u00a0\r\n文a"))))
    def check(text):
        assert list(blank_runs(text)) == [m.span() for m in plain.finditer(text)]

    check()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert list(blank_runs(text)) == [m.span() for m in plain.finditer(text)]


def _slow_and_fast_findings(rule, text, monkeypatch_targets):
    """Findings of ``rule`` on ``text`` with its shortcuts, then with them patched away."""
    import pytest

    from cnlint.document import Document

    fast = [(f.start, f.end, f.message) for f in rule.check(Document(text))]
    with pytest.MonkeyPatch.context() as patch:
        for target, name, value in monkeypatch_targets:
            patch.setattr(target, name, value)
        slow = [(f.start, f.end, f.message) for f in rule.check(Document(text))]
    return fast, slow


def assert_shortcuts_change_nothing(rules, texts) -> None:
    """On every generated text, each rule reports the same with its shortcuts patched away."""
    from hypothesis import given, settings

    @settings(max_examples=400, deadline=None)
    @given(texts)
    def check(text):
        for rule, patches in rules:
            fast, slow = _slow_and_fast_findings(rule, text, patches)
            assert fast == slow, (rule.code, text)

    check()


def test_character_census_counts_what_the_regexes_count():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnlint import chars
    from cnlint.rules._text import census
    from cnlint.rules.language import l102_non_chinese_document as non_chinese

    alphabet = list(
        " \t\n\u3000\x1c\x85\u200b\ufeff文字，。a Zé¶¡£»<>#*★αЖあ한\U00020000\U0001f600"
    )
    counters = [
        (
            census.CHARACTER_COUNTER,
            [
                re.compile(r"\s"),
                re.compile(f"(?!\\s){census.INVISIBLE_CHAR.pattern}"),
                census.SYMBOL,
                chars.HAN_CHAR,
                census.ALPHABETIC_LETTER,
                census.SYLLABIC,
            ],
        ),
        (
            non_chinese.LETTER_COUNTER,
            [chars.HAN_CHAR, census.ALPHABETIC_LETTER, census.SYLLABIC],
        ),
    ]

    @settings(max_examples=300, deadline=None)
    @given(st.text(st.sampled_from(alphabet)))
    def check(text):
        beyond = sum(ord(c) > 0xFFFF for c in text)
        for counter, classes in counters:
            bmp = "".join(c for c in text if ord(c) <= 0xFFFF)
            expected = [len(pattern.findall(bmp)) for pattern in classes]
            assert counter.count(text) == [*expected, beyond]

    check()


def test_duplication_shortcuts_change_no_finding():
    from hypothesis import strategies as st

    from cnlint.rules.duplication import (
        DuplicateParagraph,
        NearDuplicateParagraph,
        RepeatedSentence,
        d101_duplicate_paragraph,
        d102_near_duplicate_paragraph,
    )

    # Paragraphs from a small pool (copies, near copies, a copy with other spacing and
    # comma width, repeated sentences) or of short sentences from few characters, with
    # marks-only "sentences"; the options make short texts count. About a quarter of the
    # texts get findings from each rule.
    word = st.text(st.sampled_from(list("甲乙 ,，")), max_size=5)
    sentence = word.map(lambda w: w + "。") | st.sampled_from(["”", "！", "?", "。", " ", "」"])
    pool = ["甲乙丙丁戊。", "甲乙丙丁己。", "甲乙丙丁。", "甲 乙丙丁戊,己。", "甲乙丙丁戊，己。"]
    pool += [
        "”甲乙丙。",
        "甲乙丙。甲乙丙。",
        "甲乙丙丁!甲乙丙丁!",
        "甲乙丙丁，戊己庚辛",
        " 甲乙丙丁，戊己 ",
    ]
    pool += ["”。。。 ”。。。", "”甲乙丙。 ”甲乙丙。", "甲乙。” 甲乙。”"]
    paragraph = st.sampled_from(pool) | st.lists(sentence, max_size=5).map("".join)
    texts = st.lists(paragraph, max_size=8).map("\n".join)
    rules = [
        (DuplicateParagraph({"min-chars": 2}), [(d101_duplicate_paragraph, "repeated_keys", set)]),
        (
            NearDuplicateParagraph({"min-chars": 3, "threshold": 60.0}),
            [
                (d102_near_duplicate_paragraph, "has_similar_pair", lambda keys, threshold: True),
                (
                    d102_near_duplicate_paragraph,
                    "candidate_pairs",
                    lambda k, e, t: d102_near_duplicate_paragraph.bucket_pairs(k, e),
                ),
            ],
        ),
        (RepeatedSentence({"min-chars": 3}), [(RepeatedSentence, "_may_repeat", lambda *a: True)]),
        (RepeatedSentence({"min-chars": 0}), [(RepeatedSentence, "_may_repeat", lambda *a: True)]),
    ]

    assert_shortcuts_change_nothing(rules, texts)


def test_census_shortcuts_change_no_finding():
    from hypothesis import strategies as st

    from cnlint.rules.language import NonChineseDocument, l102_non_chinese_document
    from cnlint.rules.quality import (
        ShortDocument,
        SymbolRatio,
        q101_short_document,
        q102_symbol_ratio,
    )

    pieces = ["中文", "字", "word ", "Ab", "é", "αβ ", "あ", "¶", "★", "\U0001f600", "\U00020000"]
    pieces += [
        "<p>",
        "</p>",
        "<中文>",
        "<中文中文中文>",
        "a ",
        "http://a.b/c ",
        " ",
        "\n",
        "\u200b",
        "，",
    ]
    texts = st.lists(st.sampled_from(pieces), max_size=40).map("".join)
    rules = [
        (
            NonChineseDocument({"min-words": 3}),
            [(l102_non_chinese_document, "letter_census", lambda doc: None)],
        ),
        (SymbolRatio({"max-ratio": 0.1}), [(q102_symbol_ratio, "census", lambda doc: None)]),
        (ShortDocument({"min-chars": 10}), [(q101_short_document, "census", lambda doc: None)]),
    ]

    assert_shortcuts_change_nothing(rules, texts)


def test_wrap_width_stops_early_and_agrees_with_all_gaps():
    # The hard-wrap test gives up at the first uneven gap; the full computation sorts them all.
    from itertools import pairwise

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnlint.rules.structure.t105_cjk_space import (
        ANY_SPACE,
        MIN_WRAP_WIDTH,
        MIN_WRAPS,
        WRAP_TOLERANCE,
        wrap_width,
    )

    def from_all_gaps(paragraph):
        positions = [m.start() for m in ANY_SPACE.finditer(paragraph)]
        if len(positions) < MIN_WRAPS:
            return 0
        gaps = sorted(b - a for a, b in pairwise(positions))
        width = gaps[len(gaps) // 2]
        if width < MIN_WRAP_WIDTH or gaps[-1] - gaps[0] > 2 * WRAP_TOLERANCE:
            return 0
        return width - 1

    # Seed 001, line 7: pieces of 15 to 19 characters joined by a space, as a hard wrap does.
    line = "各地开展我为群众办实事实践活动，让群众感受到实实在在的变化和温暖"
    pieces = st.lists(st.integers(0, len(line)), max_size=12)

    @settings(max_examples=300, deadline=None)
    @given(pieces, st.integers(15, 19), st.sampled_from([" ", "\u3000"]))
    def check(cuts, width, space):
        wrapped = space.join(line[:width] for _ in range(len(cuts)))
        assert wrap_width(wrapped) == from_all_gaps(wrapped)
        spaced = "".join(line[:cut] + space for cut in cuts)
        assert wrap_width(spaced) == from_all_gaps(spaced)

    check()
    assert wrap_width(" ".join([line[:17]] * 5)) == 17


def test_halfwidth_syntax_spans_equal_the_plain_patterns():
    # P103's smileys, one pattern per eye, and its ?argument? pattern, '?'-led, find what the
    # class-led and lookbehind-led patterns find.
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnlint.rules.punctuation.p103_halfwidth_punctuation import (
        HTML_ENTITY,
        OPTIONAL_ARGUMENT,
        not_punctuation,
    )

    emoticon = re.compile(r"[:;=]-?[()\[\]DPp](?![A-Za-z0-9])")
    optional = re.compile(r"(?<![^\s{\[])\?[^\s?{}]{1,40}\?(?![^\s}\]])")

    def plain(text):
        spans = [m.span() for m in emoticon.finditer(text)] if ":" in text or ";" in text else []
        if "&" in text:
            spans += [m.span() for m in HTML_ENTITY.finditer(text)]
        if "?" in text:
            spans += [m.span() for m in optional.finditer(text)]
        return sorted(spans)

    @settings(max_examples=500, deadline=None)
    @given(st.text(st.sampled_from(list(":;=-()[]DPpa1 ?{}\n标签&#;"))))
    def check(text):
        assert [m.span() for m in OPTIONAL_ARGUMENT.finditer(text)] == [
            m.span() for m in optional.finditer(text)
        ]
        assert not_punctuation(text) == plain(text)

    check()
    synopsis = "{checkbutton 菜单名 ?标签列表? ?描述? ?快捷键? ?选项值? ...}"  # manpages-zh
    assert not_punctuation(synopsis) == plain(synopsis) != []
    assert not_punctuation("收到了，很喜欢:) 下次还来;-)") == [(7, 9), (14, 17)]


def test_the_gbk_signature_search_finds_what_the_set_holds():
    from cnlint.rules._text.mojibake import GBK_SIGNATURE, GBK_SIGNATURE_CHARACTER

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in DIRTY_CORPUS.glob("*.txt")]
    texts += SEED_LINES + [f"民生{c}事" for c in sorted(GBK_SIGNATURE)]  # each one alone
    found = [bool(GBK_SIGNATURE_CHARACTER.search(text)) for text in texts]
    assert found == [not GBK_SIGNATURE.isdisjoint(text) for text in texts]
    assert any(found[: -len(GBK_SIGNATURE)]) and not all(found)
